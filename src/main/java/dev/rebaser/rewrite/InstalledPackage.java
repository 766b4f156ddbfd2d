package dev.rebaser.rewrite;

/**
 * A target package that the rewritten Dockerfile installs, with the input line that asked
 * for it.
 */
public record InstalledPackage(int line, String name) {
}
