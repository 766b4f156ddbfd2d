package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Assign;
import dev.rebaser.manifest.GoAst.Block;
import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.ExprStmt;
import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoAst.Ident;
import dev.rebaser.manifest.GoAst.OtherStmt;
import dev.rebaser.manifest.GoAst.Range;
import dev.rebaser.manifest.GoAst.Stmt;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Go statements of the function bodies that matter: blocks, assignments, calls, if, for
 * and range, switch; anything else is skipped as {@link GoAst.OtherStmt}. A statement
 * with a syntax error is recorded and skipped, the rest of its block still read.
 */
abstract class GoStmtParser extends GoExprParser {

	private static final Set<String> ASSIGN_OPS = Set.of("=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
			"<<=", ">>=", "&^=");

	GoStmtParser(List<GoToken> tokens) {
		super(tokens);
	}

	/**
	 * Parses the body of a function found by {@link GoParser#parseFile()}; problems are
	 * recorded, not thrown.
	 */
	Block parseBody(FuncDecl f) {
		if (f.bodyStart() < 0) {
			return new Block(List.of(), f.line());
		}
		pos = f.bodyStart();
		exprLev = 0;
		depth = 0;
		try {
			return block();
		}
		catch (GoParseError e) {
			report(e);
			return new Block(List.of(), f.line());
		}
	}

	/**
	 * Adds the statement at pos to {@code stmts}; after a syntax error, records it and
	 * resumes at the next statement of the same block, always past at least one token.
	 */
	private void statementOrSkip(List<Stmt> stmts) {
		int start = pos;
		try {
			stmts.add(statement());
			if (!peek().isOp("}")) {
				endOfStatement();
			}
		}
		catch (GoParseError e) {
			report(e);
			pos = Math.max(pos, start + 1);
			skipStatement();
		}
	}

	private Block block() {
		GoToken open = expectOp("{");
		enter();
		try {
			List<Stmt> stmts = new ArrayList<>();
			while (!peek().isOp("}")) {
				if (peek().kind() == Kind.EOF) {
					throw error(open, "block not closed");
				}
				if (peek().kind() == Kind.SEMI) {
					pos++;
					continue;
				}
				statementOrSkip(stmts);
			}
			pos++;
			return new Block(List.copyOf(stmts), open.line());
		}
		finally {
			depth--;
		}
	}

	private Stmt statement() {
		GoToken t = peek();
		if (t.isOp("{")) {
			return block();
		}
		if (t.kind() == Kind.KEYWORD) {
			switch (t.text()) {
				case "var" -> {
					return localVar();
				}
				case "const", "type" -> {
					pos++;
					skipStatement();
					return new OtherStmt(t.line());
				}
				case "if" -> {
					return ifStmt();
				}
				case "for" -> {
					return forStmt();
				}
				case "switch", "select" -> {
					return switchStmt();
				}
				default -> {
					pos++;
					skipStatement();
					return new OtherStmt(t.line());
				}
			}
		}
		if (t.kind() == Kind.IDENT && tokens.get(pos + 1).isOp(":")) {
			pos += 2; // label
			return new OtherStmt(t.line());
		}
		return simpleStatement();
	}

	private Stmt localVar() {
		GoToken var = next();
		List<Stmt> out = new ArrayList<>();
		boolean group = peek().isOp("(");
		if (group) {
			pos++;
		}
		do {
			if (group && peek().kind() == Kind.SEMI) {
				pos++;
				continue;
			}
			if (group && peek().isOp(")")) {
				break;
			}
			List<Expr> names = new ArrayList<>();
			GoToken n = expect(Kind.IDENT, "a name");
			names.add(new Ident(n.text(), n.line()));
			while (peek().isOp(",")) {
				pos++;
				GoToken m = expect(Kind.IDENT, "a name");
				names.add(new Ident(m.text(), m.line()));
			}
			if (!peek().isOp("=")) {
				parseType();
			}
			List<Expr> values = List.of();
			if (peek().isOp("=")) {
				pos++;
				values = exprList();
			}
			out.add(new Assign(names, ":=", values, n.line()));
			if (group && !peek().isOp(")")) {
				endOfStatement();
			}
		}
		while (group);
		if (group) {
			expectOp(")");
		}
		return out.size() == 1 ? out.get(0) : new Block(List.copyOf(out), var.line());
	}

