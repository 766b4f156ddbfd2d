package dev.rebaser.gobuild;

import dev.rebaser.budget.CpuBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Makefile into logical lines, the way make does before it reads them: a
 * backslash at the end of a line joins the next one to it with a single space. One pass
 * over the text.
 */
final class MakefileLines {

	private MakefileLines() {
	}

	/**
	 * One logical line; {@code recipeLike} when its first physical line starts with a
	 * tab.
	 */
	record Line(LinedText text, int line, boolean recipeLike) {
	}

	static List<Line> split(String makefile) {
		List<Line> result = new ArrayList<>();
		LinedText.Builder current = null;
		boolean recipeLike = false;
		int first = 0;
		int number = 0;
		int start = 0;
		while (start <= makefile.length()) {
			CpuBudget.check();
			int end = makefile.indexOf('\n', start);
			if (end < 0) {
				end = makefile.length();
			}
			number++;
			String physical = makefile.substring(start, end);
			if (physical.endsWith("\r")) {
				physical = physical.substring(0, physical.length() - 1);
			}
			if (current == null) {
				current = new LinedText.Builder();
				recipeLike = physical.startsWith("\t");
				first = number;
			}
			else {
				physical = physical.stripLeading();
			}
			boolean continues = endsWithOddBackslashes(physical);
			if (continues) {
				physical = physical.substring(0, physical.length() - 1).stripTrailing();
			}
			current.append(physical, number);
			if (continues && end < makefile.length()) {
				current.append(' ', number);
			}
			else {
				result.add(new Line(current.build(), first, recipeLike));
				current = null;
			}
			start = end + 1;
		}
		return result;
	}

	private static boolean endsWithOddBackslashes(String line) {
		int count = 0;
		for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
			count++;
		}
		return count % 2 == 1;
	}

}
