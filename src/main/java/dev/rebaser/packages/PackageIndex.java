package dev.rebaser.packages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The binary packages of one Debian suite for one architecture: the real package names
 * and the virtual names that some package {@code Provides}. Immutable; look-ups are
 * binary searches in two sorted arrays, which keeps a 60,000-package index at a few
 * megabytes.
 */
public final class PackageIndex {

	// Debian policy 5.6.1, plus upper case, which old or third-party archives still
	// carry.
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.\\-_]*");

	private final String[] real;

	private final String[] provided; // real ∪ virtual

	private PackageIndex(String[] real, String[] provided) {
		this.real = real;
		this.provided = provided;
	}

	/**
	 * Reads a {@code Packages} file (uncompressed; see {@link Decompression} for the
	 * others).
	 * @throws MalformedControlFileException with the line number, if the file is not in
	 * Debian's control format or a stanza has no valid {@code Package} name
	 * @throws UncheckedIOException if reading fails
	 */
	public static PackageIndex parse(InputStream packagesFile) {
		var reader = new BufferedReader(new InputStreamReader(packagesFile, StandardCharsets.UTF_8), 1 << 16);
		var stanzas = new ControlStanzas(reader, Set.of("package", "provides"));
		var real = new TreeSet<String>();
		var virtual = new TreeSet<String>();
		try {
			ControlStanzas.Stanza stanza;
			while ((stanza = stanzas.next()) != null) {
				String name = stanza.get("package");
				if (name == null) {
					throw new MalformedControlFileException(stanza.firstLine(), "stanza has no Package field");
				}
				if (!NAME.matcher(name).matches()) {
					throw new MalformedControlFileException(stanza.firstLine(),
							"stanza has an invalid package name '" + name + "'");
				}
				real.add(name);
				String provides = stanza.get("provides");
				if (provides != null) {
					addProvided(provides, stanza.firstLine(), virtual);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the Packages file: " + e.getMessage(), e);
		}
		return of(real, virtual);
	}

	/**
	 * {@code Provides: a (= 1.0), b, c:any} — version and architecture qualifiers are not
	 * names.
	 */
	private static void addProvided(String provides, int line, Collection<String> into) {
		for (String entry : provides.split(",")) {
			String item = entry.strip();
			if (item.isEmpty()) {
				continue;
			}
			int end = 0;
			while (end < item.length() && !Character.isWhitespace(item.charAt(end)) && item.charAt(end) != '('
					&& item.charAt(end) != ':') {
				end++;
			}
			String name = item.substring(0, end);
			if (!NAME.matcher(name).matches()) {
				throw new MalformedControlFileException(line, "stanza provides an invalid name '" + item + "'");
			}
			into.add(name);
		}
	}

	/** An index from names already known, e.g. read back from the cache. */
	static PackageIndex of(Collection<String> realNames, Collection<String> virtualNames) {
		var all = new TreeSet<>(realNames);
		all.addAll(virtualNames);
		String[] real = realNames.stream().distinct().sorted().toArray(String[]::new);
		return new PackageIndex(real, all.toArray(String[]::new));
	}

	/** A real package of that name exists. */
	public boolean contains(String name) {
		return name != null && Arrays.binarySearch(real, name) >= 0;
	}

	/**
	 * A real package of that name exists, or some package provides it (a virtual
	 * package).
	 */
	public boolean isProvided(String name) {
		return name != null && Arrays.binarySearch(provided, name) >= 0;
	}

	/** How many real packages. */
	public int size() {
		return real.length;
	}

	/** {@link #isProvided}: what {@code apt-get install NAME} can satisfy. */
	public Predicate<String> asPredicate() {
		return this::isProvided;
	}

	/** Sorted real names. */
	List<String> realNames() {
		return List.of(real);
	}

	/** Sorted names that only exist as something provided. */
	List<String> virtualNames() {
		return Arrays.stream(provided).filter(n -> Arrays.binarySearch(real, n) < 0).toList();
	}

	@Override
	public String toString() {
		return "PackageIndex[" + real.length + " packages, " + (provided.length - real.length) + " virtual]";
	}

}
