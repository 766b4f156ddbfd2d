package dev.rebaser.rewrite;

/**
 * How a replaced word is written back: as a shell word, or as a JSON string of an
 * exec-form array.
 */
enum Quoting {

	SHELL, JSON;

	String quote(String literal) {
		return this == SHELL ? shell(literal) : json(literal);
	}

	/** The literal as one shell word: bare when safe, else single-quoted. */
	static String shell(String literal) {
		if (!literal.isEmpty() && isPlain(literal)) {
			return literal;
		}
		StringBuilder out = new StringBuilder(literal.length() + 2).append('\'');
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '\'') {
				out.append("'\\''");
			}
			else {
				out.append(c);
			}
		}
		return out.append('\'').toString();
	}

	/** Single-quoted even when safe bare, so a line of a script reads as one. */
	static String shellQuoteAlways(String literal) {
		return "'" + literal.replace("'", "'\\''") + "'";
	}

	/**
	 * A script as the argument of {@code sh -c}: single quotes unless it contains one.
	 */
	static String shellScript(String script) {
		if (script.indexOf('\'') < 0) {
			return "'" + script + "'";
		}
		StringBuilder out = new StringBuilder(script.length() + 8).append('"');
		for (int i = 0; i < script.length(); i++) {
			char c = script.charAt(i);
			if (c == '"' || c == '\\' || c == '$' || c == '`') {
				out.append('\\');
			}
			out.append(c);
		}
		return out.append('"').toString();
	}

	static String json(String literal) {
		StringBuilder out = new StringBuilder(literal.length() + 2).append('"');
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static boolean isPlain(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
					|| "-_./:=+,@%^".indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}

}
