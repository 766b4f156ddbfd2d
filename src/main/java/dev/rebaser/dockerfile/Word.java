package dev.rebaser.dockerfile;

/** Placeholder until the shell analysis lands: a shell word as written. */
public record Word(String raw, Span span, String literal) {

    public boolean isLiteral() {
        return literal != null;
    }
}
