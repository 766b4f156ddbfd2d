package dev.rebaser.dockerfile;

/**
 * One shell word as written. {@code literal} is its value after quote removal, or null
 * when the word holds an expansion ({@code $…}, backquotes) whose value is only known at
 * run time.
 */
public record Word(String raw, Span span, String literal) {

	public boolean isLiteral() {
		return literal != null;
	}

	Word shifted(java.util.function.IntUnaryOperator toSource) {
		return new Word(raw, ShellCommand.map(span, toSource), literal);
	}
}
