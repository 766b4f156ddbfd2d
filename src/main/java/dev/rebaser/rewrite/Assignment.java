package dev.rebaser.rewrite;

import dev.rebaser.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NAME=value} pair of an ARG or ENV instruction, with the value's span in the
 * Dockerfile's text (quotes included) and its text with quotes removed.
 */
record Assignment(String name, String value, int valueStart, int valueEnd) {

	static List<Assignment> of(Instruction instruction) {
		String args = instruction.arguments();
		List<Assignment> out = new ArrayList<>();
		int i = 0;
		while (i < args.length()) {
			while (i < args.length() && Character.isWhitespace(args.charAt(i))) {
				i++;
			}
			int start = i;
			int eq = -1;
			char quote = 0;
			while (i < args.length() && (quote != 0 || !Character.isWhitespace(args.charAt(i)))) {
				char c = args.charAt(i);
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
				}
				else if (c == '"' || c == '\'') {
					quote = c;
				}
				else if (c == '=' && eq < 0) {
					eq = i;
				}
				else if (c == '\\') {
					i++;
				}
				i++;
			}
			if (eq > start && i > eq + 1) {
				String raw = args.substring(eq + 1, i);
				String value = raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
						&& raw.charAt(raw.length() - 1) == raw.charAt(0) ? raw.substring(1, raw.length() - 1) : raw;
				int valueStart = instruction.toSource(eq + 1);
				int valueEnd = instruction.toSource(i - 1) + 1;
				out.add(new Assignment(args.substring(start, eq), value, valueStart, valueEnd));
			}
		}
		return out;
	}
}
