package dev.rebaser.dockerfile;

import java.util.Arrays;
import java.util.List;

/**
 * What every node of one parse shares: the text, where its lines start, the escape char
 * and the global ARGs.
 */
final class SourceText {

	final String text;

	final int[] lineStarts;

	final int lineCount;

	char escape = '\\';

	/** What all variable expansions of this file may cost together. */
	final ExpansionBudget expansionBudget = new ExpansionBudget(ExpansionBudget.DEFAULT_STEPS);

	List<Instruction> globalArgs = List.of();

	/**
	 * The global ARGs without build args, for naming parent stages; computed on first
	 * need.
	 */
	java.util.Map<String, String> globalDefaults;

	/** All stages, so a stage can find the one it is built on. */
	List<Stage> stages = List.of();

	SourceText(String text) {
		this.text = text;
		int[] starts = new int[64];
		int count = 1;
		int n = text.length();
		int i = text.indexOf('\n');
		while (i >= 0) {
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
			}
			starts[count++] = i + 1;
			i = i + 1 < n ? text.indexOf('\n', i + 1) : -1;
		}
		this.lineStarts = starts;
		this.lineCount = count;
	}

	/** 1-based line of an offset; offsets past the end belong to the last line. */
	int lineOf(int offset) {
		int target = Math.max(0, Math.min(offset, text.length()));
		int low = 0;
		int high = lineCount - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (lineStarts[mid] <= target) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low + 1;
	}

	int columnOf(int offset) {
		int target = Math.max(0, Math.min(offset, text.length()));
		return target - lineStarts[lineOf(target) - 1] + 1;
	}

	DockerfileSyntaxException error(int offset, String detail) {
		return new DockerfileSyntaxException(lineOf(offset), columnOf(offset), detail);
	}

}
