package dev.rebaser.build.queue;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes build jobs straight into the tables, with the states and times a test needs. */
public final class BoardRecords {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private final JdbcTemplate jdbc;

	public BoardRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void clear() {
		for (String table : new String[] { "build_log_chunk", "build_job_event", "build_job_parent", "build_job" }) {
			jdbc.update("DELETE FROM " + table);
		}
	}

	/**
	 * A job created at T0 + minute minutes, started a minute later and, unless active,
	 * finished after seconds.
	 */
	public long job(String imageKey, String arch, BuildState state, int minute, int seconds) {
		Instant created = T0.plusSeconds(60L * minute);
		Instant started = state == BuildState.NEEDS_BUILD || state == BuildState.DEP_WAIT ? null
				: created.plusSeconds(60);
		Instant finished = started == null || state == BuildState.BUILDING ? null : started.plusSeconds(seconds);
		jdbc.update(
				"""
						INSERT INTO build_job (image_key, arch, state, created_at, started_at, finished_at, attempts, docker_host)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				imageKey, arch, state.name(), ts(created), ts(started), ts(finished), started == null ? 0 : 1,
				"unix:///var/run/docker.sock");
		long id = jdbc.queryForObject("SELECT MAX(id) FROM build_job", Long.class);
		jdbc.update(
				"INSERT INTO build_job_event (job_id, at, actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
				id, ts(created), "test", null, "NEEDS_BUILD", "queued");
		if (state != BuildState.NEEDS_BUILD) {
			jdbc.update(
					"INSERT INTO build_job_event (job_id, at, actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
					id, ts(finished != null ? finished : created), "test", "NEEDS_BUILD", state.name(), "moved");
		}
		return id;
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
