package dev.rebaser.gobuild;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the hand-written image Makefiles under {@code gobuild/}. */
final class Fixtures {

	private Fixtures() {
	}

	static String load(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/gobuild/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing test input " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
