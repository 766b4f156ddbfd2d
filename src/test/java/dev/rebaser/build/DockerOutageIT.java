package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.docker.DockerClients;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.QueueTestSupport;
import dev.rebaser.build.queue.QueuedImage;
import dev.rebaser.context.BuildContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;

/**
 * The scheduler's daemon socket is a link that first points where nothing listens, then
 * at the real daemon: jobs wait unharmed while it is away, health says DOWN with the
 * reason, and they are built when the daemon answers again.
 */
class DockerOutageIT extends QueueTestSupport {

	@Test
	void jobsWaitWhileTheDaemonIsAwayAndAreBuiltWhenItReturns() throws Exception {
		Path folder = Files.createTempDirectory("rebaser-outage");
		Path socket = folder.resolve("docker.sock");
		Files.createSymbolicLink(socket, folder.resolve("nothing-listens-here.sock"));
		ContextSource label = new ContextSource() {
			@Override
			public BuildContext contextFor(BuildJob job) {
				return new BuildContext().putText("Dockerfile",
						"FROM debian:bookworm-slim\nLABEL rebaser.outage=\"" + job.getImageKey() + "\"\n");
			}
		};
		List<BuildJob> queued = queue().enqueue(List.of(QueuedImage.of(key("a"), "rebaser-it/outage-a:1"),
				QueuedImage.of(key("b"), "rebaser-it/outage-b:1")), ARCH, false, "user:it");
		DockerHost host = DockerHost.of(URI.create("unix://" + socket));

		try (Scheduler scheduler = new Scheduler(queue(), new BuildLog(jdbc),
				List.of(new BuildHost(host.uri().toString(), 2, new DockerBuildExecutor(host, label))), "it",
				Clock.systemUTC())) {
			DockerHealthIndicator health = new DockerHealthIndicator(
					new StaticListableBeanFactory(Map.of("scheduler", scheduler)).getBeanProvider(Scheduler.class));
			scheduler.start(Duration.ofMillis(50));
			Thread.sleep(1500);

			for (BuildJob job : queued) {
				BuildJob now = queue().job(job.getId());
				assertThat(now.getState()).isEqualTo(BuildState.NEEDS_BUILD);
				assertThat(now.getAttempts()).isZero();
			}
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(scheduler.hostStatuses().get(0).reason()).contains("no Docker daemon answers");

			Files.delete(socket);
			Files.createSymbolicLink(socket, Path.of("/var/run/docker.sock"));
			SchedulerTest.awaitUntil(
					() -> queued.stream().allMatch(job -> queue().job(job.getId()).getState() == BuildState.BUILT),
					Duration.ofMinutes(2));
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			Files.deleteIfExists(socket);
			Files.deleteIfExists(folder);
			var docker = DockerClients.connect(DockerHost.local());
			for (String tag : List.of("rebaser-it/outage-a:1", "rebaser-it/outage-b:1")) {
				try {
					docker.removeImageCmd(tag).withForce(true).exec();
				}
				catch (RuntimeException e) {
					// not built
				}
			}
		}
	}

}
