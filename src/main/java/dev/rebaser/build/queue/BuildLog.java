package dev.rebaser.build.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Build logs as numbered chunks in the database. Each append is committed at once, so a
 * reader polling with the offset it got last sees a running build's log grow; offsets
 * count characters from the start of the job's log, across all of its attempts.
 */
public class BuildLog {

	static final int CHUNK_CHARS = 16000;

	private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(500);

	private final JdbcTemplate jdbc;

	public BuildLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A sink appending to the job's log after what it holds already. Only one sink per
	 * job may write at a time.
	 */
	public LogSink open(long jobId) {
		long[] position = jdbc.queryForObject(
				"SELECT COALESCE(MAX(seq), -1) + 1, COALESCE(SUM(char_count), 0) FROM build_log_chunk WHERE job_id = ?",
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, jobId);
		return new ChunkWriter(jobId, position[0], position[1]);
	}

	public LogSlice read(long jobId, long offset) {
		List<Object[]> chunks = jdbc.query("""
				SELECT start_offset, text FROM build_log_chunk
				WHERE job_id = ? AND start_offset + char_count > ?
				ORDER BY seq""", (rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) }, jobId, offset);
		StringBuilder text = new StringBuilder();
		long next = offset;
		for (Object[] chunk : chunks) {
			long start = (Long) chunk[0];
			String body = (String) chunk[1];
			int skip = (int) Math.max(0, offset - start);
			text.append(body, skip, body.length());
			next = start + body.length();
		}
		return new LogSlice(text.toString(), next);
	}

	/**
	 * Copies the log from {@code offset} to {@code out} as it grows: after what is there,
	 * waits for more while {@code growing} says the job may still write, and returns when
	 * it no longer does. {@code growing} is asked before each read, so text written
	 * before the job finished is never missed.
	 */
	public void copyTo(long jobId, long offset, OutputStream out, BooleanSupplier growing) throws IOException {
		long next = Math.max(0, offset);
		while (true) {
			boolean more = growing.getAsBoolean();
			LogSlice slice = read(jobId, next);
			if (!slice.text().isEmpty()) {
				out.write(slice.text().getBytes(StandardCharsets.UTF_8));
				out.flush();
				next = slice.nextOffset();
				continue;
			}
			if (!more) {
				return;
			}
			try {
				Thread.sleep(FOLLOW_INTERVAL.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	public String readAll(long jobId) {
		return read(jobId, 0).text();
	}

	private final class ChunkWriter implements LogSink {

		private final long jobId;

		private long seq;

		private long offset;

		public ChunkWriter(long jobId, long seq, long offset) {
			this.jobId = jobId;
			this.seq = seq;
			this.offset = offset;
		}

		@Override
		public synchronized void append(String text) {
			if (text == null || text.isEmpty()) {
				return;
			}
			// PostgreSQL text cannot hold NUL
			String clean = text.replace("\u0000", "");
			for (int from = 0, to; from < clean.length(); from = to) {
				to = Math.min(clean.length(), from + CHUNK_CHARS);
				if (to < clean.length() && Character.isHighSurrogate(clean.charAt(to - 1))) {
					to--; // keep a surrogate pair in one chunk
				}
				String part = clean.substring(from, to);
				jdbc.update(
						"INSERT INTO build_log_chunk (job_id, seq, start_offset, char_count, text) VALUES (?, ?, ?, ?, ?)",
						jobId, seq, offset, part.length(), part);
				seq++;
				offset += part.length();
			}
		}

	}

}
