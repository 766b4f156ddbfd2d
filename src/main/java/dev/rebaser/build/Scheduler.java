package dev.rebaser.build;

import dev.rebaser.build.docker.BuildFailedException;
import dev.rebaser.build.docker.BuildOutcome;
import dev.rebaser.build.docker.DockerUnavailableException;
import dev.rebaser.build.docker.WrongArchitectureException;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.FailureCategory;
import dev.rebaser.build.queue.LogSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the queue and runs claimed jobs on each host's build threads, never more at once
 * than the host allows. A host whose daemon does not answer gets no new jobs, and a job
 * whose daemon went away during the build goes back to the queue without using up an
 * attempt.
 */
public final class Scheduler implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

	private final BuildQueue queue;

	private final BuildLog logs;

	private final String instanceId;

	private final String actor;

	private final List<HostLane> lanes;

	private final Clock clock;

	private final Duration failureSettle;

	/**
	 * The threads building this instance's jobs, so that a build whose job was cancelled
	 * can be stopped.
	 */
	private final Map<Long, Thread> building = new ConcurrentHashMap<>();

	private ScheduledExecutorService poller;

	public Scheduler(BuildQueue queue, BuildLog logs, List<BuildHost> hosts, String instanceId, Clock clock) {
		this(queue, logs, hosts, instanceId, clock, Duration.ZERO);
	}

	/**
	 * @param failureSettle how long to wait after a failed build before asking whether
	 * the daemon is still there: a daemon that is shutting down kills the build's
	 * container and answers for a moment longer, and that failure is not the job's
	 */
	public Scheduler(BuildQueue queue, BuildLog logs, List<BuildHost> hosts, String instanceId, Clock clock,
			Duration failureSettle) {
		this.failureSettle = failureSettle;
		this.queue = queue;
		this.logs = logs;
		this.instanceId = instanceId;
		this.actor = BuildQueue.scheduler(instanceId);
		this.clock = clock;
		this.lanes = hosts.stream().map(host -> new HostLane(host, instanceId, clock)).toList();
	}

	public synchronized void start(Duration pollInterval) {
		if (poller != null) {
			return;
		}
		poller = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "build-poller-" + instanceId);
			t.setDaemon(true);
			return t;
		});
		poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	public List<HostStatus> hostStatuses() {
		return lanes.stream().map(HostLane::status).toList();
	}

	public String instanceId() {
		return instanceId;
	}

	/**
	 * One round: stop builds whose jobs were cancelled or taken away, promote jobs whose
	 * parents are built, then fill every reachable host's free slots.
	 */
	public void poll() {
		stopAbandonedBuilds();
		queue.promoteWaiting(actor);
		for (HostLane lane : lanes) {
			if (lane.free() <= 0 || !lane.probe()) {
				continue;
			}
			while (lane.free() > 0) {
				Optional<BuildJob> claimed = queue.claim(lane.host().name(), instanceId);
				if (claimed.isEmpty()) {
					break;
				}
				BuildJob job = claimed.get();
				lane.start(() -> run(lane, job));
			}
		}
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			// the database may be briefly away; the next round tries again
			LOG.warn("scheduling round failed: {}", e.toString());
		}
	}

	private void stopAbandonedBuilds() {
		if (building.isEmpty()) {
			return;
		}
		for (BuildJob job : queue.jobs(building.keySet())) {
			if (job.getState() != BuildState.BUILDING || !instanceId.equals(job.getClaimedBy())) {
				Thread thread = building.get(job.getId());
				if (thread != null) {
					LOG.info("stopping the build of {}: it is {} now", job, job.getState());
					thread.interrupt();
				}
			}
		}
	}

	private void run(HostLane lane, BuildJob job) {
		building.put(job.getId(), Thread.currentThread());
		try {
			build(lane, job);
		}
		finally {
			building.remove(job.getId());
			Thread.interrupted(); // an interrupt meant for this job must not reach the
									// next one on this thread
		}
	}

	private void build(HostLane lane, BuildJob job) {
		BuildExecutor executor = lane.host().executor();
		LogSink log = logs.open(job.getId());
		log.append("=== attempt " + job.getAttempts() + " of " + job.getMaxAttempts() + " on " + lane.host().name()
				+ " by " + instanceId + " at " + clock.instant() + " ===\n");
		try {
			if (upToDate(executor, job, log)) {
				return;
			}
			BuildOutcome outcome = executor.build(job, log);
			queue.markBuilt(job.getId(), instanceId, outcome.imageId(), "built " + outcome.imageId() + " ("
					+ outcome.architecture() + ") in " + outcome.took().toSeconds() + "s");
			queue.promoteWaiting(actor);
		}
		catch (DockerUnavailableException e) {
			returnUnbuilt(lane, job, log, e.getMessage());
		}
		catch (WrongArchitectureException e) {
			fail(job, log, FailureCategory.WRONG_ARCH, e.reason());
		}
		catch (BuildFailedException e) {
			if (Thread.currentThread().isInterrupted()) {
				BuildJob now = queue.job(job.getId());
				if (now.getState() != BuildState.BUILDING || !instanceId.equals(now.getClaimedBy())) {
					log.append("build stopped: the job is " + now.getState() + " now\n");
				}
				else {
					log.append("not built, back to the queue: the scheduler stopped during the build\n");
					queue.returnUnbuilt(job.getId(), instanceId, "the scheduler stopped during the build");
				}
			}
			else if (!settledProbe(lane)) {
				// the stream broke because the daemon went away, not because of the job
				returnUnbuilt(lane, job, log, "the Docker daemon went away during the build: " + e.reason());
			}
			else {
				fail(job, log, FailureCategory.BUILD_FAILED, e.reason());
			}
		}
		catch (ContextUnavailableException e) {
			fail(job, log, FailureCategory.CONTEXT_UNAVAILABLE, e.getMessage());
		}
		catch (RuntimeException e) {
			LOG.error("build of {} failed inside Rebaser", job, e);
			fail(job, log, FailureCategory.INTERNAL_ERROR, e.toString());
		}
	}

	private boolean settledProbe(HostLane lane) {
		if (!failureSettle.isZero()) {
			try {
				Thread.sleep(failureSettle.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return lane.probe();
	}

	/**
	 * A job whose inputs equal those of the last built image, which the daemon still has,
	 * needs no build.
	 */
	private boolean upToDate(BuildExecutor executor, BuildJob job, LogSink log) {
		String digest = executor.inputDigest(job);
		if (digest == null) {
			return false;
		}
		queue.recordInputDigest(job.getId(), digest);
		if (job.isForce()) {
			return false;
		}
		Optional<BuildJob> last = queue.lastBuilt(job.getImageKey(), job.getArch(), job.getId());
		if (last.isEmpty() || !digest.equals(last.get().getInputDigest()) || last.get().getImageId() == null
				|| !executor.hasImage(last.get().getImageId())) {
			return false;
		}
		String note = "inputs unchanged since job " + last.get().getId() + "; image " + last.get().getImageId()
				+ " is still there";
		log.append(note + ", nothing built\n");
		queue.markUpToDate(job.getId(), instanceId, last.get().getImageId(), note);
		queue.promoteWaiting(actor);
		return true;
	}

	private void returnUnbuilt(HostLane lane, BuildJob job, LogSink log, String reason) {
		lane.unreachable(reason);
		log.append("not built, back to the queue: " + reason + "\n");
		queue.returnUnbuilt(job.getId(), instanceId, FailureCategory.DOCKER_UNAVAILABLE + ": " + reason);
	}

	private void fail(BuildJob job, LogSink log, FailureCategory category, String reason) {
		log.append("failed (" + category + "): " + reason + "\n");
		queue.markFailed(job.getId(), instanceId, category, reason);
	}

	@Override
	public synchronized void close() {
		if (poller != null) {
			poller.shutdownNow();
			awaitQuietly(poller);
			poller = null;
		}
		lanes.forEach(HostLane::shutdown);
	}

	private static void awaitQuietly(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
