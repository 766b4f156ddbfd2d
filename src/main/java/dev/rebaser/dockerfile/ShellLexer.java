package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell source into words, operators, redirection operators and newlines in one
 * forward pass. Quotes, escapes and every kind of substitution stay inside the word that
 * holds them. Here-document bodies are skipped when the newline that precedes them is
 * read, so the parser must announce a here-document (see {@link #expectHeredoc}) before
 * asking for that newline.
 */
final class ShellLexer {

	enum Kind {

		WORD, OPERATOR, REDIRECT, NEWLINE, ARITHMETIC, END

	}

	/** {@code text} is the raw word or the operator; {@code literal} only for words. */
	record Token(Kind kind, int start, int end, String text, String literal) {
		boolean isOperator(String op) {
			return kind == Kind.OPERATOR && text.equals(op);
		}
	}

	private record PendingHeredoc(String delimiter, boolean stripTabs, int offset) {
	}

	private final String s;

	private final int n;

	private final List<String> problems;

	private final List<PendingHeredoc> pending = new ArrayList<>(2);

	private final StringBuilder literal = new StringBuilder();

	/**
	 * Quotes and substitutions nest by recursion; past this depth the rest is given up
	 * on.
	 */
	private static final int MAX_NESTING = 400;

	private int nesting;

	private int pos;

	private boolean expansion;

	private boolean broken;

	ShellLexer(String source, List<String> problems) {
		this.s = source;
		this.n = source.length();
		this.problems = problems;
	}

	String text(int start, int end) {
		return s.substring(start, end);
	}

	/**
	 * A here-document delimiter is its word with quotes and backslashes removed, never
	 * expanded.
	 */
	static String heredocDelimiter(String raw) {
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '\\' && i + 1 < raw.length()) {
				out.append(raw.charAt(++i));
			}
			else if (c != '\'' && c != '"') {
				out.append(c);
			}
		}
		return out.toString();
	}

	void expectHeredoc(String delimiter, boolean stripTabs, int offset) {
		pending.add(new PendingHeredoc(delimiter, stripTabs, offset));
	}

	Token next() {
		return next(false);
	}

	/**
	 * The target of a redirection: digits there are a word, never the fd of another
	 * redirection.
	 */
	Token nextTarget() {
		return next(true);
	}

	private Token next(boolean target) {
		while (pos < n) {
			char c = s.charAt(pos);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
				pos++;
			}
			else if (c == '\\' && continuationLength(pos) > 0) {
				pos += continuationLength(pos);
			}
			else if (c == '#') {
				while (pos < n && s.charAt(pos) != '\n') {
					pos++;
				}
			}
			else {
				break;
			}
		}
		if (pos >= n) {
			if (!pending.isEmpty()) {
				PendingHeredoc h = pending.get(0);
				problems.add("here-document '" + h.delimiter() + "' at offset " + h.offset() + " has no body");
				pending.clear();
			}
			return new Token(Kind.END, n, n, "", null);
		}
		int start = pos;
		char c = s.charAt(pos);
		switch (c) {
			case '\n':
				pos++;
				readHeredocBodies();
				return new Token(Kind.NEWLINE, start, start + 1, "\n", null);
			case ';':
				return operator(start, at(1) == ';' ? (at(2) == '&' ? ";;&" : ";;") : at(1) == '&' ? ";&" : ";");
			case '|':
				return operator(start, at(1) == '|' ? "||" : at(1) == '&' ? "|&" : "|");
			case '&':
				if (at(1) == '&') {
					return operator(start, "&&");
				}
				if (at(1) == '>') {
					return redirect(start, at(2) == '>' ? "&>>" : "&>");
				}
				return operator(start, "&");
			case '(':
				if (at(1) == '(') {
					int end = arithmeticEnd(start);
					if (end > 0) {
						pos = end;
						return new Token(Kind.ARITHMETIC, start, end, s.substring(start, end), null);
					}
				}
				return operator(start, "(");
			case ')':
				return operator(start, ")");
			case '<':
			case '>':
				if (at(1) == '(') {
					return word();
				}
				return redirect(start, redirectOperator(start));
			default:
				if (c >= '0' && c <= '9' && !target) {
					int i = start;
					while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
						i++;
					}
					if (i < n && (s.charAt(i) == '<' || s.charAt(i) == '>')) {
						String op = redirectOperator(i);
						return redirect(start, s.substring(start, i) + op);
					}
				}
				return word();
		}
	}

	private char at(int ahead) {
		int i = pos + ahead;
		return i < n ? s.charAt(i) : '\0';
	}

	private Token operator(int start, String op) {
		pos = start + op.length();
		return new Token(Kind.OPERATOR, start, pos, op, null);
	}

	private Token redirect(int start, String op) {
		pos = start + op.length();
		return new Token(Kind.REDIRECT, start, pos, op, null);
	}

	private String redirectOperator(int i) {
		char c = s.charAt(i);
		char d = i + 1 < n ? s.charAt(i + 1) : '\0';
		char e = i + 2 < n ? s.charAt(i + 2) : '\0';
		if (c == '<') {
			if (d == '<') {
				return e == '<' ? "<<<" : e == '-' ? "<<-" : "<<";
			}
			return d == '&' ? "<&" : d == '>' ? "<>" : "<";
		}
		return d == '>' ? ">>" : d == '&' ? ">&" : d == '|' ? ">|" : ">";
	}

	/**
	 * Length of a backslash-newline (or backslash-CR-LF) line continuation at i, else 0.
	 */
	private int continuationLength(int i) {
		if (i + 1 < n && s.charAt(i + 1) == '\n') {
			return 2;
		}
		if (i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
			return 3;
		}
		return 0;
	}

	/**
	 * End of an arithmetic command {@code (( … ))} starting at {@code start}, or -1 when
	 * the two parens do not close together, which makes it two nested subshells instead.
	 */
	private int arithmeticEnd(int start) {
		int depth = 0;
		// arithmetic is short: the bound keeps a run of "((((" from costing quadratic
		// time
		int limit = Math.min(n, start + 4096);
		for (int i = start; i < limit; i++) {
			char c = s.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 1) {
					return i + 1 < n && s.charAt(i + 1) == ')' ? i + 2 : -1;
				}
			}
			else if (c == '\n' && depth <= 2) {
				return -1;
			}
		}
		return -1;
	}

	private void readHeredocBodies() {
		for (PendingHeredoc h : pending) {
			boolean closed = false;
			while (pos < n) {
				int lineEnd = s.indexOf('\n', pos);
				if (lineEnd < 0) {
					lineEnd = n;
				}
				int from = pos;
				int to = lineEnd > from && s.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
				if (h.stripTabs()) {
					while (from < to && s.charAt(from) == '\t') {
						from++;
					}
				}
				pos = Math.min(n, lineEnd + 1);
				if (to - from == h.delimiter().length() && s.startsWith(h.delimiter(), from)) {
					closed = true;
					break;
				}
			}
			if (!closed) {
				problems.add("unterminated here-document '" + h.delimiter() + "' at offset " + h.offset());
			}
		}
		pending.clear();
	}

	// ---- words ----

	private Token word() {
		int start = pos;
		literal.setLength(0);
		expansion = false;
		broken = false;
		if (s.charAt(pos) == '<' || s.charAt(pos) == '>') {
			expansion = true;
			pos += 1;
			skipParens(start);
		}
		while (pos < n) {
			char c = s.charAt(pos);
			switch (c) {
				case ' ', '\t', '\r', '\n', '\f', '\u000b', ';', '&', '|', '<', '>', ')':
					return finishWord(start);
				case '(':
					if (!opensWordParens(start)) {
						return finishWord(start);
					}
					expansion = true;
					skipParens(pos);
					break;
				case '\\':
					int cont = continuationLength(pos);
					if (cont > 0) {
						pos += cont;
					}
					else if (pos + 1 < n) {
						literal.append(s.charAt(pos + 1));
						pos += 2;
					}
					else {
						literal.append('\\');
						pos++;
					}
					break;
				case '\'':
					singleQuoted();
					break;
				case '"':
					pos++;
					doubleQuoted(pos - 1, literal);
					break;
				case '$':
					dollar(literal);
					break;
				case '`':
					expansion = true;
					backquoted();
					break;
				default:
					literal.append(c);
					pos++;
			}
		}
		return finishWord(start);
	}

	private Token finishWord(int start) {
		if (pos == start) {
			pos++; // never hand out an empty word: the caller would not advance
		}
		String lit = expansion || broken ? null : literal.toString();
		return new Token(Kind.WORD, start, pos, s.substring(start, pos), lit);
	}

	/**
	 * An array assignment {@code a=(…)} or an extended glob {@code !(…)} keeps its parens
	 * in the word.
	 */
	private boolean opensWordParens(int start) {
		if (pos == start) {
			return false;
		}
		char prev = s.charAt(pos - 1);
		if (prev == '@' || prev == '!' || prev == '+' || prev == '*' || prev == '?') {
			return true;
		}
		if (prev != '=') {
			return false;
		}
		int i = start;
		char c = s.charAt(i);
		if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
			return false;
		}
		while (i < pos - 1 && isNameChar(s.charAt(i))) {
			i++;
		}
		if (i < pos - 1 && s.charAt(i) == '+') {
			i++;
		}
		return i == pos - 1;
	}

	static boolean isNameChar(char c) {
		return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	private void singleQuoted() {
		int open = pos;
		int close = s.indexOf('\'', pos + 1);
		if (close < 0) {
			problems.add("unterminated single quote at offset " + open);
			broken = true;
			pos = n;
			return;
		}
		literal.append(s, open + 1, close);
		pos = close + 1;
	}

	/**
	 * pos is just after the opening quote; {@code out} may be null when only skipping.
	 */
	private void doubleQuoted(int open, StringBuilder out) {
		nested(open, from -> doubleQuotedBody(from, out));
	}

	private void doubleQuotedBody(int open, StringBuilder out) {
		while (pos < n) {
			char c = s.charAt(pos);
			switch (c) {
				case '"':
					pos++;
					return;
				case '\\':
					char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
					if (d == '\n') {
						pos += 2;
					}
					else if (d == '$' || d == '`' || d == '"' || d == '\\') {
						if (out != null) {
							out.append(d);
						}
						pos += 2;
					}
					else {
						if (out != null) {
							out.append('\\');
						}
						pos++;
					}
					break;
				case '$':
					if (at(1) == '\'' || at(1) == '"') {
						// inside double quotes $' and $" are not quoting forms: the $ is
						// literal
						if (out != null) {
							out.append('$');
						}
						pos++;
					}
					else {
						dollar(out);
					}
					break;
				case '`':
					expansion = true;
					backquoted();
					break;
				default:
					if (out != null) {
						out.append(c);
					}
					pos++;
			}
		}
		problems.add("unterminated double quote at offset " + open);
		broken = true;
	}

	/** pos is at a '$'. Marks the word as expanding unless the '$' is literal. */
	private void dollar(StringBuilder out) {
		int start = pos;
		char d = at(1);
		if (d == '(') {
			expansion = true;
			pos += 1;
			skipParens(start);
		}
		else if (d == '{') {
			expansion = true;
			pos += 2;
			skipBraces(start);
		}
		else if (d == '\'') {
			pos += 2;
			ansiCQuoted(start, out);
		}
		else if (d == '"') {
			pos += 2;
			doubleQuoted(start + 1, out);
		}
		else if (isNameChar(d) || d == '@' || d == '*' || d == '#' || d == '?' || d == '-' || d == '$' || d == '!') {
			expansion = true;
			pos += 1;
		}
		else {
			if (out != null) {
				out.append('$');
			}
			pos++;
		}
	}

	/**
	 * pos is at an opening paren; skips to just after its matching close, honouring
	 * quotes, escapes, backquotes and comments. {@code from} names the construct in a
	 * problem report.
	 */
	private void skipParens(int from) {
		nested(from, this::skipParensBody);
	}

	/** Runs body one level deeper, or reports the input as too deeply nested. */
	private void nested(int from, java.util.function.IntConsumer body) {
		if (nesting >= MAX_NESTING) {
			tooDeep(from);
			return;
		}
		nesting++;
		try {
			body.accept(from);
		}
		finally {
			nesting--;
		}
	}

	private void skipParensBody(int from) {
		int depth = 0;
		// depths at which a case statement is open: there a ')' ends a pattern, not the
		// parens
		int[] cases = null;
		int openCases = 0;
		while (pos < n) {
			char c = s.charAt(pos);
			switch (c) {
				case '(':
					depth++;
					pos++;
					break;
				case ')':
					pos++;
					if (openCases > 0 && cases[openCases - 1] == depth) {
						break;
					}
					depth--;
					if (depth <= 0) {
						return;
					}
					break;
				case 'c':
				case 'e':
					if (isKeywordAt(pos, "case")) {
						if (cases == null) {
							cases = new int[4];
						}
						else if (openCases == cases.length) {
							cases = java.util.Arrays.copyOf(cases, openCases * 2);
						}
						cases[openCases++] = depth;
						pos += 4;
					}
					else if (openCases > 0 && isKeywordAt(pos, "esac")) {
						openCases--;
						pos += 4;
					}
					else {
						pos++;
					}
					break;
				case '\\', '\'', '"', '`':
					if (!skipQuoting()) {
						return;
					}
					break;
				case '$':
					if (at(1) == '{') {
						int open = pos;
						pos += 2;
						skipBraces(open);
					}
					else {
						pos++;
					}
					break;
				case '#':
					char prev = s.charAt(pos - 1);
					if (prev == ' ' || prev == '\t' || prev == '\n' || prev == ';' || prev == '(') {
						while (pos < n && s.charAt(pos) != '\n') {
							pos++;
						}
					}
					else {
						pos++;
					}
					break;
				default:
					pos++;
			}
		}
		problems.add("unterminated parenthesis at offset " + from);
		broken = true;
	}

	/** pos is just after "${"; skips to just after the matching '}'. */
	private void skipBraces(int from) {
		nested(from, this::skipBracesBody);
	}

	private void skipBracesBody(int from) {
		int depth = 1;
		while (pos < n) {
			char c = s.charAt(pos);
			switch (c) {
				case '}':
					pos++;
					if (--depth == 0) {
						return;
					}
					break;
				case '\\', '\'', '"', '`':
					if (!skipQuoting()) {
						return;
					}
					break;
				case '$':
					if (at(1) == '{') {
						depth++;
						pos += 2;
					}
					else if (at(1) == '(') {
						int open = pos;
						pos++;
						skipParens(open);
					}
					else {
						pos++;
					}
					break;
				default:
					pos++;
			}
		}
		problems.add("unterminated parameter expansion at offset " + from);
		broken = true;
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

	private void tooDeep(int offset) {
		problems.add("quotes and substitutions nested too deep at offset " + offset);
		broken = true;
		pos = n;
	}

	/** pos is at a backquote; skips to just after the closing one. */
	private void backquoted() {
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

	/** pos is just after "$'"; decodes bash's ANSI-C escapes into {@code out}. */
	private void ansiCQuoted(int open, StringBuilder out) {
		while (pos < n) {
			char c = s.charAt(pos);
			if (c == '\'') {
				pos++;
				return;
			}
			if (c != '\\' || pos + 1 >= n) {
				if (out != null) {
					out.append(c);
				}
				pos++;
				continue;
			}
			char e = s.charAt(pos + 1);
			pos += 2;
			int decoded = switch (e) {
				case 'n' -> '\n';
				case 't' -> '\t';
				case 'r' -> '\r';
				case 'a' -> 7;
				case 'b' -> '\b';
				case 'e', 'E' -> 27;
				case 'f' -> '\f';
				case 'v' -> 11;
				case '\\', '\'', '"', '?' -> e;
				case 'x' -> number(16, 2);
				case '0', '1', '2', '3', '4', '5', '6', '7' -> {
					pos--;
					yield number(8, 3);
				}
				default -> -1;
			};
			if (out != null) {
				if (decoded < 0) {
					out.append('\\').append(e);
				}
				else {
					out.append((char) decoded);
				}
			}
		}
		problems.add("unterminated $' quote at offset " + open);
		broken = true;
	}

	private int number(int radix, int maxDigits) {
		int value = 0;
		int digits = 0;
		while (digits < maxDigits && pos < n && Character.digit(s.charAt(pos), radix) >= 0) {
			value = value * radix + Character.digit(s.charAt(pos), radix);
			pos++;
			digits++;
		}
		return digits == 0 && radix == 16 ? -1 : value & 0xFF;
	}

}
