package dev.rebaser.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per client address, so that the operator token cannot be guessed at the
 * speed of the network: after {@link #MAX_FAILURES} failures within a {@link #WINDOW},
 * that address may not try again until the window has passed. A success forgets the
 * address. Only the most recent {@link #MAX_CLIENTS} addresses are remembered, so the
 * table cannot grow without bound.
 */
public final class LoginThrottle {

	public static final int MAX_FAILURES = 10;

	public static final Duration WINDOW = Duration.ofMinutes(1);

	static final int MAX_CLIENTS = 10_000;

	private record Failures(Instant since, int count) {
	}

	private final Clock clock;

	private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_CLIENTS;
		}
	};

	public LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** How long the address must still wait, when it has failed too often. */
	public synchronized Optional<Duration> blocked(String client) {
		Failures recent = current(client);
		if (recent == null || recent.count() < MAX_FAILURES) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(clock.instant(), recent.since().plus(WINDOW)));
	}

	public synchronized void failed(String client) {
		Failures recent = current(client);
		failures.put(client,
				recent == null ? new Failures(clock.instant(), 1) : new Failures(recent.since(), recent.count() + 1));
	}

	public synchronized void succeeded(String client) {
		failures.remove(client);
	}

	private Failures current(String client) {
		Failures recent = failures.get(client);
		if (recent != null && !clock.instant().isBefore(recent.since().plus(WINDOW))) {
			failures.remove(client);
			return null;
		}
		return recent;
	}

}
