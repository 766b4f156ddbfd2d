package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.Param;
import dev.rebaser.manifest.GoAst.TypeRef;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Go types as written in declarations and composite literals, and the parameter lists of
 * function types and declarations.
 */
abstract class GoTypeParser extends GoTokenCursor {

	GoTypeParser(List<GoToken> tokens) {
		super(tokens);
	}

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

	/**
	 * Parameters in Go's grouped form: {@code (a, b string, c int)} or unnamed
	 * {@code (string, error)}.
	 */
	List<Param> params() {
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
		// part: read from the end, so that is known when a bare name is met.
		boolean anyNamed = parts.stream().anyMatch(p -> !p.isEmpty());
		Param[] out = new Param[parts.size()];
		String nextType = "";
		for (int i = parts.size() - 1; i >= 0; i--) {
			if (!anyNamed) {
				out[i] = new Param("", typeTexts.get(i));
			}
			else if (!parts.get(i).isEmpty()) {
				out[i] = new Param(parts.get(i).get(0).text(), typeTexts.get(i));
				nextType = typeTexts.get(i);
			}
			else {
				out[i] = new Param(typeTexts.get(i), nextType);
			}
		}
		return List.of(out);
	}

	private static boolean startsTypeOrEllipsis(GoToken t) {
		return startsType(t) || t.isOp("...");
	}

	static boolean startsType(GoToken t) {
		return t.kind() == Kind.IDENT || t.isOp("*") || t.isOp("[") || t.isOp("(") || t.isOp("<-") || t.isKeyword("map")
				|| t.isKeyword("chan") || t.isKeyword("func") || t.isKeyword("struct") || t.isKeyword("interface");
	}

}
