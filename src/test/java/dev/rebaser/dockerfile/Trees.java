package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Shared checks for parser tests. */
final class Trees {

	private Trees() {
	}

	/**
	 * Parses and checks the lossless invariant: nodes are contiguous, cover the text and
	 * print it back.
	 */
	static Dockerfile parseLossless(String text) {
		Dockerfile file = DockerfileParser.parse(text);
		assertLossless(file);
		return file;
	}

	static void assertLossless(Dockerfile file) {
		String text = file.text();
		int offset = 0;
		for (Node node : file.nodes()) {
			assertThat(node.span().start()).as("start of %s", node).isEqualTo(offset);
			assertThat(node.span().end()).as("end of %s", node).isGreaterThan(node.span().start());
			assertThat(node.text()).isEqualTo(text.substring(node.span().start(), node.span().end()));
			offset = node.span().end();
		}
		assertThat(offset).isEqualTo(text.length());
		assertThat(file.print()).isEqualTo(text);
	}

	static String resource(String name) {
		try (InputStream in = Trees.class.getResourceAsStream("/dockerfile/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + name);
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The source text an argument span of an instruction maps to. */
	static String sourceOf(Dockerfile file, Span span) {
		return file.text().substring(span.start(), span.end());
	}

}
