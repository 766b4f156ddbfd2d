package dev.rebaser.dockerfile;

import java.util.function.Function;

/**
 * Docker's word expansion for FROM, ENV, ARG, COPY and the like: variables, the
 * {@code ${…}} modifiers Docker supports, and removal of single and double quotes. It
 * follows BuildKit's shell lexer so a resolved base image name is the one Docker would
 * build from. Unlike a shell it never runs anything: {@code $(…)} and backquotes stay as
 * text.
 */
public final class VariableExpander {

	private static final int EOF = -1;

	/** ${v:-${w:-…}} nests by recursion; deeper than this is no real Dockerfile. */
	private static final int MAX_NESTING = 400;

	private final String text;

	private final Function<String, String> lookup;

	private final char escape;

	private int pos;

	private int nesting;

	private final ExpansionBudget budget;

	private VariableExpander(String text, Function<String, String> lookup, char escape, ExpansionBudget budget) {
		this.text = text;
		this.lookup = lookup;
		this.escape = escape;
		this.budget = budget;
	}

	/**
	 * @param lookup returns a variable's value, or null when it is unset (a null lookup:
	 * all unset)
	 * @param escape the Dockerfile's escape character, '\\' or '`'
	 * @throws ExpansionException for bad substitution syntax and {@code ${v?msg}} on an
	 * unset v
	 */
	public static String expand(String text, Function<String, String> lookup, char escape) {
		return expand(text, lookup, escape, new ExpansionBudget(ExpansionBudget.DEFAULT_STEPS));
	}

