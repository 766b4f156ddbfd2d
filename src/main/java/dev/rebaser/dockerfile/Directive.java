package dev.rebaser.dockerfile;

/**
 * A parser directive Docker honours ({@code # syntax=}, {@code # escape=},
 * {@code # check=}); the whole line.
 */
public record Directive(String name, String value, Span span, String text) implements Node {
}
