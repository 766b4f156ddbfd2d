package dev.rebaser.imports;

/** An import that could not read its source: the message says what was wrong with it. */
public final class ImportException extends RuntimeException {

	public ImportException(String message) {
		super(message);
	}

}
