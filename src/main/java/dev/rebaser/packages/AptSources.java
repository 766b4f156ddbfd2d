package dev.rebaser.packages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code deb} entries of a machine's apt sources, in the order apt reads them:
 * {@code sources.list} first, then {@code sources.list.d/} in name order, one-line
 * {@code .list} files and deb822 {@code .sources} files alike. Used to find the Debian
 * mirror to fetch a suite's index from, so no mirror host is ever written into Rebaser
 * itself.
 *
 * <p>
 * A file that cannot be parsed is skipped and remembered in {@link #problems()}: apt
 * would refuse to run, but one broken third-party entry should not hide the Debian
 * mirror.
 */
public final class AptSources {

	/** One {@code deb URI SUITE COMPONENT...} entry. */
	record Entry(URI uri, String suite, List<String> components, String origin) {
	}

	private static final Set<String> WEB = Set.of("http", "https");

	private final List<Entry> entries;

	private final List<String> problems;

	private AptSources(List<Entry> entries, List<String> problems) {
		this.entries = List.copyOf(entries);
		this.problems = List.copyOf(problems);
	}

	/**
	 * Reads {@code etcApt/sources.list} and
	 * {@code etcApt/sources.list.d/*.{list,sources}}. Missing files are no error (a
	 * machine may have only one of them).
	 * @throws UncheckedIOException if an existing file or folder cannot be read
	 */
	public static AptSources read(Path etcApt) {
		var entries = new ArrayList<Entry>();
		var problems = new ArrayList<String>();
		try {
			Path main = etcApt.resolve("sources.list");
			if (Files.isRegularFile(main)) {
				readFile(main, entries, problems);
			}
			Path parts = etcApt.resolve("sources.list.d");
			if (Files.isDirectory(parts)) {
				List<Path> files;
				try (Stream<Path> list = Files.list(parts)) {
					files = list
						.filter(p -> p.getFileName().toString().endsWith(".list")
								|| p.getFileName().toString().endsWith(".sources"))
						.filter(Files::isRegularFile)
						.sorted()
						.toList();
				}
				for (Path file : files) {
					readFile(file, entries, problems);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read apt sources under " + etcApt + ": " + e.getMessage(), e);
		}
		return new AptSources(entries, problems);
	}

	/** Sources that name one mirror for every suite: a mirror set in configuration. */
	public static AptSources ofMirror(URI mirror) {
		requireWeb(mirror);
		return new AptSources(List.of(new Entry(mirror, null, List.of("main"), "configuration")), List.of());
	}

	/**
	 * The mirror of the first {@code deb} entry (http or https) for exactly this suite
	 * with the {@code main} component; {@code bookworm-updates} and
	 * {@code bookworm-security} entries do not count for {@code bookworm}, as they hold
	 * only a few packages.
	 */
	public Optional<URI> mirrorFor(String suite) {
		return entries.stream()
			.filter(e -> e.suite() == null || e.suite().equals(suite))
			.filter(e -> e.components().contains("main"))
			.filter(e -> WEB.contains(e.uri().getScheme().toLowerCase(Locale.ROOT)))
			.map(Entry::uri)
			.findFirst();
	}

	/** Files or lines that were skipped, each naming where and why. */
	public List<String> problems() {
		return problems;
	}

	List<Entry> entries() {
		return entries;
	}

	private static void readFile(Path file, List<Entry> entries, List<String> problems) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		var found = new ArrayList<Entry>();
		try {
			if (file.getFileName().toString().endsWith(".sources")) {
				parseDeb822(text, file.toString(), found);
			}
			else {
				parseOneLine(text, file.toString(), found);
			}
			entries.addAll(found);
		}
		catch (MalformedControlFileException | IllegalArgumentException e) {
			problems.add(file + ": " + e.getMessage() + " (file skipped)");
		}
	}

	/**
	 * {@code deb [opt=val ...] URI SUITE [COMPONENT ...]}, {@code #} starts a comment.
	 */
	static void parseOneLine(String text, String origin, List<Entry> into) {
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int hash = line.indexOf('#');
			if (hash >= 0) {
				line = line.substring(0, hash);
			}
			line = line.strip();
			if (line.isEmpty()) {
				continue;
			}
			String where = origin + ":" + (i + 1);
			String type = line.split("\\s+", 2)[0];
			String rest = line.substring(type.length()).strip();
			boolean enabled = true;
			if (rest.startsWith("[")) { // options come right after the type
				int close = rest.indexOf(']');
				if (close < 0) {
					throw new MalformedControlFileException(i + 1, "unclosed '[' of the options");
				}
				for (String option : rest.substring(1, close).strip().split("\\s+")) {
					if (option.equalsIgnoreCase("enabled=no")) {
						enabled = false;
					}
				}
				rest = rest.substring(close + 1).strip();
			}
			if (rest.startsWith("cdrom:")) { // a disc's name has spaces and brackets;
												// never a mirror
				continue;
			}
			line = type + " " + rest;
			String[] words = line.strip().split("\\s+");
			if (words.length < 3) {
				throw new MalformedControlFileException(i + 1, "expected 'TYPE URI SUITE [COMPONENT...]'");
			}
			if (!words[0].equals("deb") || !enabled) {
				continue;
			}
			into.add(new Entry(uri(words[1], i + 1), words[2], List.of(Arrays.copyOfRange(words, 3, words.length)),
					where));
		}
	}

	/**
	 * Stanzas of {@code Types}, {@code URIs}, {@code Suites}, {@code Components},
	 * {@code Enabled}.
	 */
	static void parseDeb822(String text, String origin, List<Entry> into) {
		var stanzas = new ControlStanzas(new BufferedReader(new StringReader(text)),
				Set.of("types", "uris", "suites", "components", "enabled"));
		try {
			ControlStanzas.Stanza stanza;
			while ((stanza = stanzas.next()) != null) {
				if ("no".equalsIgnoreCase(stanza.get("enabled"))) {
					continue;
				}
				List<String> types = words(stanza.get("types"));
				List<String> uris = words(stanza.get("uris"));
				List<String> suites = words(stanza.get("suites"));
				if (types.isEmpty() || uris.isEmpty() || suites.isEmpty()) {
					throw new MalformedControlFileException(stanza.firstLine(),
							"a source needs Types, URIs and Suites");
				}
				if (!types.contains("deb")) {
					continue;
				}
				List<String> components = words(stanza.get("components"));
				for (String u : uris) {
					URI uri = uri(u, stanza.firstLine());
					for (String suite : suites) {
						into.add(new Entry(uri, suite, components, origin + ":" + stanza.firstLine()));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e); // a StringReader does not fail
		}
	}

	private static List<String> words(String value) {
		return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
	}

	private static URI uri(String text, int line) {
		try {
			URI uri = new URI(text);
			if (uri.getScheme() == null) {
				throw new MalformedControlFileException(line, "URI without a scheme: " + text);
			}
			return uri;
		}
		catch (URISyntaxException e) {
			throw new MalformedControlFileException(line, "bad URI " + text + ": " + e.getReason());
		}
	}

	private static void requireWeb(URI mirror) {
		if (mirror.getScheme() == null || !WEB.contains(mirror.getScheme().toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("a mirror must be an http or https URI: " + mirror);
		}
	}

	@Override
	public String toString() {
		return "AptSources" + entries.stream().map(e -> e.uri() + " " + e.suite()).toList();
	}

}
