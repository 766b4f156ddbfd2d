package dev.rebaser.manifest;

import java.util.List;

/**
 * The small part of Go's syntax tree that manifest.go needs; everything else is
 * {@link Opaque}.
 */
final class GoAst {

	private GoAst() {
	}

	/**
	 * A composite literal's type: {@code Config}, {@code image.Config}, {@code map[K]V},
	 * {@code []T}.
	 */
	record TypeRef(String text, String name, TypeRef elem) {
		static TypeRef named(String name) {
			return new TypeRef(name, name, null);
		}

		boolean isMap() {
			return text.startsWith("map[");
		}
	}

	sealed interface Expr permits StrLit, Ident, Selector, Binary, Call, Composite, Index, Unary, Opaque {

		int line();

	}

	record StrLit(String value, int line) implements Expr {
	}

	record Ident(String name, int line) implements Expr {
	}

	record Selector(Expr x, String sel, int line) implements Expr {
	}

	record Binary(String op, Expr left, Expr right, int line) implements Expr {
	}

	record Call(Expr fun, List<Expr> args, int line) implements Expr {
	}

	/**
	 * {@code type} is null for an elided element type inside another composite literal.
	 */
	record Composite(TypeRef type, List<Element> elements, int line) implements Expr {
	}

	record Element(Expr key, Expr value, int line) {
	}

	record Index(Expr x, Expr index, int line) implements Expr {
	}

	record Unary(String op, Expr x, int line) implements Expr {
	}

	/**
	 * Numbers, runes, function literals, type assertions …: parsed past, never evaluated.
	 */
	record Opaque(String what, int line) implements Expr {
	}

	sealed interface Stmt permits Assign, ExprStmt, Range, Block, OtherStmt {

		int line();

	}

	/**
	 * {@code op} is "=", ":=" or an assignment operator; {@code var x = y} is recorded as
	 * ":=".
	 */
	record Assign(List<Expr> lhs, String op, List<Expr> rhs, int line) implements Stmt {
	}

	record ExprStmt(Expr x, int line) implements Stmt {
	}

	record Range(Expr key, Expr value, Expr over, Block body, int line) implements Stmt {
	}

	record Block(List<Stmt> stmts, int line) implements Stmt {
	}

	/** return, goto, …: nothing to learn from them. */
	record OtherStmt(int line) implements Stmt {
	}

	record Param(String name, String type) {
	}

	record FuncDecl(String name, boolean method, List<Param> params, List<String> results, int bodyStart, int bodyEnd,
			int line) {
	}

	/**
	 * One name of a const or var spec; {@code value} may be shared by several names
	 * (multi-value calls); {@code type} is null when the spec declares none.
	 */
	record ValueSpec(String name, boolean isConst, Expr value, int valueIndex, int valueCount, int line, TypeRef type) {
	}

	record Field(String name, String type, String yamlKey, int line) {
	}

	record StructType(String name, List<Field> fields, int line) {
	}

}
