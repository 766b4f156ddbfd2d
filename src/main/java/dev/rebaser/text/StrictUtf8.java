package dev.rebaser.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as UTF-8 and replaces nothing: a Dockerfile or manifest.go that is not
 * UTF-8 is refused where it stops being UTF-8, the same way over the REST API, on the
 * dashboard and on the command line.
 */
public final class StrictUtf8 {

	private StrictUtf8() {
	}

	/**
	 * @throws MalformedException at the first byte that does not start a valid sequence
	 */
	public static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw new MalformedException(bytes, in.position());
		}
		return out.flip().toString();
	}

	/** Where the bytes stop being UTF-8: the byte's offset, its line and column. */
	public static final class MalformedException extends RuntimeException {

		private final int offset;

		private final int line;

		private final int column;

		MalformedException(byte[] bytes, int offset) {
			this(bytes, offset, position(bytes, offset));
		}

		private MalformedException(byte[] bytes, int offset, int[] lineAndColumn) {
			super("byte " + offset + " (0x" + String.format("%02x", bytes[offset] & 0xff) + ") on line "
					+ lineAndColumn[0] + " does not start a valid UTF-8 sequence");
			this.offset = offset;
			this.line = lineAndColumn[0];
			this.column = lineAndColumn[1];
		}

		/**
		 * The line (from 1) and the column (from 1, in characters) of the byte at offset,
		 * counted in one pass over what comes before it, which is valid UTF-8.
		 */
		private static int[] position(byte[] bytes, int offset) {
			int line = 1;
			int column = 1;
			for (int i = 0; i < offset; i++) {
				if (bytes[i] == '\n') {
					line++;
					column = 1;
				}
				else if ((bytes[i] & 0xc0) != 0x80) {
					column += (bytes[i] & 0xf8) == 0xf0 ? 2 : 1; // a 4-byte sequence is
																	// two chars
				}
			}
			return new int[] { line, column };
		}

		/** Counted in bytes from 0. */
		public int offset() {
			return offset;
		}

		public int line() {
			return line;
		}

		/** Counted in characters from 1, as the parser counts columns. */
		public int column() {
			return column;
		}

	}

}
