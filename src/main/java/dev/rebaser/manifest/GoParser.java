package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Expr;
import dev.rebaser.manifest.GoAst.Field;
import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoAst.Param;
import dev.rebaser.manifest.GoAst.StructType;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoAst.ValueSpec;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the declarations of a Go file. Function bodies are kept
 * as token ranges and parsed on demand, because only the few functions that build image
 * configs matter. Every syntax error becomes a problem with a line number; parsing
 * resumes at the next declaration.
 *
 * <p>
 * This class reads the declarations; each layer beneath it has one part of the grammar:
 * {@link GoStmtParser} statements, {@link GoExprParser} expressions, {@link GoTypeParser}
 * types and parameter lists, {@link GoTokenCursor} the token stream and its recovery
 * helpers, {@link GoParseError} the syntax errors.
 */
final class GoParser extends GoStmtParser {

	record File(List<ValueSpec> values, List<FuncDecl> funcs, List<StructType> structs) {
	}

	private static final Set<String> TOP_KEYWORDS = Set.of("func", "var", "const", "type", "import");

	private static final Pattern YAML_TAG = Pattern.compile("(?:^|\\s)yaml:\"((?:[^\"\\\\]|\\\\.)*)\"");

	GoParser(List<GoToken> tokens) {
		super(tokens);
	}

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
			catch (GoParseError e) {
				report(e);
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

}
