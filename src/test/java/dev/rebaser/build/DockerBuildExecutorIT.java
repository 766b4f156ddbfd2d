package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.build.base.BaseImageIT;
import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildJobEvent;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.QueueTestSupport;
import dev.rebaser.build.queue.QueuedImage;
import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a two-image chain for mips64le on the real daemon (scripts/start-docker) through
 * the scheduler: the child, built FROM the parent's tag, waits for the parent, and a
 * second round with unchanged inputs builds nothing.
 */
class DockerBuildExecutorIT extends QueueTestSupport {

	static final String PARENT_TAG = "rebaser-it/chain-parent:1.0-linux-mips64le";
	static final String CHILD_TAG = "rebaser-it/chain-child:1.0-linux-mips64le";

	static DockerClient docker;

	/**
	 * The chain's contexts from src/test/resources/build/chain, as the catalog would
	 * supply them.
	 */
	final ContextSource chain = new ContextSource() {

		@Override
		public BuildContext contextFor(BuildJob job) {
			try {
				return ContextDirectory.read(Path.of("src/test/resources/build/chain", name(job)),
						ArchiveLimits.defaults());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public Map<String, String> buildArgs(BuildJob job) {
			return name(job).equals("child") ? Map.of("BASEIMAGE", PARENT_TAG) : Map.of();
		}

		@Override
		public List<String> baseImages(BuildJob job) {
			return List.of(name(job).equals("child") ? PARENT_TAG : "debian:bookworm-slim");
		}

		String name(BuildJob job) {
			return job.getImageKey().substring(prefix.length());
		}
	};

	@BeforeAll
	static void connect() {
		docker = DockerClients.connect(DockerHost.local());
		assertThat(docker.inspectImageCmd("debian:bookworm-slim").exec().getArch())
			.as("the mips64le base BaseImageIT bootstraps")
			.isEqualTo("mips64le");
	}

	@AfterAll
	static void removeImages() {
		for (String tag : List.of(CHILD_TAG, PARENT_TAG)) {
			try {
				docker.removeImageCmd(tag).withForce(true).exec();
			}
			catch (NotFoundException e) {
				// not built
			}
		}
	}

	@Test
	void buildsTheChainInDependencyOrderThenFindsItUpToDate() {
		BuildLog logs = new BuildLog(jdbc);
		List<QueuedImage> images = List.of(QueuedImage.of(key("child"), CHILD_TAG, key("parent")),
				QueuedImage.of(key("parent"), PARENT_TAG));
		BuildQueue queue = queue();
		List<BuildJob> first = queue.enqueue(images, ARCH, false, "user:it");
		AtomicBoolean sawLogWhileBuilding = new AtomicBoolean();

		try (Scheduler scheduler = new Scheduler(queue, logs,
				List.of(new BuildHost(HOST, 2, new DockerBuildExecutor(DockerHost.local(), chain))), "it",
				Clock.systemUTC())) {
			scheduler.start(Duration.ofMillis(100));
			SchedulerTest.awaitUntil(() -> {
				for (BuildJob job : first) {
					if (queue.job(job.getId()).getState() == BuildState.BUILDING
							&& logs.readAll(job.getId()).contains("Step 1/")) {
						sawLogWhileBuilding.set(true);
					}
				}
				return first.stream().allMatch(job -> !queue.job(job.getId()).getState().isActive());
			}, Duration.ofMinutes(10));

			BuildJob child = queue.job(first.get(0).getId());
			BuildJob parent = queue.job(first.get(1).getId());
			assertThat(parent.getState()).as(logs.readAll(parent.getId())).isEqualTo(BuildState.BUILT);
			assertThat(child.getState()).as(logs.readAll(child.getId())).isEqualTo(BuildState.BUILT);
			assertThat(child.getStartedAt()).isAfterOrEqualTo(parent.getFinishedAt());
			assertThat(queue.history(child.getId())).extracting(BuildJobEvent::getToState)
				.containsExactly(BuildState.DEP_WAIT, BuildState.NEEDS_BUILD, BuildState.BUILDING, BuildState.BUILT);
			assertThat(sawLogWhileBuilding).as("the log was readable while the build ran").isTrue();

			assertThat(docker.inspectImageCmd(PARENT_TAG).exec().getId()).isEqualTo(parent.getImageId());
			assertThat(docker.inspectImageCmd(CHILD_TAG).exec().getId()).isEqualTo(child.getImageId());
			assertThat(docker.inspectImageCmd(CHILD_TAG).exec().getArch()).isEqualTo("mips64le");
			// the classic builder prints FROM unexpanded, so the layers show the child is
			// built on the parent
			assertThat(docker.inspectImageCmd(CHILD_TAG).exec().getRootFS().getLayers())
				.startsWith(docker.inspectImageCmd(PARENT_TAG).exec().getRootFS().getLayers().toArray(String[]::new));
			SmokeResult saw = new SmokeRun(docker).run(CHILD_TAG, "cat", "/child-saw");
			assertThat(saw.output().strip()).isEqualTo("mips64");

			List<BuildJob> second = queue.enqueue(images, ARCH, false, "user:it");
			SchedulerTest.awaitUntil(
					() -> second.stream().allMatch(job -> !queue.job(job.getId()).getState().isActive()),
					Duration.ofMinutes(5));
			for (int i = 0; i < 2; i++) {
				BuildJob again = queue.job(second.get(i).getId());
				assertThat(again.getState()).isEqualTo(BuildState.UP_TO_DATE);
				assertThat(again.getImageId()).isEqualTo(queue.job(first.get(i).getId()).getImageId());
				assertThat(logs.readAll(again.getId())).contains("nothing built").doesNotContain("Step 1/");
			}
		}
	}

}
