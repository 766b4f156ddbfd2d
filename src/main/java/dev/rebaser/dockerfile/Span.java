package dev.rebaser.dockerfile;

/** A half-open range of char offsets [start, end) into the parsed text. */
public record Span(int start, int end) {

    public int length() {
        return end - start;
    }
}
