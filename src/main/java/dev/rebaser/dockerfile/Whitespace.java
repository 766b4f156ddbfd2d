package dev.rebaser.dockerfile;

/**
 * The two notions of blank Docker's parser uses (it is written in Go, so these follow
 * Go's definitions).
 */
final class Whitespace {

	private Whitespace() {
	}

	/** Go's unicode.IsSpace: what Docker trims at line starts and around arguments. */
	static boolean isSpace(char c) {
		if (c <= ' ') {
			return c == ' ' || (c >= '\t' && c <= '\r');
		}
		if (c < 0x85) {
			return false;
		}
		return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
				|| c == 0x202F || c == 0x205F || c == 0x3000;
	}

	/** The separator between an instruction keyword and its arguments: [\t\v\f\r ]. */
	static boolean isSeparator(char c) {
		return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
	}

	static int skipSpace(CharSequence s, int from, int to) {
		while (from < to && isSpace(s.charAt(from))) {
			from++;
		}
		return from;
	}

	static int trimSpaceEnd(CharSequence s, int from, int to) {
		while (to > from && isSpace(s.charAt(to - 1))) {
			to--;
		}
		return to;
	}

}
