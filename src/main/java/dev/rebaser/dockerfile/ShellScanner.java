package dev.rebaser.dockerfile;

import java.util.List;

/**
 * The state every layer of the shell lexer shares: the source, the position in it, what
 * the word being read has shown so far (its literal text, whether it expands, whether it
 * is broken), the problems found, and the nesting guard.
 */
abstract class ShellScanner {

	/**
	 * Quotes and substitutions nest by recursion; past this depth the rest is given up
	 * on.
	 */
	private static final int MAX_NESTING = 400;

	final String s;

	final int n;

	final List<String> problems;

	/** The literal text of the word being read. */
	final StringBuilder literal = new StringBuilder();

	private int nesting;

	int pos;

	/** The word being read has an expansion: it has no literal value. */
	boolean expansion;

	/** The word being read is not well formed: it has no literal value. */
	boolean broken;

	ShellScanner(String source, List<String> problems) {
		this.s = source;
		this.n = source.length();
		this.problems = problems;
	}

	/** Characters read so far, by {@link #charAt(int)} and the searches of the lexer. */
	long reads;

	/** Every read of the source goes through here, so the lexer's work can be counted. */
	final char charAt(int i) {
		reads++;
		return s.charAt(i);
	}

	/** {@code s.indexOf(c, from)}, counting the characters it looks through. */
	final int indexOf(char c, int from) {
		int found = s.indexOf(c, from);
		reads += (found < 0 ? n : found + 1) - Math.max(0, from);
		return found;
	}

	char at(int ahead) {
		int i = pos + ahead;
		return i < n ? charAt(i) : '\0';
	}

	/**
	 * Length of a backslash-newline (or backslash-CR-LF) line continuation at i, else 0.
	 */
	int continuationLength(int i) {
		if (i + 1 < n && charAt(i + 1) == '\n') {
			return 2;
		}
		if (i + 2 < n && charAt(i + 1) == '\r' && charAt(i + 2) == '\n') {
			return 3;
		}
		return 0;
	}

	/** Runs body one level deeper, or reports the input as too deeply nested. */
	void nested(int from, java.util.function.IntConsumer body) {
		if (nesting >= MAX_NESTING) {
			tooDeep(from);
			return;
		}
		nesting++;
		try {
			body.accept(from);
		}
		finally {
			nesting--;
		}
	}

	private void tooDeep(int offset) {
		problems.add("quotes and substitutions nested too deep at offset " + offset);
		broken = true;
		pos = n;
	}

}
