package dev.rebaser.manifest;

/**
 * Something in manifest.go the reader could not understand; {@code line} is 1-based, 0
 * for the whole file.
 */
public record ManifestWarning(int line, String message) {
}
