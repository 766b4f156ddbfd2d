package dev.rebaser.dockerfile;

import java.util.Arrays;

/**
 * Maps offsets in a derived text (an instruction's joined logical line, a tab-stripped
 * heredoc body) back to the Dockerfile text. The derived text is a concatenation of
 * source pieces; each piece is a segment.
 */
final class OffsetMap {

	private int[] derivedStarts = new int[2];

	private int[] sourceStarts = new int[2];

	private int count;

	void add(int derivedStart, int sourceStart) {
		if (count > 0 && derivedStarts[count - 1] == derivedStart) {
			// an empty piece: the later one wins, offsets there belong to it
			sourceStarts[count - 1] = sourceStart;
			return;
		}
		if (count == derivedStarts.length) {
			derivedStarts = Arrays.copyOf(derivedStarts, count * 2);
			sourceStarts = Arrays.copyOf(sourceStarts, count * 2);
		}
		derivedStarts[count] = derivedStart;
		sourceStarts[count] = sourceStart;
		count++;
	}

	int toSource(int derived) {
		if (count == 0) {
			return derived;
		}
		int low = 0;
		int high = count - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (derivedStarts[mid] <= derived) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return sourceStarts[low] + (derived - derivedStarts[low]);
	}

	/**
	 * A derived span [s, e) as the source span [toSource(s), toSource(e - 1) + 1), so it
	 * never swallows a gap.
	 */
	Span toSource(Span derived) {
		int start = toSource(derived.start());
		if (derived.end() <= derived.start()) {
			return new Span(start, start);
		}
		return new Span(start, toSource(derived.end() - 1) + 1);
	}

}
