package dev.rebaser.build;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildJobEvent;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.FailureCategory;
import java.time.Instant;
import java.util.Set;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Build jobs as the database would return them, for tests of code that only reads them.
 */
public final class BuildJobs {

	private BuildJobs() {
	}

	public static BuildJob job(long id, String imageKey, String arch, BuildState state, Instant created) {
		BuildJob job = new BuildJob(imageKey, arch, Set.of(), "rebaser.test/" + imageKey + ":1", 0, 3, false, created);
		ReflectionTestUtils.setField(job, "id", id);
		job.setState(state);
		return job;
	}

	public static BuildJob started(BuildJob job, String host, int attempts, Instant started) {
		job.setDockerHost(host);
		job.setAttempts(attempts);
		job.setStartedAt(started);
		return job;
	}

	public static BuildJob finished(BuildJob job, Instant finished, FailureCategory category, String reason) {
		job.setFinishedAt(finished);
		job.setFailure(category, reason);
		return job;
	}

	public static BuildJob built(BuildJob job, String imageId) {
		job.setImageId(imageId);
		return job;
	}

	public static BuildJob waiting(BuildJob job, String reason) {
		job.setWaitReason(reason);
		return job;
	}

	public static BuildJobEvent event(long jobId, Instant at, String actor, BuildState from, BuildState to,
			String note) {
		return new BuildJobEvent(jobId, at, actor, from, to, note);
	}

}
