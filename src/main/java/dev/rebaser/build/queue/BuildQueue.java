package dev.rebaser.build.queue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The build jobs in the database and every change of their state. Each operation is one
 * transaction and writes a history entry for each state it changes; nothing here talks to
 * Docker.
 *
 * <p>
 * Results of a build are only accepted from the instance that claimed the job and only
 * while the job is still {@code BUILDING}: after a cancel, a give-back or a restart
 * recovery the late result is dropped rather than written over a newer state.
 */
public class BuildQueue {

	private static final EnumSet<BuildState> ACTIVE = EnumSet.of(BuildState.NEEDS_BUILD, BuildState.DEP_WAIT,
			BuildState.BUILDING);

	static final int DEFAULT_MAX_ATTEMPTS = 3;

	private final BuildJobRepository jobs;

	private final BuildJobEventRepository events;

	private final TransactionTemplate tx;

	private final DependencyGate gate;

	private final Clock clock;

	public BuildQueue(BuildJobRepository jobs, BuildJobEventRepository events, PlatformTransactionManager transactions,
			Clock clock) {
		this.jobs = jobs;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.gate = new DependencyGate(jobs);
		this.clock = clock;
	}

	/**
	 * Queues a build of each image for arch. An image that already has a job waiting or
	 * building keeps that job. New jobs start as {@code NEEDS_BUILD} when their parents
	 * are built and {@code DEP_WAIT} otherwise; parents queued in the same call count as
	 * not built yet.
	 */
	public List<BuildJob> enqueue(List<QueuedImage> images, String arch, boolean force, String actor) {
		return tx.execute(status -> {
			List<BuildJob> result = new ArrayList<>();
			Map<BuildJob, QueuedImage> created = new LinkedHashMap<>();
			for (QueuedImage image : images) {
				List<BuildJob> active = jobs.findByImageKeyAndArchAndStateIn(image.key(), arch, ACTIVE);
				if (!active.isEmpty()) {
					result.add(active.get(0));
					continue;
				}
				BuildJob job = jobs.save(new BuildJob(image.key(), arch, image.parentKeys(), image.imageReference(),
						image.priority(), DEFAULT_MAX_ATTEMPTS, force, clock.instant()));
				result.add(job);
				created.put(job, image);
			}
			// all new rows exist before any is judged, so parents queued later in the
			// list are seen
			jobs.flush();
			created.forEach((job, image) -> settleNewJob(job, image, actor));
			return result;
		});
	}

	private void settleNewJob(BuildJob job, QueuedImage image, String actor) {
		if (image.unresolvableReason() != null) {
			job.setState(BuildState.UNRESOLVABLE);
			job.setWaitReason(image.unresolvableReason());
			record(job, null, actor, "queued; " + image.unresolvableReason());
			return;
		}
		Readiness readiness = gate.of(job);
		job.setState(readiness.ready() ? BuildState.NEEDS_BUILD : BuildState.DEP_WAIT);
		job.setWaitReason(readiness.waitReason());
		record(job, null, actor, readiness.ready() ? "queued" : "queued; " + readiness.waitReason());
	}

	/**
	 * Takes the next buildable job for host, marking it {@code BUILDING} by instanceId.
	 * One transaction: the row is locked with {@code FOR UPDATE SKIP LOCKED}, so
	 * concurrent claims by other instances pass over it, and it is updated before the
	 * lock is released.
	 */
	public Optional<BuildJob> claim(String host, String instanceId) {
		return tx.execute(status -> jobs.lockNextClaimable(host).map(id -> {
			BuildJob job = jobs.findById(id).orElseThrow();
			job.setDockerHost(host);
			job.setClaimedBy(instanceId);
			job.setAttempts(job.getAttempts() + 1);
			job.setStartedAt(clock.instant());
			job.setFinishedAt(null);
			move(job, BuildState.BUILDING, scheduler(instanceId),
					"attempt " + job.getAttempts() + " of " + job.getMaxAttempts() + " on " + host);
			return job;
		}));
	}

	public void recordInputDigest(long jobId, String digest) {
		tx.executeWithoutResult(status -> find(jobId).setInputDigest(digest));
	}

	/**
	 * The latest job of that image and arch that really built an image, other than the
	 * given job.
	 */
	public Optional<BuildJob> lastBuilt(String imageKey, String arch, long excludingJobId) {
		return jobs.findFirstByImageKeyAndArchAndStateAndIdNotOrderByIdDesc(imageKey, arch, BuildState.BUILT,
				excludingJobId);
	}

