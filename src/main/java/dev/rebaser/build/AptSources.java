package dev.rebaser.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The package sources of a machine's apt configuration, read from both formats apt accepts: the
 * one-line {@code sources.list} style and the deb822 {@code *.sources} style. Rebaser takes its
 * Debian mirror from here so that the mirror is the machine's choice, not the code's.
 */
public final class AptSources {

	private final List<AptSource> sources;

	AptSources(List<AptSource> sources) {
		this.sources = List.copyOf(sources);
	}

	/** Reads {@code /etc/apt/sources.list} and {@code /etc/apt/sources.list.d/}. */
	public static AptSources ofMachine() {
		return read(Path.of("/etc/apt"));
	}

	/** Reads {@code sources.list} and {@code sources.list.d/*.list|*.sources} under an apt folder. */
	static AptSources read(Path aptDir) {
		List<AptSource> found = new ArrayList<>();
		Path list = aptDir.resolve("sources.list");
		if (Files.isRegularFile(list)) {
			found.addAll(parseOneLine(readString(list)));
		}
		Path parts = aptDir.resolve("sources.list.d");
		if (Files.isDirectory(parts)) {
			try (Stream<Path> files = Files.list(parts)) {
				for (Path file : files.sorted().toList()) {
					String name = file.getFileName().toString();
					if (name.endsWith(".list")) {
						found.addAll(parseOneLine(readString(file)));
					} else if (name.endsWith(".sources")) {
						found.addAll(parseDeb822(readString(file)));
					}
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return new AptSources(found);
	}

	List<AptSource> sources() {
		return sources;
	}

	/**
	 * The mirror that serves a suite's binary packages: a source naming the suite itself wins;
	 * otherwise the first source of a release suite (one without a {@code -updates},
	 * {@code -security} or {@code -backports} ending), since Debian mirrors carry every suite.
	 */
	public Optional<URI> mirrorFor(String suite) {
		Optional<URI> exact = sources.stream()
			.filter(AptSource::isBinary)
			.filter(s -> s.suites().contains(suite))
			.flatMap(s -> s.uris().stream())
			.filter(AptSources::isNetwork)
			.findFirst();
		if (exact.isPresent()) {
			return exact;
		}
		return sources.stream()
			.filter(AptSource::isBinary)
			.filter(s -> s.suites().stream().anyMatch(name -> !name.contains("-") && !name.contains("/")))
			.flatMap(s -> s.uris().stream())
			.filter(AptSources::isNetwork)
			.findFirst();
	}

	private static boolean isNetwork(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals("http") || scheme.equals("https");
	}

	static List<AptSource> parseOneLine(String text) {
		List<AptSource> found = new ArrayList<>();
		for (String raw : text.split("\n")) {
			String line = stripComment(raw).trim();
			if (line.isEmpty()) {
				continue;
			}
			// "[ key=value ... ]" options may sit between the type and the URI.
			line = line.replaceFirst("^(\\S+)\\s+\\[[^]]*]", "$1");
			String[] words = line.split("\\s+");
			if (words.length < 3 || !(words[0].equals("deb") || words[0].equals("deb-src"))) {
				continue;
			}
			found.add(new AptSource(List.of(words[0]), List.of(URI.create(words[1])), List.of(words[2]),
				Arrays.asList(words).subList(3, words.length)));
		}
		return found;
	}

	static List<AptSource> parseDeb822(String text) {
		List<AptSource> found = new ArrayList<>();
		for (Map<String, String> stanza : stanzas(text)) {
			if (stanza.getOrDefault("enabled", "yes").equalsIgnoreCase("no")) {
				continue;
			}
			List<String> types = words(stanza.get("types"));
			List<String> uris = words(stanza.get("uris"));
			List<String> suites = words(stanza.get("suites"));
			if (types.isEmpty() || uris.isEmpty() || suites.isEmpty()) {
				continue;
			}
			found.add(new AptSource(types, uris.stream().map(URI::create).toList(), suites,
				words(stanza.get("components"))));
		}
		return found;
	}

	/** Stanzas are separated by blank lines; field names are case-insensitive; indented lines continue a field. */
	private static List<Map<String, String>> stanzas(String text) {
		List<Map<String, String>> stanzas = new ArrayList<>();
		Map<String, String> current = new LinkedHashMap<>();
		String lastKey = null;
		for (String raw : text.split("\n")) {
			if (raw.startsWith("#")) {
				continue;
			}
			String line = raw.stripTrailing();
			if (line.isEmpty()) {
				if (!current.isEmpty()) {
					stanzas.add(current);
					current = new LinkedHashMap<>();
				}
				lastKey = null;
			} else if (Character.isWhitespace(line.charAt(0))) {
				if (lastKey != null) {
					current.merge(lastKey, " " + line.trim(), String::concat);
				}
			} else {
				int colon = line.indexOf(':');
				if (colon > 0) {
					lastKey = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
					current.put(lastKey, line.substring(colon + 1).trim());
				}
			}
		}
		if (!current.isEmpty()) {
			stanzas.add(current);
		}
		return stanzas;
	}

	private static List<String> words(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return List.of(value.trim().split("\\s+"));
	}

	private static String stripComment(String line) {
		int hash = line.indexOf('#');
		return hash < 0 ? line : line.substring(0, hash);
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
