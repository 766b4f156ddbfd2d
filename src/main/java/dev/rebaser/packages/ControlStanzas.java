package dev.rebaser.packages;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Debian's control format stanza by stanza: {@code Field: value} lines,
 * continuation lines that start with a space or a tab, stanzas separated by blank lines.
 * Only the wanted fields are kept, because a {@code Packages} index is mostly long
 * descriptions nobody here looks at. Field names are matched case-insensitively, as dpkg
 * and apt do.
 */
final class ControlStanzas {

	/**
	 * One stanza's wanted fields (keys lower-cased, continuation lines joined by a
	 * space).
	 */
	record Stanza(int firstLine, Map<String, String> fields) {
		String get(String field) {
			return fields.get(field);
		}
	}

	private static final int QUOTE_LIMIT = 60;

	private final BufferedReader in;

	private final Set<String> wanted;

	private int lineNumber;

	/**
	 * @param wanted lower-case names of the fields to keep
	 */
	ControlStanzas(BufferedReader in, Set<String> wanted) {
		this.in = in;
		this.wanted = wanted;
	}

	/** The next stanza with at least one field, or null at the end of the input. */
	Stanza next() throws IOException {
		Map<String, String> fields = new HashMap<>();
		int first = 0;
		String current = null; // the wanted field that continuation lines extend
		boolean inField = false; // any field (wanted or not) is open for continuation
		String line;
		while ((line = in.readLine()) != null) {
			lineNumber++;
			if (line.endsWith("\r")) { // a lone trailing CR left by a CR CR LF file
				line = line.substring(0, line.length() - 1);
			}
			if (line.isBlank()) {
				if (first != 0) {
					return new Stanza(first, fields);
				}
				continue;
			}
			char c = line.charAt(0);
			if (c == '#') { // deb822 comments; they do not end a field
				continue;
			}
			if (c == ' ' || c == '\t') {
				if (!inField) {
					throw new MalformedControlFileException(lineNumber,
							"continuation line outside any field: '" + quote(line) + "'");
				}
				if (current != null) {
					fields.merge(current, line.strip(), (a, b) -> a.isEmpty() ? b : a + " " + b);
				}
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new MalformedControlFileException(lineNumber,
						"expected 'Field: value' but found '" + quote(line) + "'");
			}
			String name = line.substring(0, colon).strip();
			if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
				throw new MalformedControlFileException(lineNumber,
						"bad field name '" + quote(line.substring(0, colon)) + "'");
			}
			if (first == 0) {
				first = lineNumber;
			}
			inField = true;
			String key = name.toLowerCase(Locale.ROOT);
			if (wanted.contains(key)) {
				if (fields.containsKey(key)) {
					throw new MalformedControlFileException(lineNumber,
							"field '" + name + "' appears twice in the stanza starting at line " + first);
				}
				fields.put(key, line.substring(colon + 1).strip());
				current = key;
			}
			else {
				current = null;
			}
		}
		return first == 0 ? null : new Stanza(first, fields);
	}

	private static String quote(String line) {
		return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "…";
	}

}