	/** As above, spending from a budget that all expansions of one Dockerfile share. */
	static String expand(String text, Function<String, String> lookup, char escape, ExpansionBudget budget) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		Function<String, String> values = lookup == null ? name -> null : lookup;
		VariableExpander expander = new VariableExpander(text, values, escape, budget);
		try {
			return expander.until(EOF, false);
		}
		catch (ExpansionBudget.Exceeded e) {
			throw new ExpansionException(expander.pos, e.getMessage());
		}
	}

	private int peek() {
		return pos < text.length() ? text.charAt(pos) : EOF;
	}

	private int take() {
		return pos < text.length() ? text.charAt(pos++) : EOF;
	}

	/**
	 * Expands up to (and consuming) {@code stop}, or to the end when stop is EOF. With
	 * {@code rawEscapes} escape characters are kept, because a pattern still needs them.
	 */
	private String until(int stop, boolean rawEscapes) {
		StringBuilder out = new StringBuilder();
		while (peek() != EOF) {
			int c = peek();
			if (stop != EOF && c == stop) {
				pos++;
				return out.toString();
			}
			if (c == '$') {
				int at = pos;
				String expanded = dollar();
				budget.spend(expanded.length());
				out.append(expanded);
			}
			else if (c == '\'') {
				out.append(singleQuoted());
			}
			else if (c == '"') {
				out.append(doubleQuoted(rawEscapes));
			}
			else {
				pos++;
				if (c == escape) {
					if (rawEscapes) {
						out.append((char) c);
					}
					c = take();
					if (c == EOF) {
						break; // a trailing escape escapes nothing and disappears
					}
				}
				out.append((char) c);
			}
		}
		if (stop != EOF) {
			throw new ExpansionException(pos, "unexpected end of text while looking for matching " + (char) stop);
		}
		return out.toString();
	}

	private String singleQuoted() {
		int open = pos++;
		int close = text.indexOf('\'', pos);
		if (close < 0) {
			throw new ExpansionException(open, "unterminated single quote");
		}
		pos = close + 1;
		return text.substring(open + 1, close);
	}

	private String doubleQuoted(boolean rawEscapes) {
		int open = pos++;
		StringBuilder out = new StringBuilder();
		while (true) {
			int c = peek();
			if (c == EOF) {
				throw new ExpansionException(open, "unterminated double quote");
			}
			if (c == '"') {
				pos++;
				return out.toString();
			}
			if (c == '$') {
				out.append(dollar());
				continue;
			}
			pos++;
			if (c == escape) {
				if (rawEscapes) {
					out.append((char) c);
				}
				int d = peek();
				if (d == EOF) {
					continue;
				}
				if (d == '"' || d == '$' || d == escape) {
					c = take();
				}
			}
			out.append((char) c);
		}
	}

	/** pos is at '$'. */
	private String dollar() {
		if (nesting >= MAX_NESTING) {
			throw new ExpansionException(pos, "substitutions nested too deep");
		}
		nesting++;
		try {
			return substitution();
		}
		finally {
			nesting--;
		}
	}

	private String substitution() {
		int start = pos++;
		if (peek() != '{') {
			String name = name();
			return name.isEmpty() ? "$" : valueOf(name);
		}
		pos++;
		int first = peek();
		if (first == EOF) {
			throw new ExpansionException(start, "syntax error: missing '}'");
		}
		if (first == '{' || first == '}' || first == ':') {
			throw new ExpansionException(start, "syntax error: bad substitution");
		}
		String name = name();
		int op = take();
		if (op == EOF) {
			throw new ExpansionException(start, "syntax error: missing '}'");
		}
		if (op == '}') {
			return valueOf(name);
		}
		if (op == '/') {
			return replace(start, name);
		}
		boolean nullIsUnset = false;
		String modifier = String.valueOf((char) op);
		if (op == ':') {
			nullIsUnset = true;
			op = take();
			if (op == EOF) {
				throw new ExpansionException(start, "syntax error: missing '}'");
			}
			modifier += (char) op;
		}
		if (!nullIsUnset && op != '+' && op != '-' && op != '?' && op != '#' && op != '%') {
			throw new ExpansionException(start, "unsupported modifier (" + modifier + ") in substitution");
		}
		String word = inside(start, op == '#' || op == '%');
		String value = lookup.apply(name);
		boolean unset = value == null || (nullIsUnset && value.isEmpty());
		switch (op) {
			case '-':
				return unset ? word : value;
			case '+':
				return unset ? "" : word;
			case '?':
				if (unset) {
					String why = value == null ? "is not allowed to be unset" : "is not allowed to be empty";
					throw new ExpansionException(start, name + ": " + (word.isEmpty() ? why : word));
				}
				return value;
			case '#':
			case '%':
				return trim(value == null ? "" : value, word, (char) op);
			default:
				throw new ExpansionException(start, "unsupported modifier (" + modifier + ") in substitution");
		}
	}

	/** The word of a modifier, up to the closing brace. */
	private String inside(int start, boolean rawEscapes) {
		try {
			return until('}', rawEscapes);
		}
		catch (ExpansionException e) {
			if (peek() == EOF) {
				throw new ExpansionException(start, "syntax error: missing '}'");
			}
			throw e;
		}
	}

	/** ${v#p} ${v##p} ${v%p} ${v%%p}: a doubled operator asks for the longest match. */
	private String trim(String value, String word, char op) {
		boolean longest = !word.isEmpty() && word.charAt(0) == op;
		GlobPattern pattern = GlobPattern.compile(longest ? word.substring(1) : word);
		int n = value.length();
		if (op == '#') {
			int k = chosen(pattern.ends(value, 0, n, budget), longest);
			return k < 0 ? value : value.substring(k);
		}
		// a suffix of the value is a prefix of it backwards, for the pattern backwards
		String backwards = new StringBuilder(value).reverse().toString();
		int k = chosen(pattern.reversed().ends(backwards, 0, n, budget), longest);
		return k < 0 ? value : value.substring(0, n - k);
	}

	/** The shortest or the longest match among the ends found, or -1 for none. */
	private static int chosen(boolean[] ends, boolean longest) {
		for (int i = 0; i < ends.length; i++) {
			int k = longest ? ends.length - 1 - i : i;
			if (ends[k]) {
				return k;
			}
		}
		return -1;
	}

	/**
	 * ${v/p/r} replaces the first longest match, ${v//p/r} every one, as BuildKit does.
	 */
	private String replace(int start, String name) {
		boolean all = peek() == '/';
		if (all) {
			pos++;
		}
		String pattern;
		try {
			pattern = until('/', true);
		}
		catch (ExpansionException e) {
			if (peek() == EOF) {
				throw new ExpansionException(start, "syntax error: missing '/' in ${}");
			}
			throw e;
		}
		String replacement = inside(start, true);
		String value = valueOf(name); // an unset variable is matched as "", as BuildKit
										// does
		GlobPattern glob = GlobPattern.compile(pattern);
		StringBuilder out = new StringBuilder();
		int n = value.length();
		int i = 0;
		int lastEnd = -1;
		while (i <= n) {
			GlobPattern.Match match = glob.leftmostLongest(value, i, budget);
			if (match == null) {
				return out.append(value, i, n).toString();
			}
			out.append(value, i, match.start());
			boolean emptyAfterMatch = match.end() == match.start() && match.start() == lastEnd;
			if (!emptyAfterMatch) {
				budget.spend(replacement.length());
				out.append(replacement);
				lastEnd = match.end();
				if (!all) {
					return out.append(value, match.end(), n).toString();
				}
				if (match.end() > match.start()) {
					i = match.end();
					continue;
				}
			}
			// an empty match: the character after it stays, and the search goes on past
			// it
			if (match.start() < n) {
				out.append(value.charAt(match.start()));
			}
			i = match.start() + 1;
		}
		return out.toString();
	}

	/**
	 * A name, a run of digits (positional) or one special parameter char; empty when
	 * none.
	 */
	private String name() {
		int start = pos;
		int c = peek();
		if (c == EOF) {
			return "";
		}
		if (Character.isDigit(c)) {
			while (peek() != EOF && Character.isDigit(peek())) {
				pos++;
			}
			return text.substring(start, pos);
		}
		if ("@*#?-$!0".indexOf(c) >= 0) {
			pos++;
			return text.substring(start, pos);
		}
		while (peek() != EOF && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
			pos++;
		}
		return text.substring(start, pos);
	}

	private String valueOf(String name) {
		String value = lookup.apply(name);
		return value == null ? "" : value;
	}

}
