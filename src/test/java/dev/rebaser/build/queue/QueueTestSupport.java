package dev.rebaser.build.queue;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The queue on the embedded H2 database, with the real migrations. Every test starts from
 * an empty queue, since a claim takes any job of the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:build-queue-test;DB_CLOSE_DELAY=-1", "rebaser.scheduler.enabled=false" })
public abstract class QueueTestSupport {

	public static final String ARCH = "mips64le";

	public static final String HOST = "unix:///var/run/docker.sock";

	@Autowired
	BuildJobRepository jobs;

	@Autowired
	BuildJobEventRepository events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	protected JdbcTemplate jdbc;

	protected final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";

	@BeforeEach
	public void emptyQueue() {
		for (String table : new String[] { "build_log_chunk", "build_job_event", "build_job_parent", "build_job" }) {
			jdbc.update("DELETE FROM " + table);
		}
	}

	public BuildQueue queue() {
		return new BuildQueue(jobs, events, transactions, Clock.systemUTC());
	}

	public String key(String name) {
		return prefix + name;
	}

	public QueuedImage image(String name, String... parents) {
		String[] parentKeys = new String[parents.length];
		for (int i = 0; i < parents.length; i++) {
			parentKeys[i] = key(parents[i]);
		}
		return QueuedImage.of(key(name), "rebaser.test/" + key(name) + ":1.0-linux-" + ARCH, parentKeys);
	}

}
