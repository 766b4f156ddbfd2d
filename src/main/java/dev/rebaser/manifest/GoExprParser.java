package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Binary;
import dev.rebaser.manifest.GoAst.Call;
import dev.rebaser.manifest.GoAst.Composite;
import dev.rebaser.manifest.GoAst.Element;
import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.Ident;
import dev.rebaser.manifest.GoAst.Index;
import dev.rebaser.manifest.GoAst.Opaque;
import dev.rebaser.manifest.GoAst.Selector;
import dev.rebaser.manifest.GoAst.StrLit;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoAst.Unary;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go expressions by precedence climbing: operands, selectors, indexes, calls and
 * composite literals; number literals, function literals and type assertions are parsed
 * past as {@link GoAst.Opaque}.
 */
abstract class GoExprParser extends GoTypeParser {

	private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(Map.entry("||", 1), Map.entry("&&", 2),
			Map.entry("==", 3), Map.entry("!=", 3), Map.entry("<", 3), Map.entry("<=", 3), Map.entry(">", 3),
			Map.entry(">=", 3), Map.entry("+", 4), Map.entry("-", 4), Map.entry("|", 4), Map.entry("^", 4),
			Map.entry("*", 5), Map.entry("/", 5), Map.entry("%", 5), Map.entry("<<", 5), Map.entry(">>", 5),
			Map.entry("&", 5), Map.entry("&^", 5));

	private static final Set<String> UNARY_OPS = Set.of("+", "-", "!", "^", "*", "&", "<-", "~");

	GoExprParser(List<GoToken> tokens) {
		super(tokens);
	}

	List<Expr> exprList() {
		List<Expr> list = new ArrayList<>();
		list.add(expr());
		while (peek().isOp(",")) {
			pos++;
			list.add(expr());
		}
		return list;
	}

	Expr expr() {
		return binary(1);
	}

	private Expr binary(int minPrec) {
		enter();
		try {
			Expr x = unary();
			while (true) {
				GoToken t = peek();
				Integer prec = t.kind() == Kind.OP ? PRECEDENCE.get(t.text()) : null;
				if (prec == null || prec < minPrec) {
					return x;
				}
				pos++;
				Expr y = binary(prec + 1);
				x = new Binary(t.text(), x, y, t.line());
			}
		}
		finally {
			depth--;
		}
	}

	private Expr unary() {
		GoToken t = peek();
		if (t.kind() == Kind.OP && UNARY_OPS.contains(t.text())) {
			pos++;
			enter();
			try {
				return new Unary(t.text(), unary(), t.line());
			}
			finally {
				depth--;
			}
		}
		return primary();
	}

	private Expr primary() {
		Expr x = operand();
		while (true) {
			GoToken t = peek();
			if (t.isOp(".")) {
				pos++;
				if (peek().kind() == Kind.IDENT) {
					x = new Selector(x, next().text(), t.line());
				}
				else if (peek().isOp("(")) {
					skipBalanced(); // type assertion
					x = new Opaque("type assertion", t.line());
				}
				else {
					throw error(peek(), "expected a name after '.', found " + describe(peek()));
				}
			}
			else if (t.isOp("[")) {
				pos++;
				exprLev++;
				Expr index = null;
				boolean slice = false;
				while (!peek().isOp("]")) {
					if (peek().isOp(":") || peek().isOp(",")) {
						slice = true;
						pos++;
					}
					else if (peek().kind() == Kind.EOF) {
						throw error(peek(), "index not closed");
					}
					else {
						Expr e = typeOrExpr();
						if (index == null) {
							index = e;
						}
					}
				}
				exprLev--;
				pos++;
				x = slice || index == null ? new Opaque("slice expression", t.line()) : new Index(x, index, t.line());
			}
			else if (t.isOp("(")) {
				pos++;
				exprLev++;
				List<Expr> args = new ArrayList<>();
				while (!peek().isOp(")")) {
					if (peek().kind() == Kind.EOF) {
						throw error(peek(), "call not closed");
					}
					args.add(typeOrExpr());
					if (peek().isOp("...")) {
						pos++;
					}
					if (peek().isOp(",")) {
						pos++;
					}
					else if (!peek().isOp(")")) {
						throw error(peek(), "unexpected " + describe(peek()) + " in argument list");
					}
				}
				exprLev--;
				pos++;
				x = new Call(x, List.copyOf(args), t.line());
			}
			else if (t.isOp("{") && exprLev >= 0 && looksLikeType(x)) {
				x = compositeBody(typeOf(x), t.line());
			}
			else {
				return x;
			}
		}
	}

