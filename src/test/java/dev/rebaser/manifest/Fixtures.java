package dev.rebaser.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the hand-written manifest.go inputs and finds lines in them. */
final class Fixtures {

	private Fixtures() {
	}

	static String load(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/manifest/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing test input " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The 1-based number of the only line containing {@code snippet}. */
	static int lineOf(String source, String snippet) {
		String[] lines = source.split("\n", -1);
		int found = -1;
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(snippet)) {
				if (found >= 0) {
					throw new IllegalArgumentException("'" + snippet + "' is on more than one line");
				}
				found = i + 1;
			}
		}
		if (found < 0) {
			throw new IllegalArgumentException("'" + snippet + "' is not in the input");
		}
		return found;
	}

}
