package dev.rebaser.rewrite;

/**
 * Replace the text in [start, end) of the original with {@code text}; start == end
 * inserts.
 */
record Edit(int start, int end, String text) {
}
