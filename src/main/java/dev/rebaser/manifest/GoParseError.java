package dev.rebaser.manifest;

/**
 * A syntax error in Go source: thrown inside the parser, caught at the statement or
 * declaration it interrupts and kept as a {@link GoTokenCursor.Problem}.
 */
final class GoParseError extends RuntimeException {

	final int line;

	GoParseError(int line, String message) {
		super(message, null, false, false);
		this.line = line;
	}

}
