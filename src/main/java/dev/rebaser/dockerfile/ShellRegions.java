package dev.rebaser.dockerfile;

import java.util.List;

/**
 * Regions of a word that are only skipped, never decoded: command substitutions and
 * process substitutions ({@code $(…)}, {@code <(…)}), parameter expansions and
 * backquotes, each to its matching close, honouring the quoting inside.
 */
abstract class ShellRegions extends ShellScanner {

	ShellRegions(String source, List<String> problems) {
		super(source, problems);
	}

	/**
	 * pos is just after the opening quote; {@code out} may be null when only skipping.
	 */
	abstract void doubleQuoted(int open, StringBuilder out);

	/**
	 * pos is at an opening paren; skips to just after its matching close, honouring
	 * quotes, escapes, backquotes and comments. {@code from} names the construct in a
	 * problem report.
	 */
	void skipParens(int from) {
		nested(from, f -> skipRegionBody(f, true));
	}

	/** pos is just after "${"; skips to just after the matching '}'. */
	void skipBraces(int from) {
		nested(from, f -> skipRegionBody(f, false));
	}

	/**
	 * Skips the body of a parenthesised region ({@code parens}) or of a parameter
	 * expansion, to just after its close. In parens, the patterns of a case statement end
	 * in a ')' that does not close, comments are skipped and a parameter expansion nests
	 * by recursion; in braces, a nested parameter expansion is only counted and a command
	 * substitution nests by recursion.
	 */
	private void skipRegionBody(int from, boolean parens) {
		int depth = parens ? 0 : 1;
		// depths at which a case statement is open: there a ')' ends a pattern, not the
		// parens
		int[] cases = null;
		int openCases = 0;
		while (pos < n) {
			char c = s.charAt(pos);
			if (c == '\\' || c == '\'' || c == '"' || c == '`') {
				if (!skipQuoting()) {
					return;
				}
			}
			else if (c == '$') {
				if (at(1) == '{' && parens) {
					int open = pos;
					pos += 2;
					skipBraces(open);
				}
				else if (at(1) == '{') {
					depth++;
					pos += 2;
				}
				else if (at(1) == '(' && !parens) {
					int open = pos;
					pos++;
					skipParens(open);
				}
				else {
					pos++;
				}
			}
			else if (!parens) {
				pos++;
				if (c == '}' && --depth == 0) {
					return;
				}
			}
			else if (c == '(') {
				depth++;
				pos++;
			}
			else if (c == ')') {
				pos++;
				if (!(openCases > 0 && cases[openCases - 1] == depth) && --depth <= 0) {
					return;
				}
			}
			else if ((c == 'c' || c == 'e') && isKeywordAt(pos, "case")) {
				if (cases == null) {
					cases = new int[4];
				}
				else if (openCases == cases.length) {
					cases = java.util.Arrays.copyOf(cases, openCases * 2);
				}
				cases[openCases++] = depth;
				pos += 4;
			}
			else if ((c == 'c' || c == 'e') && openCases > 0 && isKeywordAt(pos, "esac")) {
				openCases--;
				pos += 4;
			}
			else if (c == '#' && startsComment(s.charAt(pos - 1))) {
				while (pos < n && s.charAt(pos) != '\n') {
					pos++;
				}
			}
			else {
				pos++;
			}
		}
		problems.add((parens ? "unterminated parenthesis" : "unterminated parameter expansion") + " at offset " + from);
		broken = true;
	}

	private static boolean startsComment(char prev) {
		return prev == ' ' || prev == '\t' || prev == '\n' || prev == ';' || prev == '(';
	}

	/**
	 * Skips the escape or quoted part at pos inside a region that is only being skipped
	 * ($( ), ${ }); false when the input ends inside a single-quoted part.
	 */
	private boolean skipQuoting() {
		switch (s.charAt(pos)) {
			case '\\' -> pos = Math.min(n, pos + 2);
			case '\'' -> {
				int close = s.indexOf('\'', pos + 1);
				if (close < 0) {
					problems.add("unterminated single quote at offset " + pos);
					broken = true;
					pos = n;
					return false;
				}
				pos = close + 1;
			}
			case '"' -> {
				pos++;
				doubleQuoted(pos - 1, null);
			}
			default -> backquoted();
		}
		return true;
	}

	/**
	 * Whether a reserved word stands alone at i in command position, as in "$(case …" or
	 * ";; esac".
	 */
	private boolean isKeywordAt(int i, String word) {
		if (!s.startsWith(word, i)) {
			return false;
		}
		char after = i + word.length() < n ? s.charAt(i + word.length()) : ' ';
		if (!isBoundary(after)) {
			return false;
		}
		int b = i - 1;
		while (b > 0 && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
			b--;
		}
		char before = s.charAt(b);
		if (before == '(' || before == ';' || before == '&' || before == '|' || before == '\n' || before == '{'
				|| before == '!') {
			return true;
		}
		return endsWithWord(b, "then") || endsWithWord(b, "do") || endsWithWord(b, "else");
	}

	private boolean endsWithWord(int last, String word) {
		int start = last - word.length() + 1;
		return start > 0 && s.startsWith(word, start) && isBoundary(s.charAt(start - 1));
	}

	private static boolean isBoundary(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '(' || c == ')' || c == '&' || c == '|';
	}

	/** pos is at a backquote; skips to just after the closing one. */
	void backquoted() {
		int open = pos;
		pos++;
		while (pos < n) {
			char c = s.charAt(pos);
			if (c == '\\') {
				pos = Math.min(n, pos + 2);
			}
			else if (c == '`') {
				pos++;
				return;
			}
			else {
				pos++;
			}
		}
		problems.add("unterminated backquote at offset " + open);
		broken = true;
	}

}
