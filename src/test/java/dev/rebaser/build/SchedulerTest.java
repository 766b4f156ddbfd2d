package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.docker.WrongArchitectureException;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.FailureCategory;
import dev.rebaser.build.queue.QueueTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SchedulerTest extends QueueTestSupport {

	static final String USER = "user:test";

	final FakeExecutor executor = new FakeExecutor();

	Scheduler scheduler;

	Scheduler start(int concurrency) {
		scheduler = new Scheduler(queue(), new BuildLog(jdbc), List.of(new BuildHost(HOST, concurrency, executor)),
				"node-a", Clock.systemUTC());
		scheduler.start(Duration.ofMillis(20));
		return scheduler;
	}

	@AfterEach
	void stop() {
		if (scheduler != null) {
			scheduler.close();
		}
	}

	@Test
	void buildsInDependencyOrderAndNoMoreAtOnceThanTheHostAllows() {
		// long enough that the two builds of one round overlap even on a busy machine
		executor.buildTime = Duration.ofMillis(400);
		List<BuildJob> queued = queue().enqueue(List.of(image("leaf", "a1", "a2"), image("a1", "base"),
				image("a2", "base"), image("a3", "base"), image("base")), ARCH, false, USER);
		start(2);

		awaitStates(queued, BuildState.BUILT);

		List<String> order = executor.built;
		assertThat(order).hasSize(5).startsWith(key("base"));
		assertThat(order.indexOf(key("leaf"))).isGreaterThan(order.indexOf(key("a1")))
			.isGreaterThan(order.indexOf(key("a2")));
		assertThat(executor.mostAtOnce.get()).isEqualTo(2);
		assertThat(queue().job(queued.get(0).getId()).getImageId()).startsWith("sha256:" + key("leaf"));
	}

	@Test
	void cancellingABuildingJobStopsItsBuildAndFreesTheSlot() {
		executor.buildTime = Duration.ofMinutes(5);
		BuildJob slow = queue().enqueue(List.of(image("slow")), ARCH, false, USER).get(0);
		start(1);
		awaitStates(List.of(slow), BuildState.BUILDING);
		awaitUntil(() -> executor.running.get() == 1);

		queue().cancel(slow.getId(), USER);
		awaitUntil(() -> executor.running.get() == 0);

		assertThat(queue().job(slow.getId()).getState()).isEqualTo(BuildState.CANCELLED);
		assertThat(new BuildLog(jdbc).readAll(slow.getId())).contains("build stopped: the job is CANCELLED now");
		executor.buildTime = Duration.ofMillis(5);
		BuildJob next = queue().enqueue(List.of(image("next")), ARCH, false, USER).get(0);
		awaitStates(List.of(next), BuildState.BUILT);
		assertThat(executor.built).containsExactly(key("next"));
	}

	@Test
	void anUnchangedImageTheDaemonStillHasIsUpToDateWithoutABuild() {
		executor.digests.put(key("agnhost"), "sha256:inputs-1");
		BuildJob first = queue().enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0);
		start(1);
		first = awaitStates(List.of(first), BuildState.BUILT).get(0);
		assertThat(first.getInputDigest()).isEqualTo("sha256:inputs-1");

		BuildJob second = queue().enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0);
		second = awaitStates(List.of(second), BuildState.UP_TO_DATE).get(0);
		assertThat(second.getImageId()).isEqualTo(first.getImageId());
		assertThat(executor.built).hasSize(1);
		assertThat(new BuildLog(jdbc).readAll(second.getId())).contains("nothing built");

		BuildJob forced = queue().enqueue(List.of(image("agnhost")), ARCH, true, USER).get(0);
		awaitStates(List.of(forced), BuildState.BUILT);
		assertThat(executor.built).hasSize(2);

		executor.digests.put(key("agnhost"), "sha256:inputs-2");
		awaitStates(queue().enqueue(List.of(image("agnhost")), ARCH, false, USER), BuildState.BUILT);
		assertThat(executor.built).hasSize(3);

		executor.images.clear();
		awaitStates(queue().enqueue(List.of(image("agnhost")), ARCH, false, USER), BuildState.BUILT);
		assertThat(executor.built).as("the image is gone from the daemon, so it is built again").hasSize(4);
	}

	@Test
	void whileTheDaemonIsUnreachableJobsWaitAndHealthIsDownThenTheyAreBuilt() throws Exception {
		executor.unreachable = "connect to /run/nothing.sock: no such file";
		List<BuildJob> queued = queue().enqueue(List.of(image("one"), image("two")), ARCH, false, USER);
		DockerHealthIndicator health = new DockerHealthIndicator(
				new StaticListableBeanFactory(Map.of("scheduler", start(2))).getBeanProvider(Scheduler.class));

		Thread.sleep(300);
		for (BuildJob job : queued) {
			BuildJob now = queue().job(job.getId());
			assertThat(now.getState()).isEqualTo(BuildState.NEEDS_BUILD);
			assertThat(now.getAttempts()).isZero();
		}
		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails().get(HOST)).isInstanceOfSatisfying(HostStatus.class,
				status -> assertThat(status.reason()).contains("no such file"));

		executor.unreachable = null;
		awaitStates(queued, BuildState.BUILT);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aDaemonLostDuringTheBuildReturnsTheJobWithoutUsingAnAttempt() {
		executor.failure = job -> {
			executor.unreachable = "daemon stopped";
			executor.failure = j -> null;
			return new BuildFailedException("", "the build stream broke: connection reset");
		};
		BuildJob job = queue().enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0);
		start(1);

		awaitUntil(() -> queue().history(job.getId())
			.stream()
			.anyMatch(e -> e.getNote() != null && e.getNote().startsWith("DOCKER_UNAVAILABLE")));
		assertThat(queue().job(job.getId()).getState()).isEqualTo(BuildState.NEEDS_BUILD);

		executor.unreachable = null;
		BuildJob built = awaitStates(List.of(job), BuildState.BUILT).get(0);
		assertThat(built.getAttempts()).isOne();
		assertThat(new BuildLog(jdbc).readAll(job.getId())).contains("back to the queue: the Docker daemon went away");
	}

	@Test
	void failuresAreCategorisedAndRetriedOnlyWhenThatCanHelp() {
		executor.failure = job -> job.getImageKey().endsWith("wrong")
				? new WrongArchitectureException("", "the image was built for amd64, not mips64le")
				: new BuildFailedException("", "The command '/bin/sh -c false' returned a non-zero code: 1");
		List<BuildJob> queued = queue().enqueue(List.of(image("wrong"), image("broken")), ARCH, false, USER);
		start(1);

		List<BuildJob> done = awaitStates(queued, BuildState.FAILED);

		assertThat(done.get(0).getFailureCategory()).isEqualTo(FailureCategory.WRONG_ARCH);
		assertThat(done.get(0).getAttempts()).isOne();
		assertThat(done.get(1).getFailureCategory()).isEqualTo(FailureCategory.BUILD_FAILED);
		assertThat(done.get(1).getAttempts()).isEqualTo(3);
		assertThat(new BuildLog(jdbc).readAll(done.get(1).getId())).contains("=== attempt 1 of 3", "=== attempt 3 of 3",
				"building " + key("broken"), "non-zero code: 1");
	}

	List<BuildJob> awaitStates(List<BuildJob> jobs, BuildState... states) {
		awaitUntil(() -> jobs.stream()
			.allMatch(job -> Arrays.asList(states).contains(queue().job(job.getId()).getState())));
		return jobs.stream().map(job -> queue().job(job.getId())).toList();
	}

	static void awaitUntil(java.util.function.BooleanSupplier condition) {
		awaitUntil(condition, Duration.ofSeconds(20));
	}

	static void awaitUntil(java.util.function.BooleanSupplier condition, Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not reached within " + limit);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				throw new AssertionError(e);
			}
		}
	}

}
