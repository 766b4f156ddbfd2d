package dev.rebaser.manifest;

import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The token stream under the Go parser: where it stands, lookahead, expectations that
 * raise a {@link GoParseError}, skipping balanced groups and statements, the nesting
 * guard, and the problems recorded so far. Shared by every layer of the parser.
 */
abstract class GoTokenCursor {

	record Problem(int line, String message) {
	}

	private static final int MAX_DEPTH = 200;

	final List<GoToken> tokens;

	/** Brace depth of each token, so recovery can find a top-level declaration. */
	final int[] braceDepth;

	private final List<Problem> problems = new ArrayList<>();

	int pos;

	/** Below 0 while a '{' ends the expression (if, for, switch headers). */
	int exprLev;

	int depth;

	GoTokenCursor(List<GoToken> tokens) {
		this.tokens = tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() != Kind.EOF ? append(tokens) : tokens;
		this.braceDepth = new int[this.tokens.size()];
		int d = 0;
		for (int i = 0; i < this.tokens.size(); i++) {
			GoToken t = this.tokens.get(i);
			if (t.isOp("}")) {
				d = Math.max(0, d - 1);
			}
			braceDepth[i] = d;
			if (t.isOp("{")) {
				d++;
			}
		}
	}

	private static List<GoToken> append(List<GoToken> tokens) {
		List<GoToken> copy = new ArrayList<>(tokens);
		int line = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
		copy.add(new GoToken(Kind.EOF, "", line));
		return copy;
	}

	List<Problem> problems() {
		return problems;
	}

	/** Keeps a syntax error as a problem, for the caller to resume past it. */
	void report(GoParseError e) {
		problems.add(new Problem(e.line, e.getMessage()));
	}

	GoToken peek() {
		return tokens.get(Math.min(pos, tokens.size() - 1));
	}

	GoToken next() {
		GoToken t = peek();
		if (pos < tokens.size() - 1) {
			pos++;
		}
		return t;
	}

	GoToken expect(Kind kind, String what) {
		GoToken t = peek();
		if (t.kind() != kind) {
			throw error(t, "expected " + what + ", found " + describe(t));
		}
		return next();
	}

	GoToken expectOp(String op) {
		GoToken t = peek();
		if (!t.isOp(op)) {
			throw error(t, "expected '" + op + "', found " + describe(t));
		}
		return next();
	}

	void endOfStatement() {
		GoToken t = peek();
		if (t.kind() == Kind.SEMI) {
			pos++;
		}
		else if (t.kind() != Kind.EOF && !t.isOp(")") && !t.isOp("}")) {
			throw error(t, "unexpected " + describe(t) + " at end of statement");
		}
	}

	/** Skips one token, or a whole bracketed group when it opens one. */
	void skipOne() {
		GoToken t = peek();
		if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
			skipBalanced();
		}
		else if (t.kind() == Kind.EOF) {
			throw error(t, "unexpected end of file");
		}
		else {
			pos++;
		}
	}

	void skipBalanced() {
		GoToken open = peek();
		int level = 0;
		do {
			GoToken t = peek();
			if (t.kind() == Kind.EOF) {
				throw error(open, "'" + open.text() + "' not closed");
			}
			if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
				level++;
			}
			else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
				level--;
			}
			pos++;
		}
		while (level > 0);
	}

	/** Skips to the end of the current statement without leaving the enclosing block. */
	void skipStatement() {
		while (true) {
			GoToken t = peek();
			if (t.kind() == Kind.EOF || t.isOp("}") || t.isOp(")") || t.isOp("]")) {
				return;
			}
			if (t.kind() == Kind.SEMI) {
				pos++;
				return;
			}
			skipOne();
		}
	}

	String textOf(int from, int to) {
		StringBuilder sb = new StringBuilder();
		for (int i = from; i < to && i < tokens.size(); i++) {
			GoToken t = tokens.get(i);
			if (t.kind() == Kind.SEMI) {
				continue;
			}
			if (t.kind() == Kind.KEYWORD && sb.length() > 0) {
				sb.append(' ');
			}
			sb.append(t.kind() == Kind.STRING ? '"' + t.text() + '"' : t.text());
			if (t.kind() == Kind.KEYWORD) {
				sb.append(' ');
			}
		}
		return sb.toString().trim();
	}

	void enter() {
		if (++depth > MAX_DEPTH) {
			depth--;
			throw error(peek(), "nesting too deep");
		}
	}

	static String describe(GoToken t) {
		return switch (t.kind()) {
			case EOF -> "end of file";
			case SEMI -> t.text().equals("\n") ? "newline" : "';'";
			case STRING -> "string literal";
			default -> "'" + t.text() + "'";
		};
	}

	static GoParseError error(GoToken at, String message) {
		return new GoParseError(at.line(), message);
	}

}
