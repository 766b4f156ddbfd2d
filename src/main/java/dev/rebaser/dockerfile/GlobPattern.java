package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shell pattern ({@code *}, {@code ?}, {@code [...]}, backslash escapes) as used by the
 * {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}} expansions. Matching runs the
 * pattern as a set of positions, never by backtracking, so its cost is the length of the
 * text times the length of the pattern.
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

	/** The same pattern read backwards, for matching suffixes on a reversed string. */
	GlobPattern reversed() {
		Element[] backwards = new Element[elements.length];
		for (int i = 0; i < elements.length; i++) {
			backwards[i] = elements[elements.length - 1 - i];
		}
		return new GlobPattern(backwards);
	}

	/**
	 * Where a match starting at {@code from} can end: {@code ends[k]} tells whether
	 * s[from, from + k) matches, for k up to {@code to - from}. The pattern is run as a
	 * set of positions in it, so one pass costs (to - from) × pattern length steps at
	 * most, whatever the stars; it stops early once no position is left.
	 */
	boolean[] ends(String s, int from, int to, ExpansionBudget budget) {
		int m = elements.length;
		boolean[] ends = new boolean[to - from + 1];
		boolean[] live = new boolean[m + 1];
		boolean[] next = new boolean[m + 1];
		live[0] = true;
		boolean any = close(live);
		ends[0] = live[m];
		for (int i = from; i < to && any; i++) {
			budget.spend(m + 1);
			char c = s.charAt(i);
			Arrays.fill(next, false);
			for (int e = 0; e < m; e++) {
				if (!live[e]) {
					continue;
				}
				if (elements[e].kind() == STAR) {
					next[e] = true;
				}
				else if (matchesOne(elements[e], c)) {
					next[e + 1] = true;
				}
			}
			boolean[] swap = live;
			live = next;
			next = swap;
			any = close(live);
			ends[i - from + 1] = live[m];
		}
		return ends;
	}

	/** A match of the pattern: s[start, end). */
	record Match(int start, int end) {
	}

	/**
	 * The leftmost match that starts at {@code from} or later, the longest one of those
	 * that start there, or null. All starts are followed in one pass: a position in the
	 * pattern reached from several starts keeps the leftmost, which is the only one that
	 * can still win. So the pass costs the length it reads times the pattern's length.
	 */
	Match leftmostLongest(String s, int from, ExpansionBudget budget) {
		int m = elements.length;
		int[] start = new int[m + 1];
		int[] next = new int[m + 1];
		Arrays.fill(start, -1);
		int bestStart = -1;
		int bestEnd = -1;
		for (int p = from;; p++) {
			if (bestStart < 0 && start[0] < 0) {
				start[0] = p; // a match may still begin here
			}
			closeStarts(start);
			if (start[m] >= 0 && (bestStart < 0 || start[m] < bestStart || start[m] == bestStart)) {
				bestStart = start[m];
				bestEnd = p;
			}
			boolean live = false;
			for (int e = 0; e <= m; e++) {
				if (bestStart >= 0 && start[e] > bestStart) {
					start[e] = -1; // starts later than a match found can no longer win
				}
				live |= start[e] >= 0 && e < m;
			}
			if (p == s.length() || !live && bestStart >= 0) {
				break;
			}
			budget.spend(m + 1);
			char c = s.charAt(p);
			Arrays.fill(next, -1);
			for (int e = 0; e < m; e++) {
				if (start[e] < 0) {
					continue;
				}
				if (elements[e].kind() == STAR) {
					next[e] = leftmost(next[e], start[e]);
				}
				else if (matchesOne(elements[e], c)) {
					next[e + 1] = leftmost(next[e + 1], start[e]);
				}
			}
			int[] swap = start;
			start = next;
			next = swap;
		}
		return bestStart < 0 ? null : new Match(bestStart, bestEnd);
	}

	private static int leftmost(int a, int b) {
		return a < 0 ? b : b < 0 ? a : Math.min(a, b);
	}

	private void closeStarts(int[] start) {
		for (int e = 0; e < elements.length; e++) {
			if (start[e] >= 0 && elements[e].kind() == STAR) {
				start[e + 1] = leftmost(start[e + 1], start[e]);
			}
		}
	}

	/** A star may match nothing: a position before one is also a position after it. */
	private boolean close(boolean[] live) {
		boolean any = false;
		for (int e = 0; e <= elements.length; e++) {
			if (live[e] && e < elements.length && elements[e].kind() == STAR) {
				live[e + 1] = true;
			}
			any |= live[e];
		}
		return any;
	}

	private static boolean matchesOne(Element el, char c) {
		return switch (el.kind()) {
			case ANY -> true;
			case CLASS -> (el.set().indexOf(c) >= 0) != el.negated();
			default -> el.literal() == c;
		};
	}

}
