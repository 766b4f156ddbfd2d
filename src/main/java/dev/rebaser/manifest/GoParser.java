package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Assign;
import dev.rebaser.manifest.GoAst.Binary;
import dev.rebaser.manifest.GoAst.Block;
import dev.rebaser.manifest.GoAst.Call;
import dev.rebaser.manifest.GoAst.Composite;
import dev.rebaser.manifest.GoAst.Element;
import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.ExprStmt;
import dev.rebaser.manifest.GoAst.Field;
import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoAst.Ident;
import dev.rebaser.manifest.GoAst.Index;
import dev.rebaser.manifest.GoAst.Opaque;
import dev.rebaser.manifest.GoAst.OtherStmt;
import dev.rebaser.manifest.GoAst.Param;
import dev.rebaser.manifest.GoAst.Range;
import dev.rebaser.manifest.GoAst.Selector;
import dev.rebaser.manifest.GoAst.Stmt;
import dev.rebaser.manifest.GoAst.StrLit;
import dev.rebaser.manifest.GoAst.StructType;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoAst.Unary;
import dev.rebaser.manifest.GoAst.ValueSpec;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the declarations of a Go file. Function bodies are kept
 * as token ranges and parsed on demand, because only the few functions that build image
 * configs matter. Every syntax error becomes a problem with a line number; parsing
 * resumes at the next declaration.
 */
final class GoParser {

	static final class ParseError extends RuntimeException {

		final int line;

		ParseError(int line, String message) {
			super(message, null, false, false);
			this.line = line;
		}

	}

	record Problem(int line, String message) {
	}

	record File(List<ValueSpec> values, List<FuncDecl> funcs, List<StructType> structs) {
	}

	private static final int MAX_DEPTH = 200;

	private static final Set<String> TOP_KEYWORDS = Set.of("func", "var", "const", "type", "import");

	private static final Set<String> ASSIGN_OPS = Set.of("=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
			"<<=", ">>=", "&^=");

	private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(Map.entry("||", 1), Map.entry("&&", 2),
			Map.entry("==", 3), Map.entry("!=", 3), Map.entry("<", 3), Map.entry("<=", 3), Map.entry(">", 3),
			Map.entry(">=", 3), Map.entry("+", 4), Map.entry("-", 4), Map.entry("|", 4), Map.entry("^", 4),
			Map.entry("*", 5), Map.entry("/", 5), Map.entry("%", 5), Map.entry("<<", 5), Map.entry(">>", 5),
			Map.entry("&", 5), Map.entry("&^", 5));

	private static final Set<String> UNARY_OPS = Set.of("+", "-", "!", "^", "*", "&", "<-", "~");

