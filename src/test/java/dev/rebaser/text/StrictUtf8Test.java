package dev.rebaser.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

	private static byte[] concat(String head, int... tail) {
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[start.length + tail.length];
		System.arraycopy(start, 0, bytes, 0, start.length);
		for (int i = 0; i < tail.length; i++) {
			bytes[start.length + i] = (byte) tail[i];
		}
		return bytes;
	}

	@Test
	void validTextComesBackAsItIs() {
		String text = "FROM alpine\nRUN echo 'größer 🐳'\n";

		assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
		assertThat(StrictUtf8.decode(new byte[0])).isEmpty();
	}

	@Test
	void aBadByteIsReportedAtItsOffsetLineAndColumn() {
		byte[] bytes = concat("FROM a\nRUN é🐳", 0xC3, 0x28, '\n');

		assertThatThrownBy(() -> StrictUtf8.decode(bytes)).isInstanceOfSatisfying(StrictUtf8.MalformedException.class,
				e -> {
					assertThat(e.offset()).isEqualTo(bytes.length - 3);
					assertThat(e.line()).isEqualTo(2);
					// "RUN " is 4, é is one character and the whale two (a surrogate
					// pair)
					assertThat(e.column()).isEqualTo(8);
					assertThat(e.getMessage()).isEqualTo("byte " + (bytes.length - 3) + " (0xc3) on line 2 does not "
							+ "start a valid UTF-8 sequence");
				});
	}

	@Test
	void surrogatesOverlongFormsAndCutSequencesAreMalformed() {
		int[][] tails = { { 0xED, 0xA0, 0x80 }, { 0xC0, 0xAF }, { 0xFF }, { 0xE2, 0x82 } };
		for (int[] tail : tails) {
			assertThatThrownBy(() -> StrictUtf8.decode(concat("F", tail)))
				.isInstanceOfSatisfying(StrictUtf8.MalformedException.class, e -> assertThat(e.offset()).isEqualTo(1));
		}
	}

}
