package dev.rebaser.packages;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One gzip'd text file per suite × arch: a small header (suite, arch, where the index
 * came from, when), then the sorted real names, then the sorted virtual names. Sorted
 * names compress to a few hundred kilobytes and load in a fraction of the time a full
 * Packages file takes to parse.
 */
final class IndexCache {

	/** An index together with where it came from. */
	record Entry(PackageIndex index, IndexOrigin origin) {
	}

	private static final String MAGIC = "rebaser-package-index 1";

	private final Path dir;

	IndexCache(Path dir) {
		this.dir = dir;
	}

	Path fileFor(SuiteArch which) {
		return dir.resolve(which.suite() + "_" + which.debianArch() + ".index.gz");
	}

	/**
	 * @return empty if there is no cache file
	 * @throws IOException if there is one but it cannot be read or is not a cache file of
	 * ours
	 */
	Optional<Entry> read(SuiteArch which) throws IOException {
		Path file = fileFor(which);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (var in = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
			if (!MAGIC.equals(in.readLine())) {
				throw new IOException(file + " is not a package index cache file");
			}
			String suite = header(in, "suite");
			String arch = header(in, "arch");
			if (!suite.equals(which.suite()) || !arch.equals(which.debianArch())) {
				throw new IOException(file + " holds " + suite + "/" + arch + ", not " + which);
			}
			String source = header(in, "source");
			Instant readAt = Instant.parse(header(in, "read-at"));
			int real = Integer.parseInt(header(in, "packages"));
			int virtual = Integer.parseInt(header(in, "virtual"));
			List<String> realNames = names(in, real, file);
			List<String> virtualNames = names(in, virtual, file);
			if (in.readLine() != null) {
				throw new IOException(file + " has more names than its header says");
			}
			return Optional.of(new Entry(PackageIndex.of(realNames, virtualNames), new IndexOrigin(source, readAt)));
		}
		catch (NumberFormatException | DateTimeParseException e) {
			throw new IOException(file + " has a bad header: " + e.getMessage(), e);
		}
	}

	/** Writes to a temporary file first so a reader never sees half a cache file. */
	void write(SuiteArch which, Entry entry) throws IOException {
		Files.createDirectories(dir);
		Path file = fileFor(which);
		Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
		try {
			try (Writer out = new BufferedWriter(new OutputStreamWriter(
					new GZIPOutputStream(Files.newOutputStream(temp)), StandardCharsets.UTF_8))) {
				List<String> virtual = entry.index().virtualNames();
				out.write(MAGIC + "\n");
				out.write("suite: " + which.suite() + "\n");
				out.write("arch: " + which.debianArch() + "\n");
				out.write("source: " + entry.origin().source().replaceAll("[\r\n]", " ") + "\n");
				out.write("read-at: " + entry.origin().readAt() + "\n");
				out.write("packages: " + entry.index().size() + "\n");
				out.write("virtual: " + virtual.size() + "\n");
				for (String name : entry.index().realNames()) {
					out.write(name);
					out.write('\n');
				}
				for (String name : virtual) {
					out.write(name);
					out.write('\n');
				}
			}
			try {
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static String header(BufferedReader in, String key) throws IOException {
		String line = in.readLine();
		String prefix = key + ": ";
		if (line == null || !line.startsWith(prefix)) {
			throw new IOException("cache header '" + key + "' missing");
		}
		return line.substring(prefix.length());
	}

	private static List<String> names(BufferedReader in, int count, Path file) throws IOException {
		var names = new ArrayList<String>(count);
		for (int i = 0; i < count; i++) {
			String name = in.readLine();
			if (name == null || name.isEmpty()) {
				throw new IOException(file + " is truncated");
			}
			names.add(name);
		}
		return names;
	}

}