	private static final Pattern YAML_TAG = Pattern.compile("(?:^|\\s)yaml:\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<GoToken> tokens;

	private final int[] braceDepth;

	private final List<Problem> problems = new ArrayList<>();

	private int pos;

	private int exprLev;

	private int depth;

	GoParser(List<GoToken> tokens) {
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

	// ---------------------------------------------------------------- declarations

	File parseFile() {
		List<ValueSpec> values = new ArrayList<>();
		List<FuncDecl> funcs = new ArrayList<>();
		List<StructType> structs = new ArrayList<>();
		pos = 0;
		while (peek().kind() != Kind.EOF) {
			int start = pos;
			exprLev = 0;
			depth = 0;
			try {
				GoToken t = peek();
				if (t.kind() == Kind.SEMI) {
					pos++;
				}
				else if (t.isKeyword("package")) {
					skipStatement();
				}
				else if (t.isKeyword("import")) {
					pos++;
					skipStatement();
				}
				else if (t.isKeyword("const") || t.isKeyword("var")) {
					values.addAll(valueDecl());
				}
				else if (t.isKeyword("type")) {
					structs.addAll(typeDecl());
				}
				else if (t.isKeyword("func")) {
					funcs.add(funcDecl());
				}
				else {
					throw error(t, "unexpected " + describe(t) + " outside a declaration");
				}
			}
			catch (ParseError e) {
				problems.add(new Problem(e.line, e.getMessage()));
				syncToDeclaration(start);
			}
		}
		return new File(List.copyOf(values), List.copyOf(funcs), List.copyOf(structs));
	}

	private void syncToDeclaration(int start) {
		pos = Math.max(pos, start + 1);
		while (peek().kind() != Kind.EOF) {
			GoToken t = peek();
			boolean lineStart = pos == 0 || tokens.get(pos - 1).kind() == Kind.SEMI
					|| tokens.get(pos - 1).line() < t.line();
			if (braceDepth[pos] == 0 && lineStart && t.kind() == Kind.KEYWORD && TOP_KEYWORDS.contains(t.text())) {
				return;
			}
			pos++;
		}
	}

	private List<ValueSpec> valueDecl() {
		boolean isConst = next().text().equals("const");
		List<ValueSpec> specs = new ArrayList<>();
		if (peek().isOp("(")) {
			pos++;
			Expr[] previous = { null };
			int[] previousCount = { 0 };
			while (!peek().isOp(")")) {
				if (peek().kind() == Kind.SEMI) {
					pos++;
					continue;
				}
				if (peek().kind() == Kind.EOF) {
					throw error(peek(), "declaration group not closed");
				}
				valueSpec(isConst, specs, previous, previousCount);
			}
			pos++;
			endOfStatement();
		}
		else {
			valueSpec(isConst, specs, new Expr[] { null }, new int[] { 0 });
		}
		return specs;
	}

	private void valueSpec(boolean isConst, List<ValueSpec> out, Expr[] previous, int[] previousCount) {
		List<GoToken> names = new ArrayList<>();
		names.add(expect(Kind.IDENT, "a name"));
		while (peek().isOp(",")) {
			pos++;
			names.add(expect(Kind.IDENT, "a name"));
		}
		TypeRef type = null;
		if (!peek().isOp("=") && peek().kind() != Kind.SEMI && !peek().isOp(")")) {
			type = parseType();
		}
		List<Expr> values = new ArrayList<>();
		if (peek().isOp("=")) {
			pos++;
			values = exprList();
		}
		else if (isConst && previous[0] != null) {
			// An omitted const value repeats the previous one (iota blocks).
			values = List.of(previous[0]);
		}
		if (!peek().isOp(")")) {
			endOfStatement();
		}
		if (!values.isEmpty()) {
			previous[0] = values.get(0);
			previousCount[0] = values.size();
		}
		for (int i = 0; i < names.size(); i++) {
			GoToken name = names.get(i);
			Expr value;
			int index = 0;
			int count = 1;
			if (values.size() == names.size()) {
				value = values.get(i);
			}
			else if (values.size() == 1) {
				value = values.get(0);
				index = i;
				count = names.size();
			}
			else if (values.isEmpty()) {
				value = null;
			}
			else {
				throw error(name, "declaration of " + names.size() + " names with " + values.size() + " values");
			}
			out.add(new ValueSpec(name.text(), isConst, value, index, count, name.line(), type));
		}
	}

	private List<StructType> typeDecl() {
		pos++;
		List<StructType> out = new ArrayList<>();
		if (peek().isOp("(")) {
			pos++;
			while (!peek().isOp(")")) {
				if (peek().kind() == Kind.SEMI) {
					pos++;
					continue;
				}
				if (peek().kind() == Kind.EOF) {
					throw error(peek(), "type group not closed");
				}
				typeSpec(out);
			}
			pos++;
			endOfStatement();
		}
		else {
			typeSpec(out);
		}
		return out;
	}

	private void typeSpec(List<StructType> out) {
		GoToken name = expect(Kind.IDENT, "a type name");
		if (peek().isOp("[") && !tokens.get(pos + 1).isOp("]")) {
			skipBalanced(); // type parameters
		}
		if (peek().isOp("=")) {
			pos++;
		}
		if (peek().isKeyword("struct")) {
			pos++;
			out.add(new StructType(name.text(), structFields(), name.line()));
		}
		else {
			parseType();
		}
		if (!peek().isOp(")")) {
			endOfStatement();
		}
	}

	private List<Field> structFields() {
		expectOp("{");
		List<Field> fields = new ArrayList<>();
		while (!peek().isOp("}")) {
			if (peek().kind() == Kind.SEMI) {
				pos++;
				continue;
			}
			if (peek().kind() == Kind.EOF) {
				throw error(peek(), "struct not closed");
			}
			List<GoToken> names = new ArrayList<>();
			int line = peek().line();
			String type;
			if (peek().kind() == Kind.IDENT && (tokens.get(pos + 1).isOp(",") || startsType(tokens.get(pos + 1)))) {
				names.add(next());
				while (peek().isOp(",")) {
					pos++;
					names.add(expect(Kind.IDENT, "a field name"));
				}
				type = parseType().text();
			}
			else {
				type = parseType().text(); // embedded field
				names.add(new GoToken(Kind.IDENT, type.substring(type.lastIndexOf('.') + 1), line));
			}
			String tag = peek().kind() == Kind.STRING ? next().text() : "";
			for (GoToken n : names) {
				fields.add(new Field(n.text(), type, yamlKey(n.text(), tag), n.line()));
			}
			if (!peek().isOp("}")) {
				endOfStatement();
			}
		}
		pos++;
		return fields;
	}

	/**
	 * The key yaml.v2 uses for a field: the tag's name, else the field name in lower
	 * case.
	 */
	private static String yamlKey(String field, String tag) {
		Matcher m = YAML_TAG.matcher(tag);
		if (m.find()) {
			String name = m.group(1).split(",", -1)[0];
			if (name.equals("-")) {
				return null;
			}
			if (!name.isEmpty()) {
				return name;
			}
		}
		return field.toLowerCase(java.util.Locale.ROOT);
	}

	private static boolean startsType(GoToken t) {
		return t.kind() == Kind.IDENT || t.isOp("*") || t.isOp("[") || t.isOp("(") || t.isOp("<-") || t.isKeyword("map")
				|| t.isKeyword("chan") || t.isKeyword("func") || t.isKeyword("struct") || t.isKeyword("interface");
	}

	private FuncDecl funcDecl() {
		GoToken func = next();
		boolean method = false;
		if (peek().isOp("(")) {
			method = true;
			skipBalanced();
		}
		GoToken name = expect(Kind.IDENT, "a function name");
		if (peek().isOp("[")) {
			skipBalanced(); // type parameters
		}
		List<Param> params = params();
		List<String> results = new ArrayList<>();
		if (peek().isOp("(")) {
			for (Param p : params()) {
				results.add(p.type());
			}
		}
		else if (!peek().isOp("{") && peek().kind() != Kind.SEMI) {
			results.add(parseType().text());
		}
		int bodyStart = -1;
		int bodyEnd = -1;
		if (peek().isOp("{")) {
			bodyStart = pos;
			skipBalanced();
			bodyEnd = pos - 1;
		}
		endOfStatement();
		return new FuncDecl(name.text(), method, List.copyOf(params), List.copyOf(results), bodyStart, bodyEnd,
				func.line());
	}

	/**
	 * Parameters in Go's grouped form: {@code (a, b string, c int)} or unnamed
	 * {@code (string, error)}.
	 */
	private List<Param> params() {
		expectOp("(");
		List<List<GoToken>> parts = new ArrayList<>();
		List<String> typeTexts = new ArrayList<>();
		while (!peek().isOp(")")) {
			if (peek().kind() == Kind.EOF) {
				throw error(peek(), "parameter list not closed");
			}
			List<GoToken> names = new ArrayList<>();
			String type;
			if (peek().kind() == Kind.IDENT && !tokens.get(pos + 1).isOp(",") && !tokens.get(pos + 1).isOp(")")
					&& !tokens.get(pos + 1).isOp(".") && startsTypeOrEllipsis(tokens.get(pos + 1))) {
				names.add(next());
				if (peek().isOp("...")) {
					pos++;
				}
				type = parseType().text();
			}
			else {
				if (peek().isOp("...")) {
					pos++;
				}
				type = parseType().text();
			}
			parts.add(names);
			typeTexts.add(type);
			if (peek().isOp(",")) {
				pos++;
			}
			else if (!peek().isOp(")")) {
				throw error(peek(), "unexpected " + describe(peek()) + " in parameter list");
			}
		}
		pos++;
		// In "a, b string" the bare "a" is a name whose type comes from the next named
		// part.
		boolean anyNamed = parts.stream().anyMatch(p -> !p.isEmpty());
		List<Param> out = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			if (!anyNamed) {
				out.add(new Param("", typeTexts.get(i)));
			}
			else if (!parts.get(i).isEmpty()) {
				out.add(new Param(parts.get(i).get(0).text(), typeTexts.get(i)));
			}
			else {
				String type = "";
				for (int j = i + 1; j < parts.size(); j++) {
					if (!parts.get(j).isEmpty()) {
						type = typeTexts.get(j);
						break;
					}
				}
				out.add(new Param(typeTexts.get(i), type));
			}
		}
		return out;
	}

	private static boolean startsTypeOrEllipsis(GoToken t) {
		return startsType(t) || t.isOp("...");
	}

	// ---------------------------------------------------------------- types

	TypeRef parseType() {
		enter();
		try {
			GoToken t = peek();
			if (t.kind() == Kind.IDENT) {
				pos++;
				String name = t.text();
				String text = name;
				if (peek().isOp(".") && tokens.get(pos + 1).kind() == Kind.IDENT) {
					pos++;
					name = next().text();
					text = t.text() + "." + name;
				}
				if (peek().isOp("[") && !tokens.get(pos + 1).isOp("]")) {
					int from = pos;
					skipBalanced();
					text += textOf(from, pos);
				}
				return new TypeRef(text, name, null);
			}
			if (t.isOp("*")) {
				pos++;
				TypeRef inner = parseType();
				return new TypeRef("*" + inner.text(), inner.name(), inner.elem());
			}
			if (t.isOp("(")) {
				pos++;
				TypeRef inner = parseType();
				expectOp(")");
				return inner;
			}
			if (t.isOp("[")) {
				pos++;
				String len = "";
				if (!peek().isOp("]")) {
					int from = pos;
					while (!peek().isOp("]") && peek().kind() != Kind.EOF) {
						skipOne();
					}
					len = textOf(from, pos);
				}
				expectOp("]");
				TypeRef elem = parseType();
				return new TypeRef("[" + len + "]" + elem.text(), null, elem);
			}
			if (t.isKeyword("map")) {
				pos++;
				expectOp("[");
				TypeRef key = parseType();
				expectOp("]");
				TypeRef value = parseType();
				return new TypeRef("map[" + key.text() + "]" + value.text(), null, value);
			}
			if (t.isKeyword("chan") || t.isOp("<-")) {
				pos++;
				if (peek().isKeyword("chan") || peek().isOp("<-")) {
					pos++;
				}
				TypeRef elem = parseType();
				return new TypeRef("chan " + elem.text(), null, elem);
			}
			if (t.isKeyword("func")) {
				int from = pos;
				pos++;
				params();
				if (peek().isOp("(")) {
					params();
				}
				else if (startsType(peek()) && !peek().isOp("(")) {
					parseType();
				}
				return new TypeRef(textOf(from, pos), null, null);
			}
			if (t.isKeyword("struct") || t.isKeyword("interface")) {
				int from = pos;
				pos++;
				if (!peek().isOp("{")) {
					throw error(peek(), "expected { after " + t.text());
				}
				skipBalanced();
				return new TypeRef(textOf(from, pos), null, null);
			}
			throw error(t, "expected a type, found " + describe(t));
		}
		finally {
			depth--;
		}
	}

	// ---------------------------------------------------------------- expressions

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
		catch (ParseError e) {
			problems.add(new Problem(e.line, e.getMessage()));
			return new Opaque("unparsable expression", e.line);
		}
	}

