package dev.rebaser.manifest;

import dev.rebaser.manifest.GoAst.FuncDecl;
import dev.rebaser.manifest.GoToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Finds the functions that fill the image map: those storing a Config literal into a map,
 * minus the helpers another of them calls. Scans tokens, so it sees bodies that are never
 * parsed.
 */
final class ImageFunctions {

	private final List<GoToken> tokens;

	private final Map<String, FuncDecl> funcs;

	private final LongConsumer scanned;

	private int[] closers;

	/** {@code scanned} is told how many tokens each look through the file reads. */
	ImageFunctions(List<GoToken> tokens, Map<String, FuncDecl> funcs, LongConsumer scanned) {
		this.tokens = tokens;
		this.funcs = funcs;
		this.scanned = scanned;
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
		Set<String> names = new HashSet<>();
		candidates.forEach(c -> names.add(c.name()));
		Set<String> called = new HashSet<>();
		for (FuncDecl caller : candidates) {
			scanned.accept(caller.bodyEnd() - caller.bodyStart());
			for (int i = caller.bodyStart() + 1; i + 1 < caller.bodyEnd(); i++) {
				GoToken t = tokens.get(i);
				if (t.kind() == Kind.IDENT && names.contains(t.text()) && !t.text().equals(caller.name())
						&& tokens.get(i + 1).isOp("(") && !tokens.get(i - 1).isOp(".")) {
					called.add(t.text());
				}
			}
		}
		return candidates.stream().filter(c -> !called.contains(c.name())).toList();
	}

	private boolean storesConfigLiteral(FuncDecl f) {
		scanned.accept(f.bodyEnd() - f.bodyStart());
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

	/** The index of the ']' that closes the '[' at {@code open}, or -1. */
	private int closingBracket(int open) {
		if (open >= tokens.size() || !tokens.get(open).isOp("[")) {
			return -1;
		}
		if (closers == null) {
			scanned.accept(tokens.size());
			closers = matchBrackets(tokens);
		}
		return closers[open];
	}

	/** One pass over the file, so that a thousand unclosed '[' cost no more than one. */
	private static int[] matchBrackets(List<GoToken> tokens) {
		int[] closers = new int[tokens.size()];
		Arrays.fill(closers, -1);
		Deque<Integer> open = new ArrayDeque<>();
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isOp("[")) {
				open.push(i);
			}
			else if (tokens.get(i).isOp("]") && !open.isEmpty()) {
				closers[open.pop()] = i;
			}
		}
		return closers;
	}

}
