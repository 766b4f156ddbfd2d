package dev.rebaser.build.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebaser.build.base.BaseImageBootstraps.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BaseImageBootstrapsTest {

	static final String REFERENCE = "debian:bookworm-slim";
	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	/**
	 * Every reading is one second after the one before, so start and end times tell
	 * apart.
	 */
	static final class TickingClock extends Clock {

		private final AtomicInteger ticks = new AtomicInteger();

		@Override
		public Instant instant() {
			return T0.plusSeconds(ticks.getAndIncrement());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

	/** A bootstrap that waits for the test to let it finish, then gives its image. */
	static final class HeldBootstrap implements Callable<BaseImage> {

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch started = new CountDownLatch(1);

		final AtomicInteger calls = new AtomicInteger();

		final AtomicReference<Thread> thread = new AtomicReference<>();

		final BaseImage image;

		HeldBootstrap(BaseImage image) {
			this.image = image;
		}

		@Override
		public BaseImage call() throws InterruptedException {
			calls.incrementAndGet();
			thread.set(Thread.currentThread());
			started.countDown();
			if (!release.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			return image;
		}

	}

	final BaseImageBootstraps bootstraps = new BaseImageBootstraps(new TickingClock());

	@AfterEach
	void close() {
		bootstraps.close();
	}

	@Test
	void aBootstrapRunsInTheBackgroundAndEndsDoneWithItsImage() throws Exception {
		HeldBootstrap bootstrap = new HeldBootstrap(new BaseImage(REFERENCE, "sha256:feed", "mips64le", true));

		Run run = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, bootstrap);

		assertThat(bootstrap.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(run.state()).isEqualTo(Run.State.RUNNING);
		assertThat(bootstraps.run(run.id()).orElseThrow().state()).isEqualTo(Run.State.RUNNING);
		assertThat(bootstrap.thread.get()).isNotSameAs(Thread.currentThread());
		assertThat(bootstrap.thread.get().isDaemon()).isTrue();

		bootstrap.release.countDown();
		Run done = awaitEnd(run.id());

		assertThat(done.state()).isEqualTo(Run.State.DONE);
		assertThat(done.image()).isEqualTo(bootstrap.image);
		assertThat(done.message()).contains("sha256:feed").contains(REFERENCE).contains("mips64le");
		assertThat(done.startedAt()).isEqualTo(T0);
		assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(List.of(done.host(), done.suite(), done.arch(), done.reference())).containsExactly("builder-1",
				"bookworm", "mips64le", REFERENCE);
	}

	@Test
	void aSecondStartForTheSameTargetWhileOneRunsGivesTheRunningOne() throws Exception {
		HeldBootstrap first = new HeldBootstrap(new BaseImage(REFERENCE, "sha256:1", "mips64le", true));
		HeldBootstrap second = new HeldBootstrap(new BaseImage(REFERENCE, "sha256:2", "mips64le", true));

		Run running = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, first);
		Run again = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, second);
		Run otherHost = bootstraps.start("builder-2", "bookworm", "mips64le", REFERENCE, second);

		assertThat(again).isEqualTo(running);
		assertThat(otherHost.id()).isNotEqualTo(running.id());
		first.release.countDown();
		second.release.countDown();
		awaitEnd(running.id());
		awaitEnd(otherHost.id());
		assertThat(first.calls).hasValue(1);
		assertThat(second.calls).hasValue(1);

		HeldBootstrap third = new HeldBootstrap(new BaseImage(REFERENCE, "sha256:3", "mips64le", false));
		third.release.countDown();
		Run afterwards = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, third);
		assertThat(afterwards.id()).isGreaterThan(otherHost.id());
		assertThat(awaitEnd(afterwards.id()).message()).startsWith("already there");
	}

	@Test
	void anotherSuiteOrArchitectureOnTheSameHostStartsItsOwnRun() {
		HeldBootstrap bootstrap = new HeldBootstrap(new BaseImage(REFERENCE, "sha256:1", "mips64le", true));

		Run bookworm = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, bootstrap);
		Run trixie = bootstraps.start("builder-1", "trixie", "mips64le", "debian:trixie-slim", bootstrap);
		Run arm = bootstraps.start("builder-1", "bookworm", "arm64", REFERENCE, bootstrap);

		assertThat(List.of(bookworm.id(), trixie.id(), arm.id())).doesNotHaveDuplicates();
		bootstrap.release.countDown();
	}

	@Test
	void aFailedBootstrapIsRecordedWithItsMessage() {
		Run run = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, () -> {
			throw new IllegalStateException("debootstrap failed: E: Couldn't download packages");
		});

		Run failed = awaitEnd(run.id());

		assertThat(failed.state()).isEqualTo(Run.State.FAILED);
		assertThat(failed.message()).isEqualTo("debootstrap failed: E: Couldn't download packages");
		assertThat(failed.image()).isNull();
		assertThat(failed.finishedAt()).isAfter(failed.startedAt());
	}

	@Test
	void aFailureWithoutMessageIsRecordedByItsKind() {
		Run run = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, () -> {
			throw new NullPointerException();
		});

		assertThat(awaitEnd(run.id()).message()).contains("NullPointerException");
	}

	@Test
	void runsAreListedNewestFirstAndFoundById() {
		Run first = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, () -> image("sha256:1"));
		awaitEnd(first.id());
		Run second = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, () -> image("sha256:2"));
		Run third = bootstraps.start("builder-2", "bookworm", "mips64le", REFERENCE, () -> image("sha256:3"));
		awaitEnd(second.id());
		awaitEnd(third.id());

		assertThat(bootstraps.runs()).extracting(Run::id).containsExactly(third.id(), second.id(), first.id());
		assertThat(first.id()).isLessThan(second.id());
		assertThat(bootstraps.run(second.id()).orElseThrow().image().imageId()).isEqualTo("sha256:2");
		assertThat(bootstraps.run(third.id() + 1)).isEmpty();
	}

	@Test
	void closeInterruptsARunningBootstrapAndRefusesNewOnes() throws Exception {
		HeldBootstrap held = new HeldBootstrap(image("sha256:1"));
		Run run = bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, held);
		assertThat(held.started.await(5, TimeUnit.SECONDS)).isTrue();

		bootstraps.close();

		Run stopped = bootstraps.run(run.id()).orElseThrow();
		assertThat(stopped.state()).isEqualTo(Run.State.FAILED);
		assertThat(stopped.finishedAt()).isNotNull();
		assertThatThrownBy(() -> bootstraps.start("builder-1", "bookworm", "mips64le", REFERENCE, held))
			.isInstanceOf(IllegalStateException.class);
		assertThat(bootstraps.runs()).hasSize(1);
	}

	private static BaseImage image(String id) {
		return new BaseImage(REFERENCE, id, "mips64le", true);
	}

	private Run awaitEnd(long id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Run run = bootstraps.run(id).orElseThrow();
			if (run.state() != Run.State.RUNNING) {
				return run;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		throw new AssertionError("run " + id + " still running after 10 s");
	}

}
