package dev.rebaser.dockerfile;

import java.util.List;

/**
 * The parts of a shell word: quoting (single, double, ANSI-C {@code $'…'}), escapes,
 * {@code $} expansions and the parens a word may keep ({@code a=(…)}, {@code !(…)}).
 * Quoted text is decoded into the word's literal; expansions only mark the word.
 */
abstract class ShellWords extends ShellRegions {

	ShellWords(String source, List<String> problems) {
		super(source, problems);
	}

	/**
	 * Reads the word at pos up to the first unquoted blank or operator, into
	 * {@link #literal}, {@link #expansion} and {@link #broken}.
	 */
	void scanWord() {
		int start = pos;
		literal.setLength(0);
		expansion = false;
		broken = false;
		if (charAt(pos) == '<' || charAt(pos) == '>') {
			expansion = true;
			pos += 1;
			skipParens(start);
		}
		while (pos < n) {
			char c = charAt(pos);
			switch (c) {
				case ' ', '\t', '\r', '\n', '\f', '\u000b', ';', '&', '|', '<', '>', ')':
					return;
				case '(':
					if (!opensWordParens(start)) {
						return;
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
						literal.append(charAt(pos + 1));
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
	}

	/**
	 * An array assignment {@code a=(…)} or an extended glob {@code !(…)} keeps its parens
	 * in the word.
	 */
	private boolean opensWordParens(int start) {
		if (pos == start) {
			return false;
		}
		char prev = charAt(pos - 1);
		if (prev == '@' || prev == '!' || prev == '+' || prev == '*' || prev == '?') {
			return true;
		}
		if (prev != '=') {
			return false;
		}
		int i = start;
		char c = charAt(i);
		if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
			return false;
		}
		while (i < pos - 1 && isNameChar(charAt(i))) {
			i++;
		}
		if (i < pos - 1 && charAt(i) == '+') {
			i++;
		}
		return i == pos - 1;
	}

	static boolean isNameChar(char c) {
		return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	private void singleQuoted() {
		int open = pos;
		int close = indexOf('\'', pos + 1);
		if (close < 0) {
			problems.add("unterminated single quote at offset " + open);
			broken = true;
			pos = n;
			return;
		}
		literal.append(s, open + 1, close);
		pos = close + 1;
	}

	@Override
	void doubleQuoted(int open, StringBuilder out) {
		nested(open, from -> doubleQuotedBody(from, out));
	}

	private void doubleQuotedBody(int open, StringBuilder out) {
		while (pos < n) {
			char c = charAt(pos);
			switch (c) {
				case '"':
					pos++;
					return;
				case '\\':
					char d = pos + 1 < n ? charAt(pos + 1) : '\0';
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

	/** pos is just after "$'"; decodes bash's ANSI-C escapes into {@code out}. */
	private void ansiCQuoted(int open, StringBuilder out) {
		while (pos < n) {
			char c = charAt(pos);
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
			char e = charAt(pos + 1);
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
		while (digits < maxDigits && pos < n && Character.digit(charAt(pos), radix) >= 0) {
			value = value * radix + Character.digit(charAt(pos), radix);
			pos++;
			digits++;
		}
		return digits == 0 && radix == 16 ? -1 : value & 0xFF;
	}

}
