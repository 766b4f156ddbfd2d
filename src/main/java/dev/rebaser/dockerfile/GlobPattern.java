package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell pattern ({@code *}, {@code ?}, {@code [...]}, backslash escapes) as used by the
 * {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}} expansions. Matching is by
 * backtracking over the last star, which is linear for the short values those expansions
 * see.
 */
final class GlobPattern {

	private static final int STAR = -1;

	private static final int ANY = -2;

	private static final int CLASS = -3;

	/** One element: a char (>= 0), STAR, ANY, or CLASS with its set. */
	private record Element(int kind, char literal, boolean negated, String set) {
	}

	private final Element[] elements;

	private GlobPattern(Element[] elements) {
		this.elements = elements;
	}

	static GlobPattern compile(String pattern) {
		List<Element> out = new ArrayList<>(pattern.length());
		int n = pattern.length();
		for (int i = 0; i < n; i++) {
			char c = pattern.charAt(i);
			if (c == '*') {
				if (out.isEmpty() || out.get(out.size() - 1).kind() != STAR) {
					out.add(new Element(STAR, '\0', false, null));
				}
			}
			else if (c == '?') {
				out.add(new Element(ANY, '\0', false, null));
			}
			else if (c == '\\' && i + 1 < n) {
				out.add(literal(pattern.charAt(++i)));
			}
			else if (c == '[') {
				int end = bracketEnd(pattern, i);
				if (end < 0) {
					out.add(literal('['));
				}
				else {
					out.add(bracket(pattern, i, end));
					i = end;
				}
			}
			else {
				out.add(literal(c));
			}
		}
		return new GlobPattern(out.toArray(new Element[0]));
	}

	private static Element literal(char c) {
		return new Element(c, c, false, null);
	}

	/**
	 * Index of the ']' closing the bracket expression opened at i, or -1 when it is a
	 * plain '['.
	 */
	private static int bracketEnd(String p, int i) {
		int j = i + 1;
		if (j < p.length() && (p.charAt(j) == '!' || p.charAt(j) == '^')) {
			j++;
		}
		if (j < p.length() && p.charAt(j) == ']') {
			j++; // a ']' first in the set is a member
		}
		for (; j < p.length(); j++) {
			char c = p.charAt(j);
			if (c == '\\') {
				j++;
			}
			else if (c == ']') {
				return j;
			}
		}
		return -1;
	}

	/** Expands ranges so matching is a plain membership test. */
	private static Element bracket(String p, int open, int close) {
		int j = open + 1;
		boolean negated = p.charAt(j) == '!' || p.charAt(j) == '^';
		if (negated) {
			j++;
		}
		StringBuilder set = new StringBuilder();
		boolean first = true;
		while (j < close) {
			char c = p.charAt(j);
			if (c == '\\' && j + 1 < close) {
				c = p.charAt(++j);
			}
			else if (c == ']' && !first) {
				break;
			}
			first = false;
			if (j + 2 < close && p.charAt(j + 1) == '-') {
				char to = p.charAt(j + 2) == '\\' && j + 3 < close ? p.charAt(j + 3) : p.charAt(j + 2);
				for (char r = c; r <= to && r >= c; r++) {
					set.append(r);
					if (r == Character.MAX_VALUE) {
						break;
					}
				}
				j += p.charAt(j + 2) == '\\' ? 4 : 3;
			}
			else {
				set.append(c);
				j++;
			}
		}
		return new Element(CLASS, '\0', negated, set.toString());
	}

	/** Whether the whole of s[from, to) matches. */
	boolean matches(String s, int from, int to) {
		int e = 0;
		int i = from;
		int starE = -1;
		int starI = -1;
		while (i < to) {
			if (e < elements.length && elements[e].kind() == STAR) {
				starE = ++e;
				starI = i;
			}
			else if (e < elements.length && matchesOne(elements[e], s.charAt(i))) {
				e++;
				i++;
			}
			else if (starE >= 0) {
				e = starE;
				i = ++starI;
			}
			else {
				return false;
			}
		}
		while (e < elements.length && elements[e].kind() == STAR) {
			e++;
		}
		return e == elements.length;
	}

	private static boolean matchesOne(Element el, char c) {
		return switch (el.kind()) {
			case ANY -> true;
			case CLASS -> (el.set().indexOf(c) >= 0) != el.negated();
			default -> el.literal() == c;
		};
	}

}
