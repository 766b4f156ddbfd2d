package dev.rebaser.rewrite;

/**
 * Something a reviewer must look at: the input line, a stable code and an explanation.
 */
public record RewriteWarning(int line, String code, String message) {
}