	public BuildJob markBuilt(long jobId, String claimant, String imageId, String note) {
		return finishWithImage(jobId, claimant, imageId, BuildState.BUILT, note);
	}

	public BuildJob markUpToDate(long jobId, String claimant, String imageId, String note) {
		return finishWithImage(jobId, claimant, imageId, BuildState.UP_TO_DATE, note);
	}

	/** Built now or found unchanged: either way the job ends holding an image. */
	private BuildJob finishWithImage(long jobId, String claimant, String imageId, BuildState state, String note) {
		return whileClaimed(jobId, claimant, job -> {
			job.setImageId(imageId);
			job.setFailure(null, null);
			job.setFinishedAt(clock.instant());
			move(job, state, scheduler(claimant), note);
		});
	}

	/**
	 * Records a failed attempt. While attempts remain and another attempt can help, the
	 * job goes back to {@code NEEDS_BUILD} with the failure kept for reading; otherwise
	 * it is {@code FAILED}.
	 */
	public BuildJob markFailed(long jobId, String claimant, FailureCategory category, String reason) {
		return whileClaimed(jobId, claimant, job -> {
			job.setFailure(category, reason);
			job.setFinishedAt(clock.instant());
			if (category.worthRetrying() && job.getAttempts() < job.getMaxAttempts()) {
				job.setClaimedBy(null);
				move(job, BuildState.NEEDS_BUILD, scheduler(claimant), "attempt " + job.getAttempts() + " of "
						+ job.getMaxAttempts() + " failed (" + category + "), trying again: " + reason);
			}
			else {
				move(job, BuildState.FAILED, scheduler(claimant), category + ": " + reason);
			}
		});
	}

	/**
	 * The claiming scheduler returns a job it could not build for reasons outside the job
	 * (the daemon is unreachable): the attempt does not count.
	 */
	public BuildJob returnUnbuilt(long jobId, String claimant, String reason) {
		return whileClaimed(jobId, claimant, job -> {
			job.setAttempts(Math.max(0, job.getAttempts() - 1));
			job.setClaimedBy(null);
			job.setStartedAt(null);
			move(job, BuildState.NEEDS_BUILD, scheduler(claimant), reason);
		});
	}

	/**
	 * Gives a building job back to the queue, whoever claimed it; its attempt still
	 * counts.
	 */
	public BuildJob giveBack(long jobId, String actor, String note) {
		return change(jobId, job -> {
			requireState(job, BuildState.BUILDING, "give back");
			job.setClaimedBy(null);
			move(job, BuildState.NEEDS_BUILD, actor, note == null ? "given back" : note);
		});
	}

	/**
	 * Cancels a job that has not finished. A build already running is stopped by its
	 * scheduler on its next round; whatever it reports meanwhile is dropped.
	 */
	public BuildJob cancel(long jobId, String actor) {
		return change(jobId, job -> {
			if (!job.getState().isActive()) {
				throw new IllegalStateException(job + " has finished and cannot be cancelled");
			}
			job.setFinishedAt(clock.instant());
			move(job, BuildState.CANCELLED, actor, "cancelled");
		});
	}

	/**
	 * Queues a failed, cancelled or unresolvable job again, with its attempts counted
	 * from zero.
	 */
	public BuildJob retry(long jobId, String actor) {
		return change(jobId, job -> {
			if (!job.getState().isDeadEnd()) {
				throw new IllegalStateException(job + " is " + job.getState() + "; only failed, cancelled"
						+ " or unresolvable jobs are retried");
			}
			job.setAttempts(0);
			job.setClaimedBy(null);
			job.setFinishedAt(null);
			Readiness readiness = gate.of(job);
			job.setWaitReason(readiness.waitReason());
			move(job, readiness.ready() ? BuildState.NEEDS_BUILD : BuildState.DEP_WAIT, actor,
					readiness.ready() ? "retry" : "retry; " + readiness.waitReason());
		});
	}

