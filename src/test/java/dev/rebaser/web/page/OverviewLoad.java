package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.queue.BuildState;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.TargetArchitectures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's pages over real HTTP with a realistic build history in a real database:
 * 5,000 jobs with three state changes each, spread over every catalog image and
 * architecture. Reports the median and 95th percentile of many requests after a warm-up;
 * it asserts what the pages show, never how fast they were, since the figures depend on
 * the machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OverviewLoad {

	static final int JOBS = 5_000;

	static final int WARM_UP = 100;

	static final int MEASURED = 500;

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final BuildState[] ENDS = { BuildState.BUILT, BuildState.FAILED, BuildState.UP_TO_DATE,
			BuildState.CANCELLED, BuildState.BUILT };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CurrentCatalog catalog;

	@Autowired
	TargetArchitectures arches;

	private final HttpClient http = HttpClient.newHttpClient();

	abstract String database();

	@BeforeAll
	void fillTheBuildTables() {
		jdbc.update("DELETE FROM build_job_event");
		jdbc.update("DELETE FROM build_job");
		List<String> images = catalog.get().images().stream().map(image -> image.id()).toList();
		List<String> archList = arches.all();
		List<Object[]> jobs = new ArrayList<>();
		for (int i = 0; i < JOBS; i++) {
			Instant created = T0.plusSeconds(60L * i);
			BuildState state = ENDS[i % ENDS.length];
			jobs.add(new Object[] { images.get(i % images.size()), archList.get(i / images.size() % archList.size()),
					"tcp://builder-" + i % 3 + ":2375", state.name(), 1, Timestamp.from(created),
					Timestamp.from(created.plusSeconds(20)), Timestamp.from(created.plusSeconds(20 + i % 600)) });
		}
		jdbc.batchUpdate(
				"""
						INSERT INTO build_job (image_key, arch, docker_host, state, attempts, created_at, started_at, finished_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				jobs);
		List<Long> ids = jdbc.queryForList("SELECT id FROM build_job ORDER BY id", Long.class);
		List<Object[]> events = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Instant created = T0.plusSeconds(60L * i);
			long id = ids.get(i);
			events.add(new Object[] { id, Timestamp.from(created), "user:operator", null, "NEEDS_BUILD", "queued" });
			events.add(new Object[] { id, Timestamp.from(created.plusSeconds(20)), "scheduler@load", "NEEDS_BUILD",
					"BUILDING", "attempt 1 of 3" });
			events.add(new Object[] { id, Timestamp.from(created.plusSeconds(20 + i % 600)), "scheduler@load",
					"BUILDING", ENDS[i % ENDS.length].name(), "done" });
		}
		jdbc.batchUpdate(
				"INSERT INTO build_job_event (job_id, at, actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
				events);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM build_job", Long.class)).isEqualTo(JOBS);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Milliseconds per request, sorted; checks every answer. */
	private double[] measure(String path, String mustContain) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			assertThat(get(path).statusCode()).isEqualTo(200);
		}
		double[] millis = new double[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(path);
			millis[i] = (System.nanoTime() - start) / 1e6;
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains(mustContain);
		}
		Arrays.sort(millis);
		return millis;
	}

	private void report(String path, double[] millis) throws IOException {
		String line = String.format(
				"%s %-28s %,d jobs: median %.1f ms, p95 %.1f ms, max %.1f ms over %d requests"
						+ " (after %d warm-up)%n",
				database(), path, JOBS, percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1],
				MEASURED, WARM_UP);
		System.out.print(line);
		Path file = Path.of("target", "overview-load.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	static double percentile(double[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	@Test
	void overview() throws Exception {
		HttpResponse<String> page = get("/");
		// the newest of the agnhost/mips64le jobs is in the grid with its state and a
		// link to it
		Long newest = jdbc.queryForObject(
				"SELECT MAX(id) FROM build_job WHERE image_key = 'agnhost' AND arch = 'mips64le'", Long.class);
		assertThat(page.body()).contains("href=\"/builds/" + newest + "\"");
		assertThat(page.body()).doesNotContain("class=\"cell state-NONE\"");
		report("/", measure("/", "Build overview"));
		report("/?fragment=grid", measure("/?fragment=grid", "board-grid"));
	}

	@Test
	void imagePageWithItsHistory() throws Exception {
		report("/images/agnhost", measure("/images/agnhost", "Build history"));
	}

	@Test
	void buildPage() throws Exception {
		Long newest = jdbc.queryForObject("SELECT MAX(id) FROM build_job", Long.class);
		report("/builds/{id}", measure("/builds/" + newest, "scheduler@load"));
	}

}
