package dev.rebaser.dockerfile;

/**
 * Text that Docker ignores but a lossless tree must keep: a byte order mark, a blank line
 * or a comment line.
 */
public record Trivia(Kind kind, Span span, String text) implements Node {

	public enum Kind {

		BOM, BLANK, COMMENT

	}
}