	/**
	 * Moves every {@code DEP_WAIT} job whose parents are now built to
	 * {@code NEEDS_BUILD}, and notes on the others what they now wait for. Each job
	 * changes in its own transaction, so a job another instance changed meanwhile is left
	 * to the next round. Returns how many jobs were promoted.
	 */
	public int promoteWaiting(String actor) {
		List<Long> waiting = tx
			.execute(s -> jobs.findByState(BuildState.DEP_WAIT).stream().map(BuildJob::getId).toList());
		int promoted = 0;
		for (Long id : waiting) {
			try {
				Boolean moved = tx.execute(s -> {
					BuildJob job = find(id);
					if (job.getState() != BuildState.DEP_WAIT) {
						return false;
					}
					Readiness readiness = gate.of(job);
					if (readiness.ready()) {
						job.setWaitReason(null);
						move(job, BuildState.NEEDS_BUILD, actor, "parents built");
						return true;
					}
					if (!readiness.waitReason().equals(job.getWaitReason())) {
						job.setWaitReason(readiness.waitReason());
						record(job, BuildState.DEP_WAIT, actor, readiness.waitReason());
					}
					return false;
				});
				promoted += Boolean.TRUE.equals(moved) ? 1 : 0;
			}
			catch (ObjectOptimisticLockingFailureException e) {
				// another instance changed the job meanwhile; the next round looks again
			}
		}
		return promoted;
	}

	/**
	 * Returns to the queue every job left {@code BUILDING} by instanceId, or by any
	 * instance when allInstances (a single Rebaser on its own database knows no build can
	 * still be running).
	 */
	public List<BuildJob> recoverAfterRestart(String instanceId, boolean allInstances) {
		return tx.execute(status -> {
			List<BuildJob> stranded = allInstances ? jobs.findByState(BuildState.BUILDING)
					: jobs.findByStateAndClaimedBy(BuildState.BUILDING, instanceId);
			for (BuildJob job : stranded) {
				String was = job.getClaimedBy();
				job.setClaimedBy(null);
				job.setStartedAt(null);
				move(job, BuildState.NEEDS_BUILD, "startup-recovery",
						"was building on " + was + " when that instance stopped");
			}
			return stranded;
		});
	}

	/** The newest job of that image for arch, whatever its state. */
	public Optional<BuildJob> latest(String imageKey, String arch) {
		return jobs.findFirstByImageKeyAndArchOrderByIdDesc(imageKey, arch);
	}

	/** The newest job of every image and arch. */
	public List<BuildJob> latestJobs() {
		return jobs.findLatestPerImageAndArch();
	}

	/** The jobs of those ids that exist. */
	public List<BuildJob> jobs(Collection<Long> ids) {
		return jobs.findAllById(ids);
	}

	public BuildJob job(long jobId) {
		return jobs.findById(jobId).orElseThrow(() -> new NoSuchElementException("no build job " + jobId));
	}

	public List<BuildJobEvent> history(long jobId) {
		return events.findByJobIdOrderByIdAsc(jobId);
	}

	private BuildJob whileClaimed(long jobId, String claimant, Consumer<BuildJob> change) {
		return tx.execute(status -> {
			BuildJob job = find(jobId);
			if (job.getState() != BuildState.BUILDING || !claimant.equals(job.getClaimedBy())) {
				return job; // cancelled, given back or recovered meanwhile: the late
							// result is dropped
			}
			change.accept(job);
			return job;
		});
	}

	private BuildJob change(long jobId, Consumer<BuildJob> change) {
		return tx.execute(status -> {
			BuildJob job = find(jobId);
			change.accept(job);
			return job;
		});
	}

	private BuildJob find(long jobId) {
		return jobs.findById(jobId).orElseThrow(() -> new NoSuchElementException("no build job " + jobId));
	}

	private void move(BuildJob job, BuildState to, String actor, String note) {
		BuildState from = job.getState();
		if (!from.canMoveTo(to)) {
			throw new IllegalStateException(job + " cannot move from " + from + " to " + to);
		}
		job.setState(to);
		record(job, from, actor, note);
	}

	private void record(BuildJob job, BuildState from, String actor, String note) {
		events.save(new BuildJobEvent(job.getId(), clock.instant(), actor, from, job.getState(), note));
	}

	private static void requireState(BuildJob job, BuildState state, String action) {
		if (job.getState() != state) {
			throw new IllegalStateException("cannot " + action + " " + job + ": it is " + job.getState());
		}
	}

	public static String scheduler(String instanceId) {
		return "scheduler@" + instanceId;
	}

}
