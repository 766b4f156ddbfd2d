package dev.rebaser.budget;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The processor time the work on this thread may still take. Each parser, expander, diff
 * and archive reader keeps a limit of its own in the size of its input; this is the last
 * line behind them, for work nobody thought to count: the web layer {@linkplain #start
 * starts} one for a request, the loops whose work grows with their input call
 * {@link #check()} as they go, and once the thread has spent the budget the work stops
 * with {@link Exceeded}, which names it. Outside a budget, {@code check()} does nothing.
 *
 * <p>
 * Processor time, not wall time: a request waiting for the database or for a slow client
 * spends none of it. A budget may also carry a {@linkplain #start(Duration, Duration)
 * timeout} in wall time, for work that waits rather than computes; it too is seen at the
 * next check. A check reads the clocks only every {@value #CALLS_PER_READING} calls, so
 * it costs a counter increment in a tight loop.
 */
public final class CpuBudget {

	static final int CALLS_PER_READING = 256;

	/** Longer than any work, and short enough to add to a clock reading. */
	private static final Duration NO_TIMEOUT = Duration.ofDays(36_500);

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final ThreadLocal<CpuBudget> CURRENT = new ThreadLocal<>();

	/** Which of the two limits the work passed. */
	public enum Limit {

		/** The processor time the thread spent. */
		PROCESSOR_TIME,
		/** The wall time since the budget started. */
		WALL_TIME

	}

	private final Duration budget;

	private final Duration timeout;

	private final long endNanos;

	private final long deadlineNanos;

	private int calls;

	private CpuBudget(Duration budget, Duration timeout) {
		this.budget = budget;
		this.timeout = timeout;
		this.endNanos = THREADS.getCurrentThreadCpuTime() + budget.toNanos();
		this.deadlineNanos = System.nanoTime() + timeout.toNanos();
	}

	/**
	 * Gives the work on this thread, until the scope closes, the budget from now.
	 */
	public static Scope start(Duration budget) {
		return start(budget, NO_TIMEOUT);
	}

	/**
	 * Gives the work on this thread, until the scope closes, the budget of processor time
	 * and the timeout in wall time, both from now.
	 */
	public static Scope start(Duration budget, Duration timeout) {
		CpuBudget previous = CURRENT.get();
		CURRENT.set(new CpuBudget(budget, timeout));
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		};
	}

	/**
	 * @throws Exceeded once the thread has spent its budget
	 */
	public static void check() {
		CpuBudget current = CURRENT.get();
		if (current != null && ++current.calls % CALLS_PER_READING == 0) {
			current.checkNow();
		}
	}

	private void checkNow() {
		if (THREADS.getCurrentThreadCpuTime() - endNanos > 0) {
			throw new Exceeded(Limit.PROCESSOR_TIME, budget);
		}
		if (System.nanoTime() - deadlineNanos > 0) {
			throw new Exceeded(Limit.WALL_TIME, timeout);
		}
	}

	/** Ends a budget, restoring the one before it, if any. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * The work passed its budget or its timeout. A catch-all for defects of a parser or
	 * analyser must let this one through: it is not a defect, and the request is over.
	 */
	public static final class Exceeded extends RuntimeException {

		private final Limit limit;

		private final Duration budget;

		Exceeded(Limit limit, Duration budget) {
			super(limit == Limit.PROCESSOR_TIME
					? "the work for this request took more than its budget of " + seconds(budget)
							+ " of processor time; the input is too large or too intricate"
					: "the work for this request was still going after its timeout of " + seconds(budget), null, false,
					false);
			this.limit = limit;
			this.budget = budget;
		}

		public Limit limit() {
			return limit;
		}

		/** The limit that was passed, processor or wall time. */
		public Duration budget() {
			return budget;
		}

		private static String seconds(Duration budget) {
			return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
		}

	}

}
