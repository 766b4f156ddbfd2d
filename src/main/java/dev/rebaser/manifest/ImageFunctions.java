package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the functions that fill the image map: those storing a Config literal into a map,
 * minus the helpers another of them calls. Scans tokens, so it sees bodies that are never
 * parsed.
 */
final class ImageFunctions {

	private final List<GoToken> tokens;

	private final Map<String, FuncDecl> funcs;

	ImageFunctions(List<GoToken> tokens, Map<String, FuncDecl> funcs) {
		this.tokens = tokens;
		this.funcs = funcs;
	}

	/**
	 * Functions that store a Config literal into a map, minus those only reached as
	 * helpers of another.
	 */
	List<FuncDecl> roots() {
		List<FuncDecl> candidates = new ArrayList<>();
		for (FuncDecl f : funcs.values()) {
			if (f.bodyStart() >= 0 && storesConfigLiteral(f)) {
				candidates.add(f);
			}
		}
		List<FuncDecl> roots = new ArrayList<>();
		for (FuncDecl c : candidates) {
			boolean called = false;
			for (FuncDecl other : candidates) {
				if (other != c && calls(other, c.name())) {
					called = true;
					break;
				}
			}
			if (!called) {
				roots.add(c);
			}
		}
		return roots;
	}

	private boolean storesConfigLiteral(FuncDecl f) {
		for (int i = f.bodyStart() + 1; i < f.bodyEnd(); i++) {
			GoToken t = tokens.get(i);
			if ((t.isOp("=") || t.isOp(":=")) && tokens.get(i - 1).isOp("]") && configLiteralAt(i + 1)) {
				return true;
			}
			if (t.isKeyword("map")) {
				int j = closingBracket(i + 1);
				if (j > 0 && configLiteralAt(j + 1)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean configLiteralAt(int i) {
		if (i < tokens.size() && tokens.get(i).isOp("&")) {
			i++;
		}
		if (i + 2 < tokens.size() && tokens.get(i).kind() == Kind.IDENT && tokens.get(i + 1).isOp(".")) {
			i += 2;
		}
		return i + 1 < tokens.size() && tokens.get(i).kind() == Kind.IDENT
				&& ManifestDeclarations.CONFIG_TYPES.contains(tokens.get(i).text()) && tokens.get(i + 1).isOp("{");
	}

	private int closingBracket(int open) {
		if (open >= tokens.size() || !tokens.get(open).isOp("[")) {
			return -1;
		}
		int level = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).isOp("[")) {
				level++;
			}
			else if (tokens.get(i).isOp("]") && --level == 0) {
				return i;
			}
		}
		return -1;
	}

	private boolean calls(FuncDecl caller, String name) {
		for (int i = caller.bodyStart() + 1; i + 1 < caller.bodyEnd(); i++) {
			if (tokens.get(i).is(Kind.IDENT, name) && tokens.get(i + 1).isOp("(") && !tokens.get(i - 1).isOp(".")) {
				return true;
			}
		}
		return false;
	}

}
