package dev.rebaser.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edits on one original text, applied together. Everything outside the edited spans is
 * copied byte for byte, which is what keeps the rewrite's diff down to its real changes.
 */
final class TextEdits {

	/**
	 * By position; an insertion goes before a replacement that starts at the same place.
	 */
	static final Comparator<Edit> ORDER = Comparator.comparingInt(Edit::start)
		.thenComparingInt(e -> e.end() == e.start() ? 0 : 1);

	private final String original;

	private final List<Edit> edits = new ArrayList<>();

	TextEdits(String original) {
		this.original = original;
	}

	void replace(int start, int end, String text) {
		if (start < 0 || end < start || end > original.length()) {
			throw new IllegalArgumentException("edit [" + start + ", " + end + ") outside the text");
		}
		edits.add(new Edit(start, end, text));
	}

	void insert(int at, String text) {
		replace(at, at, text);
	}

	boolean isEmpty() {
		return edits.isEmpty();
	}

	/** Whether an edit already touches [start, end). */
	boolean overlaps(int start, int end) {
		for (Edit e : edits) {
			if (e.start() < end && start < e.end() || e.start() == start && e.end() == end) {
				return true;
			}
		}
		return false;
	}

	String apply() {
		if (edits.isEmpty()) {
			return original;
		}
		List<Edit> sorted = new ArrayList<>(edits);
		sorted.sort(ORDER); // stable: inserts at one place keep their order
		StringBuilder out = new StringBuilder(original.length() + 256);
		int at = 0;
		for (Edit e : sorted) {
			if (e.start() < at) {
				throw new IllegalStateException("overlapping edits at offset " + e.start());
			}
			out.append(original, at, e.start()).append(e.text());
			at = e.end();
		}
		return out.append(original, at, original.length()).toString();
	}

}
