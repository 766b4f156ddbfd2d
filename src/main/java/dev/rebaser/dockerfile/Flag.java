package dev.rebaser.dockerfile;

/**
 * A builder flag such as {@code --platform=linux/amd64} or {@code --link}. The value is
 * what Docker sees (quotes removed, not expanded); null when the flag has no {@code =}.
 * The span covers the flag as written.
 */
public record Flag(String name, String value, Span span) {
}
