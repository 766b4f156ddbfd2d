package dev.rebaser.dockerfile;

/** A half-open range [start, end) of char offsets into a source text. */
public record Span(int start, int end) {
	public int length() {
		return end - start;
	}
}
