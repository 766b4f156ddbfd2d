package dev.rebaser.catalog;

import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.context.ContextFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads the needed part of a tree from a folder, an archive stream or a URL into a
 * {@link SourceTree}.
 */
final class TreeSources {

	private final ArchiveLimits limits;

	private final long maxDownloadBytes;

	private final HttpClient http;

	TreeSources(ArchiveLimits limits, long maxDownloadBytes, HttpClient http) {
		this.limits = limits;
		this.maxDownloadBytes = maxDownloadBytes;
		this.http = http;
	}

	/** A checkout on disk: only manifest.go, test/images and catalog.yaml are read. */
	SourceTree directory(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			throw new IOException(root + " is not a folder");
		}
		BuildContext files = new BuildContext();
		Path images = root.resolve(SourceTree.IMAGES);
		if (Files.isDirectory(images)) {
			for (ContextFile file : ContextDirectory.read(images).files()) {
				files.put(new ContextFile(SourceTree.IMAGES + "/" + file.path(), file.kind(), file.mode(),
						file.content(), file.linkTarget()));
			}
		}
		Path external = root.resolve(SourceTree.EXTERNAL);
		if (Files.isDirectory(external)) {
			for (ContextFile file : ContextDirectory.read(external).files()) {
				files.put(new ContextFile(SourceTree.EXTERNAL + "/" + file.path(), file.kind(), file.mode(),
						file.content(), file.linkTarget()));
			}
		}
		for (String single : new String[] { SourceTree.MANIFEST, SourceTree.CATALOG }) {
			Path path = root.resolve(single);
			if (Files.isRegularFile(path)) {
				files.put(ContextFile.file(single, 0644, Files.readAllBytes(path)));
			}
		}
		return new SourceTree(files, root.toString());
	}

	/**
	 * A .tar.gz of a tree or of a release, read as it streams; everything not needed is
	 * skipped unread.
	 */
	SourceTree archive(InputStream tarGz, String origin) throws IOException {
		return new SourceTree(ContextArchive.read(bounded(tarGz, origin), limits, new TreeSelection()), origin);
	}

	/**
	 * A release tarball from a URL, streamed through the archive reader; never stored
	 * whole.
	 */
	SourceTree url(URI uri) throws IOException {
		return new SourceTree(ContextArchive.read(download(uri), limits, new TreeSelection()), uri.toString());
	}

	/**
	 * One folder (and what is under it) of a tarball at a URL, as a build context of its
	 * own.
	 */
	BuildContext folderOfTarball(URI uri, String folder) throws IOException {
		String prefix = folder.isEmpty() ? "" : folder.replaceAll("/+$", "") + "/";
		UnaryOperator<String> select = path -> {
			// the tarball's own top-level folder is optional: "httpd-2.4/alpine/…" or
			// "alpine/…"
			if (path.startsWith(prefix)) {
				return path.substring(prefix.length());
			}
			int slash = path.indexOf('/');
			return slash > 0 && path.startsWith(prefix, slash + 1) ? path.substring(slash + 1 + prefix.length()) : null;
		};
		return ContextArchive.read(download(uri), limits, select);
	}

	private InputStream download(URI uri) throws IOException {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IOException("only http and https URLs can be imported, not " + uri);
		}
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
		HttpResponse<InputStream> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("download of " + uri + " interrupted", ex);
		}
		if (response.statusCode() != 200) {
			response.body().close();
			throw new IOException(uri + " answered HTTP " + response.statusCode());
		}
		return bounded(response.body(), uri.toString());
	}

	/**
	 * Counts compressed bytes, so a endless or huge stream ends the import instead of the
	 * disk or the day.
	 */
	private InputStream bounded(InputStream in, String origin) {
		return new FilterInputStream(in) {

			private long read;

			@Override
			public int read() throws IOException {
				int b = super.read();
				count(b < 0 ? 0 : 1);
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				count(Math.max(n, 0));
				return n;
			}

			private void count(int n) {
				read += n;
				if (read > maxDownloadBytes) {
					throw new ArchiveTooLargeException(origin + " is larger than " + maxDownloadBytes + " bytes");
				}
			}
		};
	}

}
