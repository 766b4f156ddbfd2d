package dev.rebaser.build;

import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.DockerUnavailableException;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.LogSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An executor that builds nothing: it records which jobs it was asked to build, in what
 * order and how many at once, and answers with an image id made from the job.
 */
class FakeExecutor implements BuildExecutor {

	final List<String> built = new CopyOnWriteArrayList<>();

	final List<Long> builtIds = new CopyOnWriteArrayList<>();

	final AtomicInteger running = new AtomicInteger();

	final AtomicInteger mostAtOnce = new AtomicInteger();

	final Map<String, String> digests = new ConcurrentHashMap<>();

	final Map<String, Boolean> images = new ConcurrentHashMap<>();

	volatile String unreachable;

	volatile Duration buildTime = Duration.ofMillis(5);

	volatile Function<BuildJob, RuntimeException> failure = job -> null;

	@Override
	public BuildOutcome build(BuildJob job, LogSink log) {
		int now = running.incrementAndGet();
		mostAtOnce.accumulateAndGet(now, Math::max);
		try {
			log.append("building " + job.getImageKey() + "\n");
			Thread.sleep(buildTime.toMillis());
			RuntimeException e = failure.apply(job);
			if (e != null) {
				throw e;
			}
			built.add(job.getImageKey());
			builtIds.add(job.getId());
			String imageId = "sha256:" + job.getImageKey() + "-" + job.getId();
			images.put(imageId, true);
			return new BuildOutcome(imageId, "", job.getArch(), buildTime);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new BuildFailedException("", "interrupted", e);
		}
		finally {
			running.decrementAndGet();
		}
	}

	@Override
	public void probe() {
		String reason = unreachable;
		if (reason != null) {
			throw new DockerUnavailableException(reason);
		}
	}

	@Override
	public String inputDigest(BuildJob job) {
		return digests.get(job.getImageKey());
	}

	@Override
	public boolean hasImage(String imageId) {
		return images.containsKey(imageId);
	}

}
