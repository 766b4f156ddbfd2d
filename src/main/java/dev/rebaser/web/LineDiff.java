package dev.rebaser.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two texts side by side, line against line, as a reviewer reads a change: equal lines
 * face each other, and within a run of changes the removed lines face the added ones.
 * Lines are matched by their longest common subsequence after the common head and tail
 * are set aside; Dockerfiles are short, and a change too large to match line by line is
 * shown as one block.
 */
public record LineDiff(List<Row> rows) {

	/**
	 * Above this many cells the middle of the two texts is shown as one changed block.
	 */
	private static final long MAX_CELLS = 4_000_000;

	public enum Kind {

		SAME, CHANGED, REMOVED, ADDED

	}

	/**
	 * One row: a line of the left text, of the right text, or both; numbers count from 1,
	 * null where a side has no line.
	 */
	public record Row(Integer leftNumber, String left, Integer rightNumber, String right, Kind kind) {

		public boolean same() {
			return kind == Kind.SAME;
		}

	}

	public LineDiff {
		rows = List.copyOf(rows);
	}

	public static LineDiff of(String before, String after) {
		String[] left = lines(before);
		String[] right = lines(after);
		int head = 0;
		while (head < left.length && head < right.length && left[head].equals(right[head])) {
			head++;
		}
		int tail = 0;
		while (tail < left.length - head && tail < right.length - head
				&& left[left.length - 1 - tail].equals(right[right.length - 1 - tail])) {
			tail++;
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < head; i++) {
			rows.add(new Row(i + 1, left[i], i + 1, right[i], Kind.SAME));
		}
		middle(left, head, left.length - tail, right, head, right.length - tail, rows);
		for (int k = tail; k > 0; k--) {
			int i = left.length - k;
			int j = right.length - k;
			rows.add(new Row(i + 1, left[i], j + 1, right[j], Kind.SAME));
		}
		return new LineDiff(rows);
	}

	public boolean changed() {
		return rows.stream().anyMatch(row -> !row.same());
	}

	/** How many rows differ. */
	public long changes() {
		return rows.stream().filter(row -> !row.same()).count();
	}

	private static void middle(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows) {
		int n = l1 - l0;
		int m = r1 - r0;
		if ((long) n * m > MAX_CELLS) {
			block(left, l0, l1, right, r0, r1, rows);
			return;
		}
		// lcs[i][j]: length of the longest common subsequence of left[l0+i..] and
		// right[r0+j..]
		int[][] lcs = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				lcs[i][j] = left[l0 + i].equals(right[r0 + j]) ? lcs[i + 1][j + 1] + 1
						: Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		int blockLeft = 0;
		int blockRight = 0;
		while (i < n || j < m) {
			if (i < n && j < m && left[l0 + i].equals(right[r0 + j])) {
				block(left, l0 + blockLeft, l0 + i, right, r0 + blockRight, r0 + j, rows);
				rows.add(new Row(l0 + i + 1, left[l0 + i], r0 + j + 1, right[r0 + j], Kind.SAME));
				i++;
				j++;
				blockLeft = i;
				blockRight = j;
			}
			else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
				i++;
			}
			else {
				j++;
			}
		}
		block(left, l0 + blockLeft, l1, right, r0 + blockRight, r1, rows);
	}

	/**
	 * A run of removed and added lines. When both sides have lines, each removed line
	 * faces the added line most like it (by shared words, keeping both orders), so
	 * {@code RUN apk add curl} faces the {@code apt-get install} that replaced it rather
	 * than whatever line came first; lines like none of the other side stand alone.
	 * Without any likeness, they pair from the top.
	 */
	private static void block(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows) {
		int n = l1 - l0;
		int m = r1 - r0;
		double[][] best = new double[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				double pair = likeness(left[l0 + i], right[r0 + j]);
				best[i][j] = Math.max(Math.max(best[i + 1][j], best[i][j + 1]),
						pair > 0 ? best[i + 1][j + 1] + pair : 0);
			}
		}
		if (n == 0 || m == 0 || best[0][0] == 0) {
			fromTheTop(left, l0, l1, right, r0, r1, rows);
			return;
		}
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			double pair = i < n && j < m ? likeness(left[l0 + i], right[r0 + j]) : 0;
			if (pair > 0 && best[i][j] == best[i + 1][j + 1] + pair) {
				rows.add(new Row(l0 + i + 1, left[l0 + i], r0 + j + 1, right[r0 + j], Kind.CHANGED));
				i++;
				j++;
			}
			else if (j == m || (i < n && best[i][j] == best[i + 1][j])) {
				rows.add(new Row(l0 + i + 1, left[l0 + i], null, null, Kind.REMOVED));
				i++;
			}
			else {
				rows.add(new Row(null, null, r0 + j + 1, right[r0 + j], Kind.ADDED));
				j++;
			}
		}
	}

	private static void fromTheTop(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows) {
		int n = l1 - l0;
		int m = r1 - r0;
		for (int k = 0; k < Math.max(n, m); k++) {
			boolean hasLeft = k < n;
			boolean hasRight = k < m;
			Kind kind = hasLeft && hasRight ? Kind.CHANGED : hasLeft ? Kind.REMOVED : Kind.ADDED;
			rows.add(new Row(hasLeft ? l0 + k + 1 : null, hasLeft ? left[l0 + k] : null, hasRight ? r0 + k + 1 : null,
					hasRight ? right[r0 + k] : null, kind));
		}
	}

	/**
	 * The share of distinct words two lines have in common (Jaccard); 0 for blank lines.
	 */
	private static double likeness(String a, String b) {
		Set<String> left = new HashSet<>(List.of(a.trim().split("\\s+")));
		Set<String> right = new HashSet<>(List.of(b.trim().split("\\s+")));
		left.remove("");
		right.remove("");
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		Set<String> shared = new HashSet<>(left);
		shared.retainAll(right);
		Set<String> all = new HashSet<>(left);
		all.addAll(right);
		return (double) shared.size() / all.size();
	}

	/**
	 * Lines without their terminators; a final line break does not start another line.
	 */
	private static String[] lines(String text) {
		if (text == null || text.isEmpty()) {
			return new String[0];
		}
		String[] lines = text.split("\r\n|\r|\n", -1);
		if (lines[lines.length - 1].isEmpty()) {
			String[] trimmed = new String[lines.length - 1];
			System.arraycopy(lines, 0, trimmed, 0, trimmed.length);
			return trimmed;
		}
		return lines;
	}

}
