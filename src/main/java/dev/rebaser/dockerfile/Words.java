package dev.rebaser.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Docker's word splitting for ENV, ARG and LABEL (and, with {@code \} as escape, for
 * finding heredoc markers): blanks separate words except inside quotes; quotes and
 * escapes stay in the word as written.
 */
final class Words {

	private Words() {
	}

	/** The words of s[from, to) as [start, end) pairs, flattened. */
	static int[] ranges(String s, int from, int to, char escape) {
		int[] out = new int[8];
		int n = 0;
		int i = from;
		while (i < to) {
			i = Whitespace.skipSpace(s, i, to);
			if (i >= to) {
				break;
			}
			int start = i;
			char quote = 0;
			while (i < to) {
				char c = s.charAt(i);
				if (quote == 0) {
					if (Whitespace.isSpace(c)) {
						break;
					}
					if (c == '\'' || c == '"') {
						quote = c;
					}
					else if (c == escape && i + 1 < to) {
						i++;
					}
				}
				else if (c == quote) {
					quote = 0;
				}
				else if (c == escape && quote != '\'' && i + 1 < to) {
					i++;
				}
				i++;
			}
			if (n + 2 > out.length) {
				out = java.util.Arrays.copyOf(out, out.length * 2);
			}
			out[n++] = start;
			out[n++] = i;
		}
		return java.util.Arrays.copyOf(out, n);
	}

	static List<String> split(String s, char escape) {
		int[] ranges = ranges(s, 0, s.length(), escape);
		List<String> words = new ArrayList<>(ranges.length / 2);
		for (int k = 0; k < ranges.length; k += 2) {
			words.add(s.substring(ranges[k], ranges[k + 1]));
		}
		return words;
	}

	/**
	 * Splits at runs of [\t\v\f\r ] after trimming, as Docker does for FROM and the old
	 * ENV form.
	 */
	static List<String> fields(String s) {
		List<String> fields = new ArrayList<>(4);
		int i = 0;
		int to = s.length();
		while (i < to) {
			while (i < to && Whitespace.isSeparator(s.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < to && !Whitespace.isSeparator(s.charAt(i))) {
				i++;
			}
			if (i > start) {
				fields.add(s.substring(start, i));
			}
		}
		return fields;
	}

}
