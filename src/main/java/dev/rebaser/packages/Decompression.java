package dev.rebaser.packages;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
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
			return lz4(in);
		}
		return in;
	}

	/**
	 * apt keeps its lists as LZ4 frames when told to keep them compressed (Debian's
	 * Docker images do); a file may hold several frames one after the other. Memory stays
	 * bounded by the frame's block size and its 64 KiB window, and checksums the frame
	 * carries are verified. Errors name the format, so a corrupt list is recognisable in
	 * the index's failures.
	 */
	private static InputStream lz4(InputStream in) throws IOException {
		try {
			return new Lz4Errors(new FramedLZ4CompressorInputStream(in, true));
		}
		catch (IOException ex) {
			throw Lz4Errors.named(ex);
		}
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

	/** Prefixes the decoder's errors with the format's name. */
	private static final class Lz4Errors extends FilterInputStream {

		Lz4Errors(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (IOException ex) {
				throw named(ex);
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			try {
				return super.read(b, off, len);
			}
			catch (IOException ex) {
				throw named(ex);
			}
		}

		@Override
		public long skip(long n) throws IOException {
			try {
				return super.skip(n);
			}
			catch (IOException ex) {
				throw named(ex);
			}
		}

		static IOException named(IOException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			return new IOException("lz4: " + message, ex);
		}

	}

}
