package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The name/value pairs of ENV, LABEL and ARG as Docker reads them. Values stay as written
 * (quotes and variables included); they are expanded when a scope is computed.
 */
final class Assignments {

	/** One assignment; value is null for {@code ARG NAME} without a default. */
	record Pair(String name, String value) {
	}

	private Assignments() {
	}

	/** ENV and LABEL: {@code KEY value with spaces} or {@code K1=v1 K2="v 2"}. */
	static List<Pair> keyValues(Instruction instruction) {
		String args = instruction.arguments();
		char escape = instruction.source().escape;
		List<String> words = Words.split(args, escape);
		List<Pair> pairs = new ArrayList<>(words.size());
		if (words.isEmpty()) {
			return pairs;
		}
		if (words.get(0).indexOf('=') < 0) {
			// the old form: the first field is the name, the rest of the line the value
			int i = 0;
			while (i < args.length() && !Whitespace.isSeparator(args.charAt(i))) {
				i++;
			}
			int valueStart = i;
			while (valueStart < args.length() && Whitespace.isSeparator(args.charAt(valueStart))) {
				valueStart++;
			}
			if (valueStart >= args.length()) {
				throw fail(instruction, instruction.keyword() + " must have two arguments");
			}
			pairs.add(new Pair(args.substring(0, i), args.substring(valueStart)));
			return pairs;
		}
		for (String word : words) {
			int eq = word.indexOf('=');
			if (eq < 0) {
				throw fail(instruction,
						"Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
			}
			if (eq == 0) {
				throw fail(instruction, instruction.keyword() + " names can not be blank");
			}
			pairs.add(new Pair(word.substring(0, eq), word.substring(eq + 1)));
		}
		return pairs;
	}

	/** ARG: one or more {@code NAME} or {@code NAME=default}. */
	static List<Pair> args(Instruction instruction) {
		List<String> words = Words.split(instruction.arguments(), instruction.source().escape);
		List<Pair> pairs = new ArrayList<>(words.size());
		for (String word : words) {
			int eq = word.indexOf('=');
			if (eq == 0) {
				throw fail(instruction, "ARG names can not be blank");
			}
			pairs.add(eq < 0 ? new Pair(word, null) : new Pair(word.substring(0, eq), word.substring(eq + 1)));
		}
		return pairs;
	}

	private static DockerfileSyntaxException fail(Instruction instruction, String detail) {
		return instruction.source().error(instruction.keywordOffset(), detail);
	}

}
