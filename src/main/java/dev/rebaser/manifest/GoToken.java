package dev.rebaser.manifest;

/**
 * One lexical token of Go source; {@code text} holds the decoded value of string
 * literals.
 */
record GoToken(Kind kind, String text, int line) {

	enum Kind {

		IDENT, KEYWORD, INT, FLOAT, IMAG, RUNE, STRING, OP, SEMI, EOF, ILLEGAL

	}

	boolean is(Kind k, String t) {
		return kind == k && text.equals(t);
	}

	boolean isOp(String t) {
		return kind == Kind.OP && text.equals(t);
	}

	boolean isKeyword(String t) {
		return kind == Kind.KEYWORD && text.equals(t);
	}
}
