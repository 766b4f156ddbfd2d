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
 * spends none of it. A check reads the thread's clock only every
 * {@value #CALLS_PER_READING} calls, so it costs a counter increment in a tight loop.
 */
public final class CpuBudget {

	static final int CALLS_PER_READING = 256;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final ThreadLocal<CpuBudget> CURRENT = new ThreadLocal<>();

	private final Duration budget;

	private final long endNanos;

	private int calls;

	private CpuBudget(Duration budget) {
		this.budget = budget;
		this.endNanos = THREADS.getCurrentThreadCpuTime() + budget.toNanos();
	}

	/**
	 * Gives the work on this thread, until the scope closes, the budget from now.
	 */
	public static Scope start(Duration budget) {
		CpuBudget previous = CURRENT.get();
		CURRENT.set(new CpuBudget(budget));
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
			throw new Exceeded(budget);
		}
	}

	/** Ends a budget, restoring the one before it, if any. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * The work passed its budget. A catch-all for defects of a parser or analyser must
	 * let this one through: it is not a defect, and the request is over.
	 */
	public static final class Exceeded extends RuntimeException {

		private final Duration budget;

		Exceeded(Duration budget) {
			super("the work for this request took more than its budget of " + seconds(budget)
					+ " of processor time; the input is too large or too intricate", null, false, false);
			this.budget = budget;
		}

		public Duration budget() {
			return budget;
		}

		private static String seconds(Duration budget) {
			return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
		}

	}

}
