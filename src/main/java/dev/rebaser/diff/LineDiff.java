package dev.rebaser.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import dev.rebaser.budget.CpuBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two texts side by side, line against line, as a reviewer reads a change: equal lines
 * face each other, and within a run of changes the removed lines face the added ones.
 * <p>
 * Equal lines are found by Myers' algorithm (java-diff-utils), which costs
 * O((N+M)&middot;D) for D differing lines; the text comes from anonymous requests, so the
 * search stops past a budget of work and the differing middle is then shown as one block.
 * Within a block, lines are paired by likeness only while the block is small enough for
 * that to stay cheap; otherwise they pair from the top.
 */
public record LineDiff(List<Row> rows) {

	/** Work units (diagonal steps of Myers' search) after which it gives up. */
	static final long MATCH_BUDGET = 2_000_000;

	/** Pairs of lines a block may weigh against each other by likeness. */
	static final long PAIRING_CELLS = 40_000;

	/** Words a block may hold for likeness pairing, so one long line cannot cost much. */
	static final long PAIRING_WORDS = 40_000;

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
		return of(before, after, new Work());
	}

	static LineDiff of(String before, String after, Work work) {
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
		middle(left, head, left.length - tail, right, head, right.length - tail, rows, work);
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

	private static void middle(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows,
			Work work) {
		if (l0 == l1 || r0 == r1) {
			block(left, l0, l1, right, r0, r1, rows, work);
			return;
		}
		// Lines as small numbers, so that the search compares ints, not strings.
		Map<String, Integer> ids = new HashMap<>();
		List<Integer> a = new ArrayList<>(l1 - l0);
		for (int i = l0; i < l1; i++) {
			a.add(ids.computeIfAbsent(left[i], key -> ids.size()));
		}
		List<Integer> b = new ArrayList<>(r1 - r0);
		for (int j = r0; j < r1; j++) {
			b.add(ids.computeIfAbsent(right[j], key -> ids.size()));
		}
		List<Change> changes;
		try {
			Budget budget = new Budget(work);
			changes = new ArrayList<>(new MyersDiff<Integer>(budget::same).computeDiff(a, b, budget));
		}
		catch (OverBudget ex) {
			block(left, l0, l1, right, r0, r1, rows, work);
			return;
		}
		changes.sort(Comparator.comparingInt((Change change) -> change.startOriginal)
			.thenComparingInt(change -> change.startRevised));
		int i = l0;
		int j = r0;
		for (Change change : changes) {
			int changeLeft = l0 + change.startOriginal;
			int changeRight = r0 + change.startRevised;
			while (i < changeLeft) {
				rows.add(new Row(i + 1, left[i], j + 1, right[j], Kind.SAME));
				i++;
				j++;
			}
			block(left, i, l0 + change.endOriginal, right, j, r0 + change.endRevised, rows, work);
			i = l0 + change.endOriginal;
			j = r0 + change.endRevised;
		}
		while (i < l1) {
			rows.add(new Row(i + 1, left[i], j + 1, right[j], Kind.SAME));
			i++;
			j++;
		}
	}

	/**
	 * A run of removed and added lines. When both sides have lines, each removed line
	 * faces the added line most like it (by shared words, keeping both orders), so
	 * {@code RUN apk add curl} faces the {@code apt-get install} that replaced it rather
	 * than whatever line came first; lines like none of the other side stand alone.
	 * Without any likeness, they pair from the top.
	 */
	private static void block(String[] left, int l0, int l1, String[] right, int r0, int r1, List<Row> rows,
			Work work) {
		int n = l1 - l0;
		int m = r1 - r0;
		if (n == 0 || m == 0 || (long) n * m > PAIRING_CELLS) {
			fromTheTop(left, l0, l1, right, r0, r1, rows);
			return;
		}
		List<Set<String>> leftWords = words(left, l0, l1);
		List<Set<String>> rightWords = words(right, r0, r1);
		long wordCount = leftWords.stream().mapToLong(Set::size).sum() + rightWords.stream().mapToLong(Set::size).sum();
		if (wordCount > PAIRING_WORDS) {
			fromTheTop(left, l0, l1, right, r0, r1, rows);
			return;
		}
		double[][] likeness = new double[n][m];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				likeness[i][j] = likeness(leftWords.get(i), rightWords.get(j));
				work.add(Math.min(leftWords.get(i).size(), rightWords.get(j).size()) + 1);
			}
		}
		double[][] best = new double[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				double pair = likeness[i][j];
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
			double pair = i < n && j < m ? likeness[i][j] : 0;
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

	private static List<Set<String>> words(String[] lines, int from, int to) {
		List<Set<String>> words = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			Set<String> set = new HashSet<>(List.of(lines[i].trim().split("\\s+")));
			set.remove("");
			words.add(set);
		}
		return words;
	}

	/**
	 * The share of distinct words two lines have in common (Jaccard); 0 for blank lines.
	 */
	private static double likeness(Set<String> left, Set<String> right) {
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		Set<String> smaller = left.size() <= right.size() ? left : right;
		Set<String> larger = smaller == left ? right : left;
		int shared = 0;
		for (String word : smaller) {
			if (larger.contains(word)) {
				shared++;
			}
		}
		return (double) shared / (left.size() + right.size() - shared);
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

	/** Counts the work a diff does, so that its growth with the input can be checked. */
	static final class Work {

		private long units;

		void add(long more) {
			CpuBudget.check();
			units += more;
		}

		long units() {
			return units;
		}

	}

	/**
	 * Counts the comparisons and diagonal steps of Myers' search, and gives it up once
	 * they pass the budget.
	 */
	private static final class Budget implements DiffAlgorithmListener {

		private final Work work;

		private long spent;

		Budget(Work work) {
			this.work = work;
		}

		boolean same(Integer a, Integer b) {
			spend(1);
			return a.intValue() == b.intValue();
		}

		@Override
		public void diffStart() {
		}

		@Override
		public void diffStep(int value, int max) {
			// step d of the search visits 2d+1 diagonals
			spend(2L * value + 1);
		}

		@Override
		public void diffEnd() {
		}

		private void spend(long units) {
			CpuBudget.check();
			spent += units;
			work.add(units);
			if (spent > MATCH_BUDGET) {
				throw new OverBudget();
			}
		}

	}

	private static final class OverBudget extends RuntimeException {

		OverBudget() {
			super(null, null, false, false);
		}

	}

}
