package dev.rebaser.packages;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens a Packages file whatever it was compressed with: xz (mirrors), lz4 (apt's lists
 * under Docker's {@code GzipIndexes}), gzip, or nothing. Decided by the magic bytes, not
 * the file name, because proxies and apt both rename freely.
 */
final class Decompression {

	private static final byte[] XZ = { (byte) 0xFD, '7', 'z', 'X', 'Z', 0 };

	private static final byte[] GZIP = { 0x1F, (byte) 0x8B };

	private static final byte[] LZ4 = { 0x04, 0x22, 0x4D, 0x18 };

	private Decompression() {
	}

	static InputStream open(InputStream raw) throws IOException {
		var in = new BufferedInputStream(raw, 1 << 16);
		in.mark(XZ.length);
		byte[] head = in.readNBytes(XZ.length);
		in.reset();
		if (startsWith(head, XZ)) {
			return new XZInputStream(in);
		}
		if (startsWith(head, GZIP)) {
			return new GZIPInputStream(in, 1 << 16);
		}
		if (startsWith(head, LZ4)) {
			return new Lz4FrameInputStream(in);
		}
		return in;
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
