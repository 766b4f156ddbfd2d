package dev.rebaser.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.lz4.XXHash32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LZ4 path of {@link Decompression}. The fixtures were made by the reference lz4 tool
 * (see README-lz4.txt beside them).
 */
class DecompressionLz4Test {

	private static byte[] decode(byte[] lz4) throws IOException {
		try (InputStream in = Decompression.open(new ByteArrayInputStream(lz4))) {
			return in.readAllBytes();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "many-dependent-blocks.Packages.lz4", "many-checksummed.Packages.lz4" })
	void decodesWhatTheReferenceToolEncoded(String fixture) throws IOException {
		assertThat(decode(Fixtures.bytes(fixture))).isEqualTo(Fixtures.bytes("many.Packages"));
	}

	@Test
	void concatenatedFramesDecodeToConcatenatedText() throws IOException {
		byte[] a = Fixtures.bytes("many-dependent-blocks.Packages.lz4");
		byte[] b = Fixtures.bytes("many-checksummed.Packages.lz4");
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		var expected = new ByteArrayOutputStream();
		expected.writeBytes(Fixtures.bytes("many.Packages"));
		expected.writeBytes(Fixtures.bytes("many.Packages"));

		assertThat(decode(both)).isEqualTo(expected.toByteArray());
	}

	@Test
	void byteByByteReadsGiveTheSameBytes() throws IOException {
		var out = new ByteArrayOutputStream();
		try (InputStream in = Decompression
			.open(new ByteArrayInputStream(Fixtures.bytes("many-dependent-blocks.Packages.lz4")))) {
			int b;
			while ((b = in.read()) >= 0) {
				out.write(b);
			}
		}
		assertThat(out.toByteArray()).isEqualTo(Fixtures.bytes("many.Packages"));
	}

	@Test
	void aTruncatedFrameIsAnError() {
		byte[] lz4 = Fixtures.bytes("many-dependent-blocks.Packages.lz4");
		byte[] truncated = Arrays.copyOf(lz4, lz4.length - 100);

		assertThatThrownBy(() -> decode(truncated)).isInstanceOf(IOException.class).hasMessageContaining("lz4");
	}

	@Test
	void aBadMatchOffsetIsAnError() {
		// one block of 3 bytes: token (0 literals, match), offset 0x0010 into no data,
		// end mark
		byte[] frame = frame(3, 0, 0, 0, 0x00, 0x10, 0x00, 0, 0, 0, 0);

		assertThatThrownBy(() -> decode(frame)).isInstanceOf(IOException.class)
			.hasMessageContaining("lz4")
			.hasMessageContaining("bad offset");
	}

	@Test
	void aStoredBlockIsCopiedAsIs() throws IOException {
		byte[] frame = frame(5, 0, 0, 0x80, 'h', 'e', 'l', 'l', 'o', 0, 0, 0, 0);

		assertThat(decode(frame)).isEqualTo("hello".getBytes());
	}

	/**
	 * A frame header (magic, FLG: version 1 with independent blocks, BD: 64 KiB blocks,
	 * and the header checksum the format requires) followed by the given blocks.
	 */
	private static byte[] frame(int... blocks) {
		byte[] descriptor = { 0x60, 0x40 };
		var checksum = new XXHash32();
		checksum.update(descriptor, 0, descriptor.length);
		var frame = new ByteArrayOutputStream();
		frame.writeBytes(new byte[] { 0x04, 0x22, 0x4D, 0x18 });
		frame.writeBytes(descriptor);
		frame.write((int) (checksum.getValue() >> 8) & 0xFF);
		for (int b : blocks) {
			frame.write(b);
		}
		return frame.toByteArray();
	}

}
