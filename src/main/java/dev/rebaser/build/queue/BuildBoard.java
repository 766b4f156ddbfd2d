package dev.rebaser.build.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side of the build queue that the dashboard shows: the latest job of every
 * image and architecture, one image's jobs page by page, and the state changes of many
 * jobs at once. Plain SQL over the indexes of V2, so the overview stays one query however
 * many builds the database holds; nothing here changes a job.
 */
public class BuildBoard {

	private static final String COLUMNS = """
			id, image_key, arch, docker_host, state, attempts, created_at, started_at, finished_at,
			failure_category, failure_reason, wait_reason""";

	private final JdbcTemplate jdbc;

	public BuildBoard(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A job as the board shows it; times are null until they happen. */
	public record Entry(long jobId, String imageKey, String arch, String dockerHost, BuildState state, int attempts,
			Instant createdAt, Instant startedAt, Instant finishedAt, String failureCategory, String failureReason,
			String waitReason) {

		/**
		 * How long the last attempt ran: to its end, or until now while it is building.
		 */
		public Duration duration(Instant now) {
			if (startedAt == null) {
				return null;
			}
			Instant end = finishedAt != null ? finishedAt : state == BuildState.BUILDING ? now : null;
			return end == null || end.isBefore(startedAt) ? null : Duration.between(startedAt, end);
		}

		/** The newest of the job's times: when it last visibly changed. */
		public Instant lastChange() {
			Instant last = createdAt;
			for (Instant at : new Instant[] { startedAt, finishedAt }) {
				if (at != null && (last == null || at.isAfter(last))) {
					last = at;
				}
			}
			return last;
		}
	}

	/** One state change of a job. */
	public record Event(long jobId, Instant at, String actor, BuildState from, BuildState to, String note) {
	}

	/** One page of an image's jobs, newest first, and how many there are in all. */
	public record Page(List<Entry> entries, long total, int offset, int limit) {

		public boolean hasNewer() {
			return offset > 0;
		}

		public boolean hasOlder() {
			return offset + entries.size() < total;
		}
	}

	/** The newest job of every image and architecture that has one. */
	public List<Entry> latest() {
		return jdbc.query("SELECT " + COLUMNS + """
				 FROM build_job
				WHERE id IN (SELECT MAX(id) FROM build_job GROUP BY image_key, arch)
				ORDER BY image_key, arch""", BuildBoard::entry);
	}

	/**
	 * How many images and architectures have their newest job in each state; states
	 * without one are left out.
	 */
	public Map<BuildState, Long> latestCounts() {
		Map<BuildState, Long> counts = new LinkedHashMap<>();
		jdbc.query("""
				SELECT state, COUNT(*) FROM build_job
				WHERE id IN (SELECT MAX(id) FROM build_job GROUP BY image_key, arch)
				GROUP BY state""", rs -> {
			counts.put(BuildState.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	/**
	 * An image's jobs for every architecture, newest first; offset and limit select the
	 * page.
	 */
	public Page history(String imageKey, int offset, int limit) {
		if (offset < 0 || limit < 1) {
			throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more");
		}
		long total = jdbc.queryForObject("SELECT COUNT(*) FROM build_job WHERE image_key = ?", Long.class, imageKey);
		List<Entry> entries = jdbc.query("SELECT " + COLUMNS + """
				 FROM build_job WHERE image_key = ?
				ORDER BY id DESC
				LIMIT ? OFFSET ?""", BuildBoard::entry, imageKey, limit, offset);
		return new Page(entries, total, offset, limit);
	}

	/**
	 * The state changes of each of the jobs, oldest first; a job without changes maps to
	 * an empty list.
	 */
	public Map<Long, List<Event>> events(Collection<Long> jobIds) {
		Map<Long, List<Event>> byJob = new LinkedHashMap<>();
		jobIds.forEach(id -> byJob.put(id, new ArrayList<>()));
		if (jobIds.isEmpty()) {
			return byJob;
		}
		String marks = jobIds.stream().map(id -> "?").collect(Collectors.joining(", "));
		jdbc.query("SELECT job_id, at, actor, from_state, to_state, note FROM build_job_event WHERE job_id IN (" + marks
				+ ") ORDER BY job_id, id", rs -> {
					Event event = new Event(rs.getLong(1), instant(rs, 2), rs.getString(3), state(rs.getString(4)),
							state(rs.getString(5)), rs.getString(6));
					byJob.get(event.jobId()).add(event);
				}, jobIds.toArray());
		return byJob;
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getString("image_key"), rs.getString("arch"), rs.getString("docker_host"),
				state(rs.getString("state")), rs.getInt("attempts"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("failure_category"),
				rs.getString("failure_reason"), rs.getString("wait_reason"));
	}

	private static BuildState state(String name) {
		return name == null ? null : BuildState.valueOf(name);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
