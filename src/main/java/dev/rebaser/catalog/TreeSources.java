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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the needed part of a tree from a folder, an archive stream or a URL into a
 * {@link SourceTree}.
 *
 * <p>
 * A download goes only where the {@link AddressPolicy} allows, and so does every redirect
 * it follows: the client follows none itself, each hop's URL is checked and at most
 * {@value #MAX_REDIRECTS} are followed. The host is resolved once, for the check, and the
 * connection goes to an address that was checked, so that a name which resolves to
 * another address the second time (DNS rebinding) cannot redirect it: a plain http
 * request is sent to the checked address as to a proxy, with the URL in the request line
 * and the host in the Host header, as a server must accept. An https request lets the
 * client resolve the name again, but it verifies that the peer holds a certificate for
 * that name, which a host it was rebound to inside the network does not.
 */
final class TreeSources {

	static final int MAX_REDIRECTS = 5;

	private final ArchiveLimits limits;

	private final long maxDownloadBytes;

	private final AddressPolicy policy;

	private final HttpClient https = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	TreeSources(ArchiveLimits limits, long maxDownloadBytes, AddressPolicy policy) {
		this.limits = limits;
		this.maxDownloadBytes = maxDownloadBytes;
		this.policy = policy;
	}

	/**
	 * A checkout on disk: only manifest.go, test/images, external/ and catalog.yaml are
	 * read, together held to the archive limits, and none through a link that leads out
	 * of the checkout.
	 */
	SourceTree directory(Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			throw new IOException(root + " is not a folder");
		}
		BuildContext files = new BuildContext();
		ArchiveLimits left = limits;
		for (String folder : new String[] { SourceTree.IMAGES, SourceTree.EXTERNAL }) {
			if (Files.isDirectory(root.resolve(folder))) {
				BuildContext read = ContextDirectory.readInside(root, folder, left);
				for (ContextFile file : read.files()) {
					files.put(new ContextFile(folder + "/" + file.path(), file.kind(), file.mode(), file.content(),
							file.linkTarget()));
				}
				left = left.after(read);
			}
		}
		for (String single : new String[] { SourceTree.MANIFEST, SourceTree.CATALOG }) {
			Optional<byte[]> content = ContextDirectory.fileInside(root, single, left.maxTotalBytes());
			if (content.isPresent()) {
				files.put(ContextFile.file(single, 0644, content.get()));
				left = left.after(new BuildContext().put(files.get(single).orElseThrow()));
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
		return new SourceTree(ContextArchive.read(download(uri), limits, new TreeSelection()), ShownUrls.shown(uri));
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
		URI current = uri;
		List<InetAddress> addresses = policy.check(uri);
		for (int redirects = 0;; redirects++) {
			HttpResponse<InputStream> response = get(current, addresses);
			int status = response.statusCode();
			if (status == 200) {
				return bounded(response.body(), ShownUrls.shown(uri));
			}
			response.body().close();
			Optional<String> location = response.headers().firstValue("Location");
			if (!REDIRECTS.contains(status) || location.isEmpty()) {
				throw new IOException(ShownUrls.shown(current) + " answered HTTP " + status);
			}
			if (redirects == MAX_REDIRECTS) {
				throw new IOException(ShownUrls.shown(uri) + " redirects more than " + MAX_REDIRECTS + " times");
			}
			URI next;
			try {
				next = current.resolve(location.get().trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IOException(ShownUrls.shown(current) + " redirects to a malformed URL");
			}
			try {
				addresses = policy.check(next);
			}
			catch (RefusedSourceException ex) {
				throw new RefusedSourceException(ShownUrls.shown(current) + " redirects to " + ShownUrls.shown(next)
						+ ", which is refused: " + ex.getMessage());
			}
			current = next;
		}
	}

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	/** One request, following no redirect; a plain http one to a checked address. */
	private HttpResponse<InputStream> get(URI uri, List<InetAddress> addresses) throws IOException {
		HttpClient client = https;
		if (uri.getScheme().equalsIgnoreCase("http")) {
			int port = uri.getPort() < 0 ? 80 : uri.getPort();
			client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(30))
				.proxy(ProxySelector.of(new InetSocketAddress(addresses.get(0), port)))
				.build();
		}
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("download of " + ShownUrls.shown(uri) + " interrupted", ex);
		}
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
