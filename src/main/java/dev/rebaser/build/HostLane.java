package dev.rebaser.build;

import dev.rebaser.build.docker.DockerUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One host's share of the scheduler: its build threads, how many builds run, and whether
 * its daemon answers.
 */
final class HostLane {

	private final BuildHost host;

	private final ExecutorService threads;

	private final AtomicInteger running = new AtomicInteger();

	private final Clock clock;

	private volatile HostStatus status;

	HostLane(BuildHost host, String instanceId, Clock clock) {
		this.host = host;
		this.clock = clock;
		AtomicInteger n = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(host.concurrency(), r -> {
			Thread t = new Thread(r, "build-" + instanceId + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.status = new HostStatus(host.name(), true, null, clock.instant(), 0, host.concurrency());
	}

	BuildHost host() {
		return host;
	}

	int free() {
		return host.concurrency() - running.get();
	}

	/** Asks the daemon whether it answers, and remembers the answer. */
	boolean probe() {
		try {
			host.executor().probe();
			reachable();
			return true;
		}
		catch (DockerUnavailableException e) {
			unreachable(e.getMessage());
			return false;
		}
	}

	void reachable() {
		if (!status.reachable()) {
			status = new HostStatus(host.name(), true, null, clock.instant(), running.get(), host.concurrency());
		}
	}

	void unreachable(String reason) {
		Instant since = status.reachable() ? clock.instant() : status.since();
		status = new HostStatus(host.name(), false, reason, since, running.get(), host.concurrency());
	}

	HostStatus status() {
		HostStatus s = status;
		return new HostStatus(s.host(), s.reachable(), s.reason(), s.since(), running.get(), host.concurrency());
	}

	void start(Runnable build) {
		running.incrementAndGet();
		threads.execute(() -> {
			try {
				build.run();
			}
			finally {
				running.decrementAndGet();
			}
		});
	}

	/**
	 * Stops the build threads; a build still running is interrupted and its job given
	 * back by the scheduler.
	 */
	void shutdown() {
		threads.shutdownNow();
		try {
			threads.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
