package dev.rebaser.build.queue;

/**
 * Part of a build log: the text from the requested offset on, and the offset to ask for
 * next.
 */
public record LogSlice(String text, long nextOffset) {
}
