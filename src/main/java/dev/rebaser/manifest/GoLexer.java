package dev.rebaser.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits Go source into tokens, following the Go specification closely enough to read
 * manifest.go: comments, raw and interpreted strings with escapes, runes, numbers,
 * operators and automatic semicolon insertion (so statements can be parsed by their
 * terminators). Malformed input yields ILLEGAL tokens and problems, never an exception.
 */
final class GoLexer {

	private static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default", "defer",
			"else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
			"return", "select", "struct", "switch", "type", "var");

	// Longest first, so that the first match is the longest operator.
	private static final String[] OPERATORS = { "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=",
			"<=", ">=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%",
			"&", "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "~" };

	record Problem(int line, String message) {
	}

	record Result(List<GoToken> tokens, List<Problem> problems) {
	}

	private final String src;

	private int pos;

	private int line = 1;

	private final List<GoToken> tokens = new ArrayList<>();

	private final List<Problem> problems = new ArrayList<>();

	private GoLexer(String src) {
		this.src = src;
		if (src.startsWith("\uFEFF")) {
			pos = 1;
		}
	}

	static Result lex(String src) {
		GoLexer lexer = new GoLexer(src == null ? "" : src);
		lexer.run();
		return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.problems));
	}

	private void run() {
		while (true) {
			skipSpaceAndComments();
			if (pos >= src.length()) {
				newlineReached(line);
				tokens.add(new GoToken(GoToken.Kind.EOF, "", line));
				return;
			}
			char c = src.charAt(pos);
			int startLine = line;
			if (isLetter(c)) {
				int start = pos;
				while (pos < src.length() && (isLetter(src.charAt(pos)) || isDigit(src.charAt(pos)))) {
					pos++;
				}
				String word = src.substring(start, pos);
				add(KEYWORDS.contains(word) ? GoToken.Kind.KEYWORD : GoToken.Kind.IDENT, word, startLine);
			}
			else if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
				number(startLine);
			}
			else if (c == '"') {
				interpreted(startLine);
			}
			else if (c == '`') {
				raw(startLine);
			}
			else if (c == '\'') {
				rune(startLine);
			}
			else {
				operator(startLine);
			}
		}
	}

	private void add(GoToken.Kind kind, String text, int atLine) {
		tokens.add(new GoToken(kind, text, atLine));
	}

	/** Go's rule: a newline after certain tokens ends the statement. */
	private void newlineReached(int atLine) {
		if (tokens.isEmpty()) {
			return;
		}
		GoToken last = tokens.get(tokens.size() - 1);
		boolean insert = switch (last.kind()) {
			case IDENT, INT, FLOAT, IMAG, RUNE, STRING, ILLEGAL -> true;
			case KEYWORD -> Set.of("break", "continue", "fallthrough", "return").contains(last.text());
			case OP -> Set.of("++", "--", ")", "]", "}").contains(last.text());
			default -> false;
		};
		if (insert) {
			tokens.add(new GoToken(GoToken.Kind.SEMI, "\n", atLine));
		}
	}

	private void skipSpaceAndComments() {
		while (pos < src.length()) {
			char c = src.charAt(pos);
			if (c == '\n') {
				newlineReached(line);
				line++;
				pos++;
			}
			else if (c == ' ' || c == '\t' || c == '\r') {
				pos++;
			}
			else if (src.startsWith("//", pos)) {
				while (pos < src.length() && src.charAt(pos) != '\n') {
					pos++;
				}
			}
			else if (src.startsWith("/*", pos)) {
				int startLine = line;
				int end = src.indexOf("*/", pos + 2);
				int stop = end < 0 ? src.length() : end + 2;
				boolean hadNewline = false;
				for (int i = pos; i < stop; i++) {
					if (src.charAt(i) == '\n') {
						if (!hadNewline) {
							newlineReached(line);
						}
						hadNewline = true;
						line++;
					}
				}
				if (end < 0) {
					problems.add(new Problem(startLine, "comment not terminated"));
				}
				pos = stop;
			}
			else {
				return;
			}
		}
	}

	private void number(int startLine) {
		int start = pos;
		boolean hex = src.startsWith("0x", pos) || src.startsWith("0X", pos);
		boolean isFloat = false;
		while (pos < src.length()) {
			char c = src.charAt(pos);
			if (isDigit(c) || c == '_' || Character.isLetter(c) && c < 128) {
				boolean exponent = hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E');
				pos++;
				if (exponent) {
					isFloat = true;
					if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
						pos++;
					}
				}
			}
			else if (c == '.') {
				isFloat = true;
				pos++;
			}
			else {
				break;
			}
		}
		String text = src.substring(start, pos);
		GoToken.Kind kind = text.endsWith("i") ? GoToken.Kind.IMAG : isFloat ? GoToken.Kind.FLOAT : GoToken.Kind.INT;
		add(kind, text, startLine);
	}

	private void interpreted(int startLine) {
		pos++; // opening quote
		StringBuilder value = new StringBuilder();
		while (true) {
			if (pos >= src.length() || src.charAt(pos) == '\n') {
				problems.add(new Problem(startLine, "string literal not terminated"));
				add(GoToken.Kind.ILLEGAL, value.toString(), startLine);
				return;
			}
			char c = src.charAt(pos);
			if (c == '"') {
				pos++;
				add(GoToken.Kind.STRING, value.toString(), startLine);
				return;
			}
			if (c == '\\') {
				escape(value, '"', startLine);
			}
			else {
				value.append(c);
				pos++;
			}
		}
	}

	private void raw(int startLine) {
		int end = src.indexOf('`', pos + 1);
		if (end < 0) {
			problems.add(new Problem(startLine, "raw string literal not terminated"));
			String rest = src.substring(pos + 1);
			line += (int) rest.chars().filter(ch -> ch == '\n').count();
			pos = src.length();
			add(GoToken.Kind.ILLEGAL, rest, startLine);
			return;
		}
		String body = src.substring(pos + 1, end);
		line += (int) body.chars().filter(ch -> ch == '\n').count();
		pos = end + 1;
		// The spec drops carriage returns from raw string values.
		add(GoToken.Kind.STRING, body.replace("\r", ""), startLine);
	}

	private void rune(int startLine) {
		pos++;
		StringBuilder value = new StringBuilder();
		while (pos < src.length() && src.charAt(pos) != '\'' && src.charAt(pos) != '\n') {
			if (src.charAt(pos) == '\\') {
				escape(value, '\'', startLine);
			}
			else {
				value.append(src.charAt(pos++));
			}
		}
		if (pos < src.length() && src.charAt(pos) == '\'') {
			pos++;
			if (value.codePointCount(0, value.length()) != 1) {
				problems.add(new Problem(startLine, "rune literal must hold exactly one character"));
			}
			add(GoToken.Kind.RUNE, value.toString(), startLine);
		}
		else {
			problems.add(new Problem(startLine, "rune literal not terminated"));
			add(GoToken.Kind.ILLEGAL, value.toString(), startLine);
		}
	}

	/** Decodes one escape sequence starting at the backslash. */
	private void escape(StringBuilder out, char quote, int startLine) {
		pos++; // backslash
		if (pos >= src.length()) {
			problems.add(new Problem(startLine, "escape sequence not terminated"));
			return;
		}
		char c = src.charAt(pos++);
		switch (c) {
			case 'a' -> out.append('\u0007');
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'v' -> out.append('\u000B');
			case '\\' -> out.append('\\');
			case 'x' -> out.append((char) digits(2, 16, startLine));
			case 'u' -> out.appendCodePoint(codePoint(digits(4, 16, startLine), startLine));
			case 'U' -> out.appendCodePoint(codePoint(digits(8, 16, startLine), startLine));
			default -> {
				if (c == quote) {
					out.append(c);
				}
				else if (c >= '0' && c <= '7') {
					pos--;
					out.append((char) (digits(3, 8, startLine) & 0xFF));
				}
				else {
					problems.add(new Problem(startLine, "unknown escape sequence \\" + c));
					out.append(c);
				}
			}
		}
	}

	private int digits(int count, int radix, int startLine) {
		int value = 0;
		for (int i = 0; i < count; i++) {
			int d = pos < src.length() ? Character.digit(src.charAt(pos), radix) : -1;
			if (d < 0) {
				problems.add(new Problem(startLine, "malformed escape sequence"));
				return value;
			}
			value = value * radix + d;
			pos++;
		}
		return value;
	}

	private int codePoint(int value, int startLine) {
		if (value < 0 || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000)) {
			problems.add(new Problem(startLine, "escape sequence is not a valid Unicode code point"));
			return 0xFFFD;
		}
		return value;
	}

	private void operator(int startLine) {
		for (String op : OPERATORS) {
			if (src.startsWith(op, pos)) {
				pos += op.length();
				add(op.equals(";") ? GoToken.Kind.SEMI : GoToken.Kind.OP, op, startLine);
				return;
			}
		}
		int cp = src.codePointAt(pos);
		pos += Character.charCount(cp);
		problems.add(new Problem(startLine, "unexpected character " + new String(Character.toChars(cp))));
		add(GoToken.Kind.ILLEGAL, new String(Character.toChars(cp)), startLine);
	}

	private static boolean isLetter(char c) {
		return c == '_' || Character.isLetter(c);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
