package dev.rebaser.gobuild;

import java.util.Arrays;

/**
 * Makefile text that remembers, for each character, the 1-based line of the file it comes
 * from, so that a word of a value joined from continuation lines, or produced by a
 * variable reference, is reported on its own line.
 */
final class LinedText {

	private final String text;

	private final int[] lines;

	private LinedText(String text, int[] lines) {
		this.text = text;
		this.lines = lines;
	}

	String text() {
		return text;
	}

	int length() {
		return text.length();
	}

	char charAt(int index) {
		return text.charAt(index);
	}

	/** The line of the character at {@code index}, or of the last one past the end. */
	int lineAt(int index) {
		if (lines.length == 0) {
			return 0;
		}
		return lines[Math.min(index, lines.length - 1)];
	}

	LinedText sub(int start, int end) {
		return new LinedText(text.substring(start, end), Arrays.copyOfRange(lines, start, end));
	}

	LinedText strip() {
		int start = 0;
		int end = text.length();
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return sub(start, end);
	}

	static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private int[] lines = new int[16];

		Builder append(char c, int line) {
			if (text.length() == lines.length) {
				lines = Arrays.copyOf(lines, lines.length * 2);
			}
			lines[text.length()] = line;
			text.append(c);
			return this;
		}

		Builder append(CharSequence chars, int line) {
			for (int i = 0; i < chars.length(); i++) {
				append(chars.charAt(i), line);
			}
			return this;
		}

		Builder append(LinedText other) {
			for (int i = 0; i < other.length(); i++) {
				append(other.charAt(i), other.lineAt(i));
			}
			return this;
		}

		int length() {
			return text.length();
		}

		LinedText build() {
			return new LinedText(text.toString(), Arrays.copyOf(lines, text.length()));
		}

	}

}