	private Stmt simpleStatement() {
		GoToken t = peek();
		List<Expr> lhs = exprList();
		GoToken op = peek();
		if (op.kind() == Kind.OP && ASSIGN_OPS.contains(op.text())) {
			pos++;
			return new Assign(lhs, op.text(), exprList(), t.line());
		}
		if (op.isOp("++") || op.isOp("--")) {
			pos++;
			return new OtherStmt(t.line());
		}
		if (op.isOp("<-")) {
			pos++;
			expr();
			return new OtherStmt(t.line());
		}
		return new ExprStmt(lhs.get(0), t.line());
	}

	private Stmt ifStmt() {
		GoToken t = next();
		List<Stmt> parts = new ArrayList<>();
		int saved = exprLev;
		exprLev = -1;
		Stmt s = simpleStatement();
		if (peek().kind() == Kind.SEMI) {
			pos++;
			parts.add(s);
			expr();
		}
		exprLev = saved;
		parts.add(block());
		if (peek().isKeyword("else")) {
			pos++;
			parts.add(peek().isKeyword("if") ? ifStmt() : block());
		}
		return new Block(List.copyOf(parts), t.line());
	}

	private Stmt forStmt() {
		GoToken t = next();
		int saved = exprLev;
		exprLev = -1;
		try {
			if (peek().isOp("{")) {
				exprLev = saved;
				return block();
			}
			if (peek().isKeyword("range")) {
				pos++;
				Expr over = expr();
				exprLev = saved;
				return new Range(null, null, over, block(), t.line());
			}
			List<Stmt> parts = new ArrayList<>();
			if (peek().kind() != Kind.SEMI) {
				List<Expr> lhs = exprList();
				if ((peek().isOp(":=") || peek().isOp("=")) && tokens.get(pos + 1).isKeyword("range")) {
					pos += 2;
					Expr over = expr();
					exprLev = saved;
					Expr key = lhs.get(0);
					Expr value = lhs.size() > 1 ? lhs.get(1) : null;
					return new Range(key, value, over, block(), t.line());
				}
				if (peek().kind() == Kind.OP && ASSIGN_OPS.contains(peek().text())) {
					String op = next().text();
					parts.add(new Assign(lhs, op, exprList(), t.line()));
				}
				else if (peek().isOp("++") || peek().isOp("--")) {
					pos++;
				}
			}
			if (peek().kind() == Kind.SEMI) {
				pos++;
				if (peek().kind() != Kind.SEMI) {
					expr();
				}
				expect(Kind.SEMI, "';' in for clause");
				if (!peek().isOp("{")) {
					simpleStatement();
				}
			}
			exprLev = saved;
			parts.add(block());
			return new Block(List.copyOf(parts), t.line());
		}
		finally {
			exprLev = saved;
		}
	}

	private Stmt switchStmt() {
		GoToken t = next();
		while (!peek().isOp("{")) {
			if (peek().kind() == Kind.EOF) {
				throw error(t, "switch without a body");
			}
			skipOne();
		}
		GoToken open = next();
		List<Stmt> stmts = new ArrayList<>();
		while (!peek().isOp("}")) {
			GoToken c = peek();
			if (c.kind() == Kind.EOF) {
				throw error(open, "switch body not closed");
			}
			if (c.kind() == Kind.SEMI) {
				pos++;
			}
			else if (c.isKeyword("case") || c.isKeyword("default")) {
				while (!peek().isOp(":") && peek().kind() != Kind.EOF) {
					skipOne();
				}
				expectOp(":");
			}
			else {
				statementOrSkip(stmts);
			}
		}
		pos++;
		return new Block(List.copyOf(stmts), t.line());
	}

}
