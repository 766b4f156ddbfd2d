package dev.rebaser.build.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildQueueTest extends QueueTestSupport {

	static final String USER = "user:alice";

	@Test
	void enqueueWaitsForParentsQueuedInTheSameCallWhateverTheOrder() {
		BuildQueue queue = queue();
		List<BuildJob> queued = queue
			.enqueue(List.of(image("kitten", "agnhost"), image("agnhost", "base"), image("base")), ARCH, false, USER);

		assertThat(queued).extracting(BuildJob::getState)
			.containsExactly(BuildState.DEP_WAIT, BuildState.DEP_WAIT, BuildState.NEEDS_BUILD);
		assertThat(queued.get(0).getWaitReason()).isEqualTo("waiting for " + key("agnhost"));
		assertThat(queued.get(0).getParentKeys()).containsExactly(key("agnhost"));
		assertThat(queue.history(queued.get(2).getId())).singleElement().satisfies(event -> {
			assertThat(event.getActor()).isEqualTo(USER);
			assertThat(event.getFromState()).isNull();
			assertThat(event.getToState()).isEqualTo(BuildState.NEEDS_BUILD);
		});
	}

	@Test
	void aParentWithoutAnyJobKeepsTheChildWaiting() {
		BuildJob orphan = queue().enqueue(List.of(image("kitten", "never-queued")), ARCH, false, USER).get(0);

		assertThat(orphan.getState()).isEqualTo(BuildState.DEP_WAIT);
		assertThat(orphan.getWaitReason()).contains(key("never-queued") + " has no build for mips64le");
	}

	@Test
	void anImageWithAnActiveJobIsNotQueuedTwice() {
		BuildQueue queue = queue();
		BuildJob first = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0);
		BuildJob again = queue.enqueue(List.of(image("agnhost")), ARCH, true, USER).get(0);

		assertThat(again.getId()).isEqualTo(first.getId());
		assertThat(jobs.findByImageKeyAndArchOrderByIdDesc(key("agnhost"), ARCH)).hasSize(1);
		// another architecture is another job
		assertThat(queue.enqueue(List.of(image("agnhost")), "arm64", false, USER).get(0).getId())
			.isNotEqualTo(first.getId());
	}

	@Test
	void anImageTheCatalogCannotBuildIsUnresolvable() {
		QueuedImage unresolvable = new QueuedImage(key("php"), Set.of(), "php:5-apache", 0,
				"base image php:5-apache has no mips64le mapping");
		BuildJob job = queue().enqueue(List.of(unresolvable), ARCH, false, USER).get(0);

		assertThat(job.getState()).isEqualTo(BuildState.UNRESOLVABLE);
		assertThat(job.getWaitReason()).contains("no mips64le mapping");
		assertThat(queue().claim(HOST, "a")).isEmpty();
	}

	@Test
	void claimMarksTheJobBuildingByTheInstanceWithAHistoryEntry() {
		BuildQueue queue = queue();
		BuildJob queued = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0);

		BuildJob claimed = queue.claim(HOST, "node-a").orElseThrow();

		assertThat(claimed.getId()).isEqualTo(queued.getId());
		assertThat(claimed.getState()).isEqualTo(BuildState.BUILDING);
		assertThat(claimed.getClaimedBy()).isEqualTo("node-a");
		assertThat(claimed.getDockerHost()).isEqualTo(HOST);
		assertThat(claimed.getAttempts()).isEqualTo(1);
		assertThat(claimed.getStartedAt()).isNotNull();
		assertThat(queue.history(claimed.getId())).last().satisfies(event -> {
			assertThat(event.getActor()).isEqualTo("scheduler@node-a");
			assertThat(event.getFromState()).isEqualTo(BuildState.NEEDS_BUILD);
			assertThat(event.getToState()).isEqualTo(BuildState.BUILDING);
		});
		assertThat(queue.claim(HOST, "node-b")).as("nothing else to claim").isEmpty();
	}

	@Test
	void claimTakesHigherPriorityFirstThenOlder() {
		BuildQueue queue = queue();
		queue.enqueue(
				List.of(image("first"), image("second"), new QueuedImage(key("urgent"), Set.of(), "urgent:1", 5, null)),
				ARCH, false, USER);

		assertThat(queue.claim(HOST, "a").orElseThrow().getImageKey()).isEqualTo(key("urgent"));
		assertThat(queue.claim(HOST, "a").orElseThrow().getImageKey()).isEqualTo(key("first"));
		assertThat(queue.claim(HOST, "a").orElseThrow().getImageKey()).isEqualTo(key("second"));
	}

	@Test
	void aJobGivenBackToAHostIsOnlyClaimedForThatHost() {
		BuildQueue queue = queue();
		queue.enqueue(List.of(image("agnhost")), ARCH, false, USER);
		BuildJob claimed = queue.claim("tcp://mips-box:2376", "a").orElseThrow();
		queue.giveBack(claimed.getId(), USER, "host busy");

		assertThat(queue.claim(HOST, "a")).isEmpty();
		assertThat(queue.claim("tcp://mips-box:2376", "a")).isPresent();
	}

	@Test
	void builtParentsPromoteTheirChildrenOneGenerationAtATime() {
		BuildQueue queue = queue();
		List<BuildJob> queued = queue
			.enqueue(List.of(image("base"), image("agnhost", "base"), image("kitten", "agnhost")), ARCH, false, USER);
		BuildJob base = queue.claim(HOST, "a").orElseThrow();
		assertThat(queue.promoteWaiting("scheduler@a")).isZero();

		queue.markBuilt(base.getId(), "a", "sha256:base", "built");
		assertThat(queue.promoteWaiting("scheduler@a")).isOne();

		assertThat(queue.job(queued.get(1).getId()).getState()).isEqualTo(BuildState.NEEDS_BUILD);
		assertThat(queue.job(queued.get(2).getId()).getState()).isEqualTo(BuildState.DEP_WAIT);
		assertThat(queue.history(queued.get(1).getId())).last().satisfies(event -> {
			assertThat(event.getFromState()).isEqualTo(BuildState.DEP_WAIT);
			assertThat(event.getToState()).isEqualTo(BuildState.NEEDS_BUILD);
			assertThat(event.getNote()).isEqualTo("parents built");
		});
		assertThat(queue.claim(HOST, "a").orElseThrow().getImageKey()).isEqualTo(key("agnhost"));
	}

	@Test
	void aFailedParentLeavesTheChildWaitingWithANoteUntilTheParentIsRetriedAndBuilt() {
		BuildQueue queue = queue();
		List<BuildJob> queued = queue.enqueue(List.of(image("agnhost"), image("kitten", "agnhost")), ARCH, false, USER);
		BuildJob agnhost = queue.claim(HOST, "a").orElseThrow();
		queue.markFailed(agnhost.getId(), "a", FailureCategory.WRONG_ARCH, "built for amd64");
		queue.promoteWaiting("scheduler@a");

		BuildJob kitten = queue.job(queued.get(1).getId());
		assertThat(kitten.getState()).isEqualTo(BuildState.DEP_WAIT);
		assertThat(kitten.getWaitReason()).isEqualTo(key("agnhost") + " is FAILED and must be retried first");
		assertThat(queue.history(kitten.getId())).last().satisfies(event -> {
			assertThat(event.getFromState()).isEqualTo(BuildState.DEP_WAIT);
			assertThat(event.getToState()).isEqualTo(BuildState.DEP_WAIT);
			assertThat(event.getNote()).contains("FAILED");
		});
		int historyLength = queue.history(kitten.getId()).size();
		queue.promoteWaiting("scheduler@a");
		assertThat(queue.history(kitten.getId())).as("an unchanged reason is noted once").hasSize(historyLength);

		BuildJob retried = queue.retry(agnhost.getId(), USER);
		assertThat(retried.getState()).isEqualTo(BuildState.NEEDS_BUILD);
		assertThat(retried.getAttempts()).isZero();
		queue.markBuilt(queue.claim(HOST, "a").orElseThrow().getId(), "a", "sha256:agnhost", "built");
		queue.promoteWaiting("scheduler@a");
		assertThat(queue.job(kitten.getId()).getState()).isEqualTo(BuildState.NEEDS_BUILD);
	}

	@Test
	void aNewerWaitingJobOfTheParentHoldsTheChildBackEvenAfterAnOlderBuild() {
		BuildQueue queue = queue();
		queue.enqueue(List.of(image("agnhost")), ARCH, false, USER);
		queue.markBuilt(queue.claim(HOST, "a").orElseThrow().getId(), "a", "sha256:old", "built");
		queue.enqueue(List.of(image("agnhost")), ARCH, true, USER);

		BuildJob kitten = queue.enqueue(List.of(image("kitten", "agnhost")), ARCH, false, USER).get(0);

		assertThat(kitten.getState()).isEqualTo(BuildState.DEP_WAIT);
	}

	@Test
	void buildFailuresAreRetriedUpToTheLimitThenFail() {
		BuildQueue queue = queue();
		long id = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0).getId();

		for (int attempt = 1; attempt < BuildQueue.DEFAULT_MAX_ATTEMPTS; attempt++) {
			queue.claim(HOST, "a").orElseThrow();
			BuildJob again = queue.markFailed(id, "a", FailureCategory.BUILD_FAILED, "apt-get exited 100");
			assertThat(again.getState()).isEqualTo(BuildState.NEEDS_BUILD);
			assertThat(again.getAttempts()).isEqualTo(attempt);
			assertThat(again.getFailureReason()).isEqualTo("apt-get exited 100");
		}
		queue.claim(HOST, "a").orElseThrow();
		BuildJob failed = queue.markFailed(id, "a", FailureCategory.BUILD_FAILED, "apt-get exited 100");

		assertThat(failed.getState()).isEqualTo(BuildState.FAILED);
		assertThat(failed.getAttempts()).isEqualTo(BuildQueue.DEFAULT_MAX_ATTEMPTS);
		assertThat(failed.getFailureCategory()).isEqualTo(FailureCategory.BUILD_FAILED);
		assertThat(queue.claim(HOST, "a")).isEmpty();
	}

	@Test
	void aWrongArchitectureFailsAtOnce() {
		BuildQueue queue = queue();
		long id = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0).getId();
		queue.claim(HOST, "a").orElseThrow();

		BuildJob failed = queue.markFailed(id, "a", FailureCategory.WRONG_ARCH, "built for amd64");

		assertThat(failed.getState()).isEqualTo(BuildState.FAILED);
		assertThat(failed.getAttempts()).isOne();
	}

	@Test
	void aJobReturnedForAnUnreachableDaemonDoesNotUseUpAnAttempt() {
		BuildQueue queue = queue();
		long id = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0).getId();
		queue.claim(HOST, "a").orElseThrow();

		BuildJob returned = queue.returnUnbuilt(id, "a", "DOCKER_UNAVAILABLE: no daemon");

		assertThat(returned.getState()).isEqualTo(BuildState.NEEDS_BUILD);
		assertThat(returned.getAttempts()).isZero();
		assertThat(returned.getClaimedBy()).isNull();
		assertThat(queue.history(id)).last()
			.extracting(BuildJobEvent::getNote)
			.isEqualTo("DOCKER_UNAVAILABLE: no daemon");
	}

	@Test
	void aResultArrivingAfterCancelIsDroppedAndFinishedJobsCannotBeCancelled() {
		BuildQueue queue = queue();
		long id = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0).getId();
		queue.claim(HOST, "a").orElseThrow();
		queue.cancel(id, USER);

		BuildJob late = queue.markBuilt(id, "a", "sha256:late", "built");

		assertThat(late.getState()).isEqualTo(BuildState.CANCELLED);
		assertThat(late.getImageId()).isNull();
		assertThat(queue.history(id)).extracting(BuildJobEvent::getToState)
			.containsExactly(BuildState.NEEDS_BUILD, BuildState.BUILDING, BuildState.CANCELLED);

		queue.retry(id, USER);
		queue.markBuilt(queue.claim(HOST, "a").orElseThrow().getId(), "a", "sha256:good", "built");
		assertThatThrownBy(() -> queue.cancel(id, USER)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> queue.retry(id, USER)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aResultFromAnInstanceThatNoLongerHoldsTheJobIsDropped() {
		BuildQueue queue = queue();
		long id = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0).getId();
		queue.claim(HOST, "a").orElseThrow();
		queue.giveBack(id, USER, null);
		queue.claim(HOST, "b").orElseThrow();

		assertThat(queue.markFailed(id, "a", FailureCategory.BUILD_FAILED, "stale").getState())
			.isEqualTo(BuildState.BUILDING);
		assertThat(queue.markBuilt(id, "b", "sha256:b", "built").getState()).isEqualTo(BuildState.BUILT);
	}

	@Test
	void giveBackNeedsABuildingJob() {
		BuildQueue queue = queue();
		long id = queue.enqueue(List.of(image("agnhost")), ARCH, false, USER).get(0).getId();

		assertThatThrownBy(() -> queue.giveBack(id, USER, null)).hasMessageContaining("NEEDS_BUILD");
	}

	@Test
	void recoveryReturnsOnlyThisInstancesJobsUnlessItIsTheOnlyInstance() {
		BuildQueue queue = queue();
		queue.enqueue(List.of(image("one"), image("two")), ARCH, false, USER);
		long mine = queue.claim(HOST, "node-a").orElseThrow().getId();
		long theirs = queue.claim(HOST, "node-b").orElseThrow().getId();

		assertThat(queue.recoverAfterRestart("node-a", false)).extracting(BuildJob::getId).containsExactly(mine);
		assertThat(queue.job(mine).getState()).isEqualTo(BuildState.NEEDS_BUILD);
		assertThat(queue.job(theirs).getState()).isEqualTo(BuildState.BUILDING);
		assertThat(queue.history(mine)).last().satisfies(event -> {
			assertThat(event.getActor()).isEqualTo("startup-recovery");
			assertThat(event.getNote()).contains("node-a");
		});

		assertThat(queue.recoverAfterRestart("node-c", true)).extracting(BuildJob::getId).containsExactly(theirs);
		assertThat(queue.job(theirs).getState()).isEqualTo(BuildState.NEEDS_BUILD);
	}

}