	// ---------------------------------------------------------------- statements

	/**
	 * Parses the body of a function found by {@link #parseFile()}; problems are recorded,
	 * not thrown.
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
		catch (ParseError e) {
			problems.add(new Problem(e.line, e.getMessage()));
			return new Block(List.of(), f.line());
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
				int start = pos;
				try {
					stmts.add(statement());
					if (!peek().isOp("}")) {
						endOfStatement();
					}
				}
				catch (ParseError e) {
					problems.add(new Problem(e.line, e.getMessage()));
					pos = Math.max(pos, start + 1);
					skipStatement();
				}
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
				int start = pos;
				try {
					stmts.add(statement());
					if (!peek().isOp("}")) {
						endOfStatement();
					}
				}
				catch (ParseError e) {
					problems.add(new Problem(e.line, e.getMessage()));
					pos = Math.max(pos, start + 1);
					skipStatement();
				}
			}
		}
		pos++;
		return new Block(List.copyOf(stmts), t.line());
	}

	// ---------------------------------------------------------------- token helpers

	private GoToken peek() {
		return tokens.get(Math.min(pos, tokens.size() - 1));
	}

	private GoToken next() {
		GoToken t = peek();
		if (pos < tokens.size() - 1) {
			pos++;
		}
		return t;
	}

	private GoToken expect(Kind kind, String what) {
		GoToken t = peek();
		if (t.kind() != kind) {
			throw error(t, "expected " + what + ", found " + describe(t));
		}
		return next();
	}

	private GoToken expectOp(String op) {
		GoToken t = peek();
		if (!t.isOp(op)) {
			throw error(t, "expected '" + op + "', found " + describe(t));
		}
		return next();
	}

	private void endOfStatement() {
		GoToken t = peek();
		if (t.kind() == Kind.SEMI) {
			pos++;
		}
		else if (t.kind() != Kind.EOF && !t.isOp(")") && !t.isOp("}")) {
			throw error(t, "unexpected " + describe(t) + " at end of statement");
		}
	}

	/** Skips one token, or a whole bracketed group when it opens one. */
	private void skipOne() {
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

	private void skipBalanced() {
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
	private void skipStatement() {
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

	private String textOf(int from, int to) {
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

	private void enter() {
		if (++depth > MAX_DEPTH) {
			depth--;
			throw error(peek(), "nesting too deep");
		}
	}

	private static String describe(GoToken t) {
		return switch (t.kind()) {
			case EOF -> "end of file";
			case SEMI -> t.text().equals("\n") ? "newline" : "';'";
			case STRING -> "string literal";
			default -> "'" + t.text() + "'";
		};
	}

	private static ParseError error(GoToken at, String message) {
		return new ParseError(at.line(), message);
	}

}
