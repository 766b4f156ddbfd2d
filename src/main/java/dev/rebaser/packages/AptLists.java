package dev.rebaser.packages;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a suite's {@code main} Packages list in apt's lists folder. apt names each file
 * after the mirror URI with slashes turned into underscores, then
 * {@code _dists_SUITE_main_binary-ARCH_Packages}, plus a compression suffix when apt
 * keeps lists compressed.
 */
final class AptLists {

	/** Suffixes {@link Decompression} can read, most direct first. */
	private static final List<String> READABLE = List.of("", ".xz", ".gz", ".lz4");

	private final Path dir;

	AptLists(Path dir) {
		this.dir = dir;
	}

	/** What was found: a readable list, or why there is none. */
	record Lookup(Optional<Path> file, String whyNot) {
	}

	/**
	 * @param mirror the mirror the sources name for this suite; its list wins if several
	 * exist
	 */
	Lookup find(SuiteArch which, Optional<URI> mirror) throws IOException {
		String base = "_dists_" + which.suite() + "_main_binary-" + which.debianArch() + "_Packages";
		if (!Files.isDirectory(dir)) {
			return new Lookup(Optional.empty(), "no apt lists folder " + dir);
		}
		List<Path> matches;
		try (Stream<Path> files = Files.list(dir)) {
			matches = files.filter(p -> {
				String name = p.getFileName().toString();
				int at = name.indexOf(base);
				return at > 0 && !name.substring(at + base.length()).contains("_");
			}).sorted().toList();
		}
		String preferred = mirror.map(AptLists::fileNamePrefix).orElse("");
		Optional<Path> best = matches.stream()
			.filter(p -> READABLE.contains(suffix(p, base)))
			.min(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith(preferred + base))
				.thenComparing(p -> READABLE.indexOf(suffix(p, base))));
		if (best.isPresent()) {
			return new Lookup(best, null);
		}
		if (!matches.isEmpty()) {
			return new Lookup(Optional.empty(), "apt list " + matches.get(0)
					+ " is compressed in a form Rebaser cannot read (only plain, .xz, .gz and .lz4)");
		}
		return new Lookup(Optional.empty(), "no apt list *" + base + " in " + dir + " (is " + which.debianArch()
				+ " added with dpkg --add-architecture, and apt-get update run?)");
	}

	private static String suffix(Path p, String base) {
		String name = p.getFileName().toString();
		return name.substring(name.indexOf(base) + base.length());
	}

	/**
	 * apt's own mangling of a mirror URI, close enough for the common
	 * {@code http://host/path}.
	 */
	static String fileNamePrefix(URI mirror) {
		String hostAndPath = (mirror.getPort() > 0 ? mirror.getHost() + ":" + mirror.getPort() : mirror.getHost())
				+ (mirror.getRawPath() == null ? "" : mirror.getRawPath());
		while (hostAndPath.endsWith("/")) {
			hostAndPath = hostAndPath.substring(0, hostAndPath.length() - 1);
		}
		return hostAndPath.replace('/', '_');
	}

}
