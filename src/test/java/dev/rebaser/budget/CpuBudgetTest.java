package dev.rebaser.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuBudgetTest {

	/** Calls check() as a busy loop would, for at most a minute of wall time. */
	private static long spinUntilStopped() {
		long calls = 0;
		long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < end) {
			CpuBudget.check();
			calls++;
		}
		return calls;
	}

	@Test
	void workPastItsBudgetStopsWithTheBudgetNamed() {
		try (CpuBudget.Scope scope = CpuBudget.start(Duration.ofMillis(50))) {
			assertThatThrownBy(CpuBudgetTest::spinUntilStopped).isInstanceOfSatisfying(CpuBudget.Exceeded.class, ex -> {
				assertThat(ex.budget()).isEqualTo(Duration.ofMillis(50));
				assertThat(ex.getMessage()).contains("budget of 50 ms of processor time");
			});
		}
	}

	@Test
	void outsideABudgetCheckNeverStops() {
		long calls = 0;
		for (int i = 0; i < 10_000_000; i++) {
			CpuBudget.check();
			calls++;
		}
		assertThat(calls).isEqualTo(10_000_000);
	}

	@Test
	void closingAScopeGivesBackTheBudgetBeforeIt() {
		try (CpuBudget.Scope outer = CpuBudget.start(Duration.ofMillis(30))) {
			try (CpuBudget.Scope inner = CpuBudget.start(Duration.ofDays(1))) {
				for (int i = 0; i < 1_000_000; i++) {
					CpuBudget.check();
				}
			}
			assertThatThrownBy(CpuBudgetTest::spinUntilStopped).isInstanceOf(CpuBudget.Exceeded.class)
				.hasMessageContaining("30 ms");
		}
		for (int i = 0; i < 1_000_000; i++) {
			CpuBudget.check(); // no budget is left on the thread after the outer scope
		}
	}

	@Test
	void waitingSpendsNoneOfIt() throws InterruptedException {
		try (CpuBudget.Scope scope = CpuBudget.start(Duration.ofMillis(200))) {
			Thread.sleep(400);
			for (int i = 0; i < 10 * CpuBudget.CALLS_PER_READING; i++) {
				CpuBudget.check();
			}
		}
	}

	@Test
	void waitingPastTheTimeoutStopsWithTheTimeoutNamed() throws InterruptedException {
		try (CpuBudget.Scope scope = CpuBudget.start(Duration.ofDays(1), Duration.ofMillis(100))) {
			Thread.sleep(200);
			assertThatThrownBy(CpuBudgetTest::spinUntilStopped).isInstanceOfSatisfying(CpuBudget.Exceeded.class, ex -> {
				assertThat(ex.limit()).isEqualTo(CpuBudget.Limit.WALL_TIME);
				assertThat(ex.budget()).isEqualTo(Duration.ofMillis(100));
				assertThat(ex.getMessage()).contains("timeout of 100 ms");
			});
		}
	}

	@Test
	void withinItsTimeoutWorkGoesOn() {
		try (CpuBudget.Scope scope = CpuBudget.start(Duration.ofDays(1), Duration.ofDays(1))) {
			for (int i = 0; i < 1_000_000; i++) {
				CpuBudget.check();
			}
		}
	}

}
