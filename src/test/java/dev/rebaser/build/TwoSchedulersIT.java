package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.LogSink;
import dev.rebaser.build.queue.QueuedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Rebaser instances on one PostgreSQL, each with its own scheduler, build threads and
 * connection pool, work through 200 jobs: every job is built exactly once, by the
 * instance the database says claimed it, and children after their parents.
 */
class TwoSchedulersIT {

	static final String HOST = "unix:///var/run/docker.sock";
	static final int JOBS = 200;

	record Build(long jobId, String instance, String imageKey) {
	}

	static final class RecordingExecutor implements BuildExecutor {

		final String instance;

		final ConcurrentLinkedQueue<Build> builds;

		RecordingExecutor(String instance, ConcurrentLinkedQueue<Build> builds) {
			this.instance = instance;
			this.builds = builds;
		}

		@Override
		public BuildOutcome build(BuildJob job, LogSink log) {
			builds.add(new Build(job.getId(), instance, job.getImageKey()));
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return new BuildOutcome("sha256:" + job.getId(), "", job.getArch(), Duration.ofMillis(5));
		}

	}

	@Test
	void twoInstancesBuildEveryJobExactlyOnce() throws Exception {
		ConcurrentLinkedQueue<Build> builds = new ConcurrentLinkedQueue<>();
		try (PostgresSchema schema = new PostgresSchema();
				ConfigurableApplicationContext a = schema.start("node-a", false);
				ConfigurableApplicationContext b = schema.start("node-b", false)) {
			List<QueuedImage> images = new ArrayList<>();
			for (int i = 0; i < JOBS; i++) {
				// every tenth image is built on the one before it
				images.add(i % 10 == 9 ? QueuedImage.of("img-" + i, "r/img-" + i, "img-" + (i - 1))
						: QueuedImage.of("img-" + i, "r/img-" + i));
			}
			a.getBean(BuildQueue.class).enqueue(images, "mips64le", false, "user:it");

			try (Scheduler onA = scheduler(a, "node-a", builds); Scheduler onB = scheduler(b, "node-b", builds)) {
				onA.start(Duration.ofMillis(10));
				onB.start(Duration.ofMillis(10));
				JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
				SchedulerTest.awaitUntil(() -> jdbc
					.queryForObject("SELECT COUNT(*) FROM build_job WHERE state = 'BUILT'", Integer.class) == JOBS,
						Duration.ofMinutes(3));
			}

			List<Build> all = new ArrayList<>(builds);
			assertThat(all).hasSize(JOBS);
			assertThat(all.stream().map(Build::jobId).collect(Collectors.toSet())).hasSize(JOBS);
			Map<String, Long> perInstance = all.stream()
				.collect(Collectors.groupingBy(Build::instance, Collectors.counting()));
			assertThat(perInstance).containsOnlyKeys("node-a", "node-b");

			JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
			Map<Long, String> claimedBy = jdbc.query("SELECT id, claimed_by FROM build_job", rs -> {
				Map<Long, String> m = new java.util.HashMap<>();
				while (rs.next()) {
					m.put(rs.getLong(1), rs.getString(2));
				}
				return m;
			});
			for (Build build : all) {
				assertThat(claimedBy.get(build.jobId())).as("job " + build.jobId()).isEqualTo(build.instance());
			}
			assertThat(jdbc.queryForList("SELECT job_id FROM build_job_event WHERE to_state = 'BUILDING'"
					+ " GROUP BY job_id HAVING COUNT(*) > 1", Long.class))
				.as("jobs claimed twice")
				.isEmpty();

			List<String> order = all.stream().map(Build::imageKey).toList();
			for (int i = 9; i < JOBS; i += 10) {
				assertThat(order.indexOf("img-" + i)).as("img-" + i + " after its parent")
					.isGreaterThan(order.indexOf("img-" + (i - 1)));
			}
			System.out.println("TwoSchedulersIT: builds per instance " + perInstance);
		}
	}

	static Scheduler scheduler(ConfigurableApplicationContext context, String instance,
			ConcurrentLinkedQueue<Build> builds) {
		return new Scheduler(context.getBean(BuildQueue.class), context.getBean(BuildLog.class),
				List.of(new BuildHost(HOST, 4, new RecordingExecutor(instance, builds))), instance, Clock.systemUTC());
	}

}
