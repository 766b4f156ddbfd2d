package dev.rebaser.gobuild;

import dev.rebaser.budget.CpuBudget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one Makefile and make's expansion of plain references to them:
 * {@code $(NAME)}, {@code ${NAME}}, {@code $N} and {@code $$}. Anything that needs make
 * to run something, a function call, a substitution reference or a computed name, is a
 * {@link MakeError} naming it, as is a reference to a variable the file does not define.
 * One expansion expands each variable at most once, and all expansions of a file share a
 * limit on their work, so a file of nested references cannot blow up.
 */
final class MakeVariables {

	static final int MAX_DEPTH = 64;

	static final long MAX_WORK = 4L * 1024 * 1024;

	/**
	 * A value as assigned: expanded already when {@code simple} ({@code :=}), raw
	 * otherwise; {@code unknown} says why the reader cannot know it. {@code +=} appends
	 * in place, so a long list of them costs no more than one long line.
	 */
	private static final class Variable {

		private final LinedText.Builder value = new LinedText.Builder();

		private LinedText built;

		private final boolean simple;

		private int line;

		private String unknown;

		Variable(LinedText value, boolean simple, int line, String unknown) {
			this.value.append(value);
			this.simple = simple;
			this.line = line;
			this.unknown = unknown;
		}

		LinedText value() {
			if (built == null) {
				built = value.build();
			}
			return built;
		}

		boolean simple() {
			return simple;
		}

		int line() {
			return line;
		}

		String unknown() {
			return unknown;
		}

		void append(Variable added, int line) {
			value.append(' ', line).append(added.value());
			built = null;
			if (added.unknown != null) {
				this.unknown = added.unknown;
				this.line = line;
			}
		}

	}

	private final Map<String, Variable> variables = new HashMap<>();

	private long work;

	boolean defined(String name) {
		return variables.containsKey(name);
	}

	/** Applies {@code name op value}, op being one of =, :=, ?=, += and !=. */
	void assign(String name, String op, LinedText value, int line) {
		Variable old = variables.get(name);
		switch (op) {
			case "=" -> variables.put(name, new Variable(value, false, line, null));
			case "?=" -> variables.putIfAbsent(name, new Variable(value, false, line, null));
			case ":=" -> variables.put(name, simple(name, value, line));
			case "!=" -> variables.put(name, new Variable(value, true, line,
					name + " is set by a shell command (!=), which the reader does not run"));
			case "+=" -> {
				if (old == null) {
					variables.put(name, new Variable(value, false, line, null));
				}
				else if (old.unknown() == null) {
					old.append(old.simple() ? simple(name, value, line) : new Variable(value, false, line, null), line);
				}
			}
			default -> throw new IllegalArgumentException("unknown assignment operator " + op);
		}
	}

	private Variable simple(String name, LinedText value, int line) {
		try {
			return new Variable(expand(value, name), true, line, null);
		}
		catch (MakeError e) {
			return new Variable(value, true, line, e.getMessage());
		}
	}

	/**
	 * The value of a variable the file defines, expanded; each character keeps the line
	 * it was written on, or, when a reference produced it, the line of the reference.
	 */
	LinedText value(String name) {
		Variable variable = variables.get(name);
		if (variable.unknown() != null) {
			throw new MakeError(variable.unknown(), variable.line());
		}
		return variable.simple() ? variable.value() : expand(variable.value(), name);
	}

	private LinedText expand(LinedText raw, String what) {
		LinedText.Builder out = new LinedText.Builder();
		new Expansion(what).into(raw, out, 0, 0);
		return out.build();
	}

	private void spend(int steps, int line) {
		CpuBudget.check();
		work += steps;
		if (work > MAX_WORK) {
			throw new MakeError("expanding the Makefile's variables takes more than " + MAX_WORK
					+ " steps; no image Makefile needs that many", line);
		}
	}

	/** One expansion of one value; {@code what} is the variable it is for. */
	private final class Expansion {

		private final String what;

		private final Map<String, String> done = new HashMap<>();

		private final Set<String> active = new HashSet<>();

		Expansion(String what) {
			this.what = what;
		}

		/**
		 * Appends {@code raw} expanded; {@code fixedLine}, when not 0, is the line every
		 * character produced is given (that of the outermost reference).
		 */
		void into(LinedText raw, LinedText.Builder out, int fixedLine, int depth) {
			String text = raw.text();
			for (int i = 0; i < text.length(); i++) {
				int line = fixedLine != 0 ? fixedLine : raw.lineAt(i);
				spend(1, line);
				char c = text.charAt(i);
				if (c != '$') {
					out.append(c, line);
					continue;
				}
				if (i + 1 == text.length()) {
					throw new MakeError(what + " ends with a lone '$'", line);
				}
				char next = text.charAt(i + 1);
				String name;
				if (next == '$') {
					out.append('$', line);
					i++;
					continue;
				}
				if (next == '(' || next == '{') {
					int close = closing(text, i + 1);
					if (close < 0) {
						throw new MakeError(what + " has an unterminated variable reference", line);
					}
					name = referenceName(text.substring(i + 2, close), line);
					i = close;
				}
				else {
					name = String.valueOf(next);
					i++;
				}
				String value = valueOf(name, line, depth + 1);
				spend(value.length(), line);
				out.append(value, line);
			}
		}

		private String valueOf(String name, int line, int depth) {
			String known = done.get(name);
			if (known != null) {
				return known;
			}
			Variable variable = variables.get(name);
			if (variable == null) {
				throw new MakeError(what + " refers to " + name + ", which the Makefile does not define", line);
			}
			if (variable.unknown() != null) {
				throw new MakeError(
						what + " refers to " + name + ", whose value the reader cannot know: " + variable.unknown(),
						line);
			}
			if (variable.simple()) {
				done.put(name, variable.value().text());
				return variable.value().text();
			}
			if (!active.add(name)) {
				throw new MakeError("the variable " + name + " refers to itself", line);
			}
			if (depth > MAX_DEPTH) {
				throw new MakeError(what + " nests variable references more than " + MAX_DEPTH + " deep", line);
			}
			LinedText.Builder out = new LinedText.Builder();
			into(variable.value(), out, line, depth);
			active.remove(name);
			String value = out.build().text();
			done.put(name, value);
			return value;
		}

		private String referenceName(String content, int line) {
			String shown = "$(" + ImageMakefile.shorten(content) + ")";
			int space = firstWhitespace(content);
			if (space > 0 && content.indexOf('$') != 0) {
				String function = content.substring(0, space);
				if (function.equals("shell")) {
					throw new MakeError(what + " is computed by " + shown + ", which the reader does not run", line);
				}
				throw new MakeError(
						what + " calls the make function " + function + ", which the reader does not evaluate", line);
			}
			if (content.indexOf('$') >= 0) {
				throw new MakeError(what + " uses the computed variable name " + shown, line);
			}
			if (content.indexOf(':') >= 0) {
				throw new MakeError(what + " uses the substitution reference " + shown, line);
			}
			if (!ImageMakefile.isPlainName(content)) {
				throw new MakeError(what + " refers to " + shown + ", which is not a plain variable name", line);
			}
			return content;
		}

	}

	/** The index of the bracket closing the one at {@code open}, or -1. */
	private static int closing(String text, int open) {
		char opening = text.charAt(open);
		char closing = opening == '(' ? ')' : '}';
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == opening) {
				depth++;
			}
			else if (c == closing && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static int firstWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

}
