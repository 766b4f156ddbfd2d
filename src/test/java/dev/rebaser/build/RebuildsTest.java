package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.rewriting.TargetChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Queuing the bundled example catalog on a real (embedded) database with the real queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:rebuilds-test;DB_CLOSE_DELAY=-1", "rebaser.scheduler.enabled=false" })
class RebuildsTest {

	@Autowired
	Rebuilds rebuilds;

	@Autowired
	BuildQueue queue;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyQueue() {
		jdbc.update("DELETE FROM build_job");
	}

	@Test
	void everythingIsQueuedParentsBeforeChildrenAndTheLongestChainsAreClaimedFirst() {
		List<BuildJob> jobs = rebuilds.start(List.of(), "mips64le", false, "test");

		assertThat(jobs).extracting(BuildJob::getImageKey)
			.containsExactly("agnhost", "dnsutils", "echoserver", "httpd", "volume-static", "kitten", "nautilus",
					"sample-frontend");
		assertThat(jobs).filteredOn(job -> job.getParentKeys().isEmpty())
			.extracting(BuildJob::getState)
			.containsOnly(BuildState.NEEDS_BUILD);
		assertThat(jobs).filteredOn(job -> !job.getParentKeys().isEmpty())
			.extracting(BuildJob::getState)
			.containsOnly(BuildState.DEP_WAIT);
		// never built: a minute each, so the roots of two-image chains come before single
		// images
		assertThat(jobs).filteredOn(job -> job.getImageKey().equals("agnhost"))
			.extracting(BuildJob::getPriority)
			.containsExactly(2 * (int) Rebuilds.UNKNOWN_BUILD_SECONDS);
		List<String> claimed = new ArrayList<>();
		for (Optional<BuildJob> job = queue.claim("h", "a"); job.isPresent(); job = queue.claim("h", "a")) {
			claimed.add(job.get().getImageKey());
		}
		assertThat(claimed).containsExactly("agnhost", "httpd", "dnsutils", "echoserver", "volume-static");
	}

	@Test
	void aRequestedImageBringsTheAncestorsItStillNeedsAndNothingElse() {
		List<BuildJob> jobs = rebuilds.start(List.of("kitten"), "mips64le", false, "test");
		assertThat(jobs).extracting(BuildJob::getImageKey).containsExactly("agnhost", "kitten");

		assertThat(rebuilds.start(List.of("kitten"), "mips64le", false, "test"))
			.as("jobs still waiting are kept, not queued twice")
			.extracting(BuildJob::getId)
			.containsExactlyElementsOf(jobs.stream().map(BuildJob::getId).toList());
	}

	@Test
	void anUnknownImageOrArchIsRefusedBeforeAnythingIsQueued() {
		assertThatThrownBy(() -> rebuilds.start(List.of("kitten", "nope"), "mips64le", false, "test"))
			.isInstanceOf(Rebuilds.UnknownImageException.class)
			.hasMessageContaining("nope");
		assertThatThrownBy(() -> rebuilds.start(List.of(), "vax", false, "test"))
			.isInstanceOf(TargetChoice.UnknownTargetException.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM build_job", Integer.class)).isZero();
	}

}
