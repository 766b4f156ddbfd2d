package dev.rebaser.web.api;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The build logs being followed. A followed log holds a thread and asks the database for
 * more twice a second for as long as its build runs, which under emulation is hours; so
 * one client address may follow {@code rebaser.logs.max-followers-per-client} logs at
 * once and all clients together {@code rebaser.logs.max-followers}. When the service
 * stops, every followed log ends at once instead of holding the shutdown until its build
 * does.
 */
@Component
public class LogFollowers {

	private final int maxPerClient;

	private final int max;

	private final Map<String, Integer> byClient = new HashMap<>();

	private int followed;

	private volatile boolean stopping;

	public LogFollowers(@Value("${rebaser.logs.max-followers-per-client:4}") int maxPerClient,
			@Value("${rebaser.logs.max-followers:32}") int max) {
		this.maxPerClient = maxPerClient;
		this.max = max;
	}

	/**
	 * A place for {@code client} to follow a log, to be closed when the log ends.
	 * @throws TooManyFollowersException when the client, or everyone together, follows as
	 * many logs as allowed
	 */
	public synchronized Follower follow(String client) {
		int ofClient = byClient.getOrDefault(client, 0);
		if (ofClient >= maxPerClient) {
			throw new TooManyFollowersException(true,
					"This address follows " + ofClient
							+ " build logs already, the most one address may (rebaser.logs.max-followers-per-client); "
							+ "end one, or read the log with follow=false and the offset it gave last.");
		}
		if (followed >= max) {
			throw new TooManyFollowersException(false, followed
					+ " build logs are followed already, the most the service serves at once (rebaser.logs.max-followers); "
					+ "try again later, or read the log with follow=false and the offset it gave last.");
		}
		byClient.put(client, ofClient + 1);
		followed++;
		return new Follower(client);
	}

	/** Whether followed logs may go on waiting for more: false once the service stops. */
	public boolean open() {
		return !stopping;
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}

	private synchronized void release(String client) {
		followed--;
		byClient.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
	}

	/** One followed log's place. */
	public final class Follower implements AutoCloseable {

		private final String client;

		private boolean closed;

		private Follower(String client) {
			this.client = client;
		}

		@Override
		public void close() {
			synchronized (LogFollowers.this) {
				if (!closed) {
					closed = true;
					release(client);
				}
			}
		}

	}

	/** No place to follow one more log: by one address (429) or by everyone (503). */
	public static final class TooManyFollowersException extends RuntimeException {

		private final boolean byClient;

		TooManyFollowersException(boolean byClient, String message) {
			super(message);
			this.byClient = byClient;
		}

		public boolean byClient() {
			return byClient;
		}

	}

}