	private static boolean looksLikeType(Expr x) {
		return x instanceof Ident || x instanceof Selector s && s.x() instanceof Ident || x instanceof Index;
	}

	private static TypeRef typeOf(Expr x) {
		if (x instanceof Ident i) {
			return TypeRef.named(i.name());
		}
		if (x instanceof Selector s && s.x() instanceof Ident pkg) {
			return new TypeRef(pkg.name() + "." + s.sel(), s.sel(), null);
		}
		if (x instanceof Index i) {
			TypeRef base = typeOf(i.x());
			return new TypeRef(base.text() + "[…]", base.name(), null);
		}
		return new TypeRef("?", null, null);
	}

	/** Call arguments and indexes may be types, as in {@code make(map[int]Config)}. */
	private Expr typeOrExpr() {
		GoToken t = peek();
		if (t.isOp("[") || t.isKeyword("map") || t.isKeyword("chan") || t.isKeyword("struct")
				|| t.isKeyword("interface")) {
			return operand();
		}
		return expr();
	}

	private Expr operand() {
		GoToken t = peek();
		switch (t.kind()) {
			case STRING -> {
				pos++;
				return new StrLit(t.text(), t.line());
			}
			case IDENT -> {
				pos++;
				return new Ident(t.text(), t.line());
			}
			case INT, FLOAT, IMAG, RUNE -> {
				pos++;
				return new Opaque(t.kind().name().toLowerCase(java.util.Locale.ROOT) + " literal", t.line());
			}
			default -> {
			}
		}
		if (t.isOp("(")) {
			pos++;
			exprLev++;
			enter();
			try {
				Expr x = typeOrExpr();
				expectOp(")");
				return x;
			}
			finally {
				depth--;
				exprLev--;
			}
		}
		if (t.isKeyword("func")) {
			pos++;
			params();
			while (!peek().isOp("{") && peek().kind() != Kind.EOF && peek().kind() != Kind.SEMI) {
				skipOne();
			}
			if (peek().isOp("{")) {
				skipBalanced();
				return new Opaque("function literal", t.line());
			}
			return new Opaque("function type", t.line());
		}
		if (t.isOp("[") || t.isKeyword("map") || t.isKeyword("struct") || t.isKeyword("chan")
				|| t.isKeyword("interface")) {
			TypeRef type = parseType();
			if (peek().isOp("{")) {
				return compositeBody(type, t.line());
			}
			return new Opaque("type " + type.text(), t.line());
		}
		throw error(t, "unexpected " + describe(t) + " in expression");
	}

	private Composite compositeBody(TypeRef type, int line) {
		expectOp("{");
		int saved = exprLev;
		exprLev = 0;
		enter();
		try {
			List<Element> elements = new ArrayList<>();
			while (!peek().isOp("}")) {
				if (peek().kind() == Kind.EOF) {
					throw error(peek(), "composite literal not closed");
				}
				if (peek().kind() == Kind.SEMI) {
					throw error(peek(), "missing ',' before newline in composite literal");
				}
				int elemLine = peek().line();
				Expr first = elementValue(type == null ? null : type.isMap() ? null : type.elem());
				Expr key = null;
				Expr value = first;
				if (peek().isOp(":")) {
					pos++;
					key = first;
					value = elementValue(type == null ? null : type.elem());
				}
				elements.add(new Element(key, value, elemLine));
				if (peek().isOp(",")) {
					pos++;
				}
				else if (!peek().isOp("}")) {
					throw error(peek(), "unexpected " + describe(peek()) + " in composite literal");
				}
			}
			pos++;
			return new Composite(type, List.copyOf(elements), line);
		}
		finally {
			depth--;
			exprLev = saved;
		}
	}

	private Expr elementValue(TypeRef elided) {
		if (peek().isOp("{")) {
			return compositeBody(elided, peek().line());
		}
		return expr();
	}

	/**
	 * Parses one expression starting at a token index, e.g. a literal found by scanning
	 * tokens.
	 */
	Expr parseExprAt(int tokenIndex) {
		pos = tokenIndex;
		exprLev = 0;
		depth = 0;
		try {
			return expr();
		}
		catch (GoParseError e) {
			report(e);
			return new Opaque("unparsable expression", e.line);
		}
	}

}
