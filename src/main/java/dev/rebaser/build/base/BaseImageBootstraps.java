package dev.rebaser.build.base;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs base image bootstraps in the background and remembers how each went. A bootstrap
 * takes many minutes (debootstrap under emulation), so whoever asks for one gets a run to
 * watch instead of a blocked call; asking again for the same host, suite and architecture
 * while one runs gives that run, because a second debootstrap into the same cache folder
 * would spoil it.
 */
public final class BaseImageBootstraps implements AutoCloseable {

	/**
	 * One bootstrap, as it stands now; a finished run carries the image or the failure.
	 */
	public record Run(long id, String host, String suite, String arch, String reference, State state, Instant startedAt,
			Instant finishedAt, String message, BaseImage image) {

		public enum State {

			RUNNING, DONE, FAILED

		}

		public boolean sameTarget(String otherHost, String otherSuite, String otherArch) {
			return host.equals(otherHost) && suite.equals(otherSuite) && arch.equals(otherArch);
		}

		public Run done(BaseImage result, Instant at) {
			return new Run(id, host, suite, arch, reference, State.DONE, startedAt, at, describe(result), result);
		}

		public Run failed(Throwable failure, Instant at) {
			String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
			return new Run(id, host, suite, arch, reference, State.FAILED, startedAt, at, reason, null);
		}

		private static String describe(BaseImage image) {
			String what = image.reference() + " is " + image.imageId() + " (" + image.architecture() + ")";
			return image.loaded() ? "loaded " + what : "already there: " + what;
		}
	}

	static final long CLOSE_WAIT_SECONDS = 5;

	private final ExecutorService executor;

	private final Clock clock;

	private final Map<Long, Run> runs = new LinkedHashMap<>();

	private long lastId;

	public BaseImageBootstraps() {
		this(Clock.systemUTC());
	}

	public BaseImageBootstraps(Clock clock) {
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		// Daemon threads: a debootstrap still running must not keep the JVM from exiting.
		this.executor = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "base-image-bootstrap-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts {@code bootstrap} in the background, or gives the run already going for the
	 * same host, suite and architecture.
	 * @throws IllegalStateException after {@link #close()}
	 */
	public synchronized Run start(String host, String suite, String arch, String reference,
			Callable<BaseImage> bootstrap) {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(suite, "suite");
		Objects.requireNonNull(arch, "arch");
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(bootstrap, "bootstrap");
		for (Run run : runs.values()) {
			if (run.state() == Run.State.RUNNING && run.sameTarget(host, suite, arch)) {
				return run;
			}
		}
		Run run = new Run(++lastId, host, suite, arch, reference, Run.State.RUNNING, clock.instant(), null,
				"bootstrapping " + reference, null);
		runs.put(run.id(), run);
		try {
			executor.execute(() -> perform(run, bootstrap));
		}
		catch (RejectedExecutionException e) {
			runs.remove(run.id());
			throw new IllegalStateException("base image bootstraps are closed", e);
		}
		return run;
	}

	/** Every run, newest first. */
	public synchronized List<Run> runs() {
		List<Run> newestFirst = new ArrayList<>(runs.values());
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	public synchronized Optional<Run> run(long id) {
		return Optional.ofNullable(runs.get(id));
	}

	/**
	 * Interrupts running bootstraps and, after a short wait, records those still going as
	 * failed.
	 */
	@Override
	public void close() {
		executor.shutdownNow();
		try {
			executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		synchronized (this) {
			for (Run run : List.copyOf(runs.values())) {
				if (run.state() == Run.State.RUNNING) {
					runs.put(run.id(),
							run.failed(new IllegalStateException("stopped: the service shut down"), clock.instant()));
				}
			}
		}
	}

	private void perform(Run run, Callable<BaseImage> bootstrap) {
		try {
			BaseImage image = bootstrap.call();
			finish(run.done(image, clock.instant()));
		}
		catch (Exception e) {
			finish(run.failed(e, clock.instant()));
		}
		catch (Error e) {
			finish(run.failed(e, clock.instant()));
			throw e;
		}
	}

	/** A run closed as stopped stays so: its late end is not news any more. */
	private synchronized void finish(Run finished) {
		if (runs.get(finished.id()).state() == Run.State.RUNNING) {
			runs.put(finished.id(), finished);
		}
	}

}
