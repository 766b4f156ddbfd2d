package dev.rebaser.dockerfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int decoded = out.position();
			out.flip();
			int line = 1;
			int lineStart = 0;
			for (int i = 0; i < decoded; i++) {
				if (out.get(i) == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			throw new DockerfileSyntaxException(line, decoded - lineStart + 1, "invalid UTF-8 byte sequence");
		}
		out.flip();
		return parse(out.toString());
	}

}
