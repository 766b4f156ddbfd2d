package dev.rebaser.gobuild;

/**
 * Why a Makefile is not read as the convention, where it is found; becomes an
 * {@link MakefileReading.OtherShape}.
 */
final class MakeError extends RuntimeException {

	private final int line;

	MakeError(String reason, int line) {
		super(reason, null, false, false);
		this.line = line;
	}

	int line() {
		return line;
	}

	MakefileReading.OtherShape toOtherShape() {
		return new MakefileReading.OtherShape(getMessage(), line);
	}

}
