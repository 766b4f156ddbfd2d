package dev.rebaser.packages;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the LZ4 frame format, which apt uses for its lists when told to keep them
 * compressed (Debian's Docker images do). Checksums are skipped: apt verified the file's
 * hash when it fetched it, and a corrupt block still fails here as a bad offset or a
 * truncated stream.
 */
final class Lz4FrameInputStream extends InputStream {

	private static final int MAGIC = 0x184D2204;

	private static final int SKIPPABLE_MASK = 0xFFFFFFF0;

	private static final int SKIPPABLE = 0x184D2A50;

	private static final int WINDOW = 64 * 1024;

	private static final int MIN_MATCH = 4;

	private final InputStream in;

	// Decoded bytes; [0, WINDOW) may hold history that dependent blocks refer back to.
	private byte[] out = new byte[0];

	private int readPos;

	private int writePos;

	private byte[] block = new byte[0];

	private boolean inFrame;

	private boolean blockChecksum;

	private boolean contentChecksum;

	private boolean finished;

	private boolean eof;

	Lz4FrameInputStream(InputStream in) {
		this.in = in;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		while (readPos == writePos) {
			if (finished || !nextBlock()) {
				finished = true;
				return -1;
			}
		}
		int n = Math.min(len, writePos - readPos);
		System.arraycopy(out, readPos, b, off, n);
		readPos += n;
		return n;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/** Decodes the next block into {@link #out}; false at the end of the last frame. */
	private boolean nextBlock() throws IOException {
		if (!inFrame && !startFrame()) {
			return false;
		}
		int size = readIntLE(true);
		if (size == 0) { // end mark
			if (contentChecksum) {
				skipFully(4);
			}
			inFrame = false;
			return true; // nothing decoded; the caller loops
		}
		boolean stored = (size & 0x80000000) != 0;
		size &= 0x7FFFFFFF;
		if (size > block.length) {
			throw new IOException("lz4: block of " + size + " bytes exceeds the frame's maximum");
		}
		readFully(block, size);
		if (blockChecksum) {
			skipFully(4);
		}
		keepWindow();
		if (stored) {
			System.arraycopy(block, 0, out, writePos, size);
			writePos += size;
		}
		else {
			decodeBlock(size);
		}
		return true;
	}

	/** Reads a frame header; false at a clean end of input. */
	private boolean startFrame() throws IOException {
		while (true) {
			int magic = readIntLE(false);
			if (magic == -1 && eof) {
				return false;
			}
			if ((magic & SKIPPABLE_MASK) == SKIPPABLE) {
				skipFully(Integer.toUnsignedLong(readIntLE(true)));
				continue;
			}
			if (magic != MAGIC) {
				throw new IOException("lz4: not an LZ4 frame (magic " + Integer.toHexString(magic) + ")");
			}
			break;
		}
		int flg = readByte();
		int bd = readByte();
		if ((flg >>> 6) != 1) {
			throw new IOException("lz4: unsupported frame version " + (flg >>> 6));
		}
		blockChecksum = (flg & 0x10) != 0;
		contentChecksum = (flg & 0x04) != 0;
		boolean contentSize = (flg & 0x08) != 0;
		boolean dictId = (flg & 0x01) != 0;
		int maxBlock = switch ((bd >>> 4) & 0x7) {
			case 4 -> 64 * 1024;
			case 5 -> 256 * 1024;
			case 6 -> 1024 * 1024;
			case 7 -> 4 * 1024 * 1024;
			default -> throw new IOException("lz4: bad block maximum size in " + Integer.toHexString(bd));
		};
		if (dictId) {
			throw new IOException("lz4: frames that need a dictionary are not supported");
		}
		skipFully((contentSize ? 8 : 0) + 1); // content size, header checksum
		if (block.length < maxBlock) {
			block = new byte[maxBlock];
		}
		if (out.length < WINDOW + maxBlock) {
			byte[] bigger = new byte[WINDOW + maxBlock];
			System.arraycopy(out, 0, bigger, 0, writePos);
			out = bigger;
		}
		inFrame = true;
		return true;
	}

	/** Moves the last 64 KiB to the front so the next block fits after its history. */
	private void keepWindow() {
		if (writePos + block.length > out.length) {
			int keep = Math.min(WINDOW, writePos);
			System.arraycopy(out, writePos - keep, out, 0, keep);
			writePos = keep;
		}
		readPos = writePos;
	}

	private void decodeBlock(int size) throws IOException {
		int ip = 0;
		int op = writePos;
		int limit = op + block.length;
		while (true) {
			if (ip >= size) {
				throw new IOException("lz4: block ends inside a sequence");
			}
			int token = block[ip++] & 0xFF;
			int literals = token >>> 4;
			if (literals == 15) {
				int b;
				do {
					if (ip >= size) {
						throw new IOException("lz4: block ends inside a literal length");
					}
					b = block[ip++] & 0xFF;
					literals += b;
				}
				while (b == 255);
			}
			if (ip + literals > size || op + literals > limit) {
				throw new IOException("lz4: literals run past the block");
			}
			System.arraycopy(block, ip, out, op, literals);
			ip += literals;
			op += literals;
			if (ip == size) { // the last sequence has literals only
				break;
			}
			if (ip + 2 > size) {
				throw new IOException("lz4: block ends inside a match offset");
			}
			int offset = (block[ip] & 0xFF) | (block[ip + 1] & 0xFF) << 8;
			ip += 2;
			if (offset == 0 || offset > op) {
				throw new IOException("lz4: match offset " + offset + " points outside the data");
			}
			int match = token & 0x0F;
			if (match == 15) {
				int b;
				do {
					if (ip >= size) {
						throw new IOException("lz4: block ends inside a match length");
					}
					b = block[ip++] & 0xFF;
					match += b;
				}
				while (b == 255);
			}
			match += MIN_MATCH;
			if (op + match > limit) {
				throw new IOException("lz4: match runs past the block maximum");
			}
			int from = op - offset;
			if (offset >= match) {
				System.arraycopy(out, from, out, op, match);
				op += match;
			}
			else { // overlapping copy repeats the last bytes
				for (int i = 0; i < match; i++) {
					out[op++] = out[from + i];
				}
			}
		}
		writePos = op;
	}

	private int readIntLE(boolean required) throws IOException {
		int b0 = in.read();
		if (b0 < 0) {
			if (required) {
				throw new EOFException("lz4: stream ends inside a frame");
			}
			eof = true;
			return -1;
		}
		return b0 | readByte() << 8 | readByte() << 16 | readByte() << 24;
	}

	private int readByte() throws IOException {
		int b = in.read();
		if (b < 0) {
			throw new EOFException("lz4: stream ends inside a frame");
		}
		return b;
	}

	private void readFully(byte[] into, int n) throws IOException {
		if (in.readNBytes(into, 0, n) != n) {
			throw new EOFException("lz4: stream ends inside a block");
		}
	}

	private void skipFully(long n) throws IOException {
		in.skipNBytes(n);
	}

}
