package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell source into words, operators, redirection operators and newlines in one
 * forward pass. Quotes, escapes and every kind of substitution stay inside the word that
 * holds them. Here-document bodies are skipped when the newline that precedes them is
 * read, so the parser must announce a here-document (see {@link #expectHeredoc}) before
 * asking for that newline.
 *
 * <p>
 * This class makes the tokens; {@link ShellWords} reads the parts of a word,
 * {@link ShellRegions} skips the substitutions inside one, and {@link ShellScanner} holds
 * the state they share.
 */
final class ShellLexer extends ShellWords {

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

	private final List<PendingHeredoc> pending = new ArrayList<>(2);

	private static final int MAX_ARITHMETIC = 4096;

	/** What is left of the look-ahead all arithmetic commands of the script may take. */
	private long arithmeticLookahead;

	ShellLexer(String source, List<String> problems) {
		super(source, problems);
		this.arithmeticLookahead = 4L * n + 2 * MAX_ARITHMETIC;
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
			char c = charAt(pos);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
				pos++;
			}
			else if (c == '\\' && continuationLength(pos) > 0) {
				pos += continuationLength(pos);
			}
			else if (c == '#') {
				while (pos < n && charAt(pos) != '\n') {
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
		char c = charAt(pos);
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
					while (i < n && charAt(i) >= '0' && charAt(i) <= '9') {
						i++;
					}
					if (i < n && (charAt(i) == '<' || charAt(i) == '>')) {
						String op = redirectOperator(i);
						return redirect(start, s.substring(start, i) + op);
					}
				}
				return word();
		}
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
		char c = charAt(i);
		char d = i + 1 < n ? charAt(i + 1) : '\0';
		char e = i + 2 < n ? charAt(i + 2) : '\0';
		if (c == '<') {
			if (d == '<') {
				return e == '<' ? "<<<" : e == '-' ? "<<-" : "<<";
			}
			return d == '&' ? "<&" : d == '>' ? "<>" : "<";
		}
		return d == '>' ? ">>" : d == '&' ? ">&" : d == '|' ? ">|" : ">";
	}

	/**
	 * End of an arithmetic command {@code (( … ))} starting at {@code start}, or -1 when
	 * the two parens do not close together, which makes it two nested subshells instead.
	 */
	private int arithmeticEnd(int start) {
		int depth = 0;
		// Arithmetic is short: a look-ahead of at most 4096 characters, and all of them
		// together at most a few times the script, so a run of "((((" costs linear time.
		// Past that, "((" reads as two subshells.
		int limit = (int) Math.min(n, start + Math.min(MAX_ARITHMETIC, arithmeticLookahead));
		arithmeticLookahead -= limit - start;
		for (int i = start; i < limit; i++) {
			char c = charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 1) {
					return i + 1 < n && charAt(i + 1) == ')' ? i + 2 : -1;
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
				int lineEnd = indexOf('\n', pos);
				if (lineEnd < 0) {
					lineEnd = n;
				}
				int from = pos;
				int to = lineEnd > from && charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
				if (h.stripTabs()) {
					while (from < to && charAt(from) == '\t') {
						from++;
					}
				}
				pos = Math.min(n, lineEnd + 1);
				reads += h.delimiter().length();
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

	private Token word() {
		int start = pos;
		scanWord();
		return finishWord(start);
	}

	private Token finishWord(int start) {
		if (pos == start) {
			pos++; // never hand out an empty word: the caller would not advance
		}
		String lit = expansion || broken ? null : literal.toString();
		return new Token(Kind.WORD, start, pos, s.substring(start, pos), lit);
	}

}
