package dev.rebaser.dockerfile;

import dev.rebaser.budget.CpuBudget;
import dev.rebaser.text.StrictUtf8;

/**
 * Parses Dockerfiles the way Docker's BuildKit frontend reads them, into a lossless tree:
 * every char of the input belongs to exactly one top-level node, so printing an
 * unmodified tree gives the input back.
 */
public final class DockerfileParser {

	private DockerfileParser() {
	}

	public static Dockerfile parse(String text) {
		if (text == null) {
			throw new DockerfileSyntaxException(1, 1, "no Dockerfile text given");
		}
		try {
			return new DockerfileReader(new SourceText(text)).read();
		}
		catch (DockerfileSyntaxException e) {
			throw e;
		}
		catch (CpuBudget.Exceeded e) {
			throw e;
		}
		catch (RuntimeException | StackOverflowError e) {
			// a defect of the parser must still surface as the one exception callers
			// handle
			throw new DockerfileSyntaxException(1, 1, "internal parser error: " + e);
		}
	}

	/** Decodes strict UTF-8: a malformed sequence is reported where it starts. */
	public static Dockerfile parse(byte[] bytes) {
		if (bytes == null) {
			throw new DockerfileSyntaxException(1, 1, "no Dockerfile bytes given");
		}
		String text;
		try {
			text = StrictUtf8.decode(bytes);
		}
		catch (StrictUtf8.MalformedException e) {
			throw new DockerfileSyntaxException(e.line(), e.column(), "invalid UTF-8 byte sequence: " + e.getMessage());
		}
		return parse(text);
	}

}
