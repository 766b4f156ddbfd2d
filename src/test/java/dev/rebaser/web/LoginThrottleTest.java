package dev.rebaser.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

	Instant now = Instant.parse("2026-03-01T10:00:00Z");

	final LoginThrottle throttle = new LoginThrottle(new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void anAddressThatFailsTooOftenWaitsUntilItsWindowHasPassed() {
		for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
			throttle.failed("203.0.113.7");
		}
		assertThat(throttle.blocked("203.0.113.7")).isEmpty();

		now = now.plusSeconds(20);
		throttle.failed("203.0.113.7");
		assertThat(throttle.blocked("203.0.113.7")).contains(Duration.ofSeconds(40));
		assertThat(throttle.blocked("198.51.100.1")).as("another address").isEmpty();

		now = now.plusSeconds(40);
		assertThat(throttle.blocked("203.0.113.7")).isEmpty();
	}

	@Test
	void aSuccessForgetsTheFailures() {
		for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
			throttle.failed("203.0.113.7");
		}
		throttle.succeeded("203.0.113.7");
		throttle.failed("203.0.113.7");
		assertThat(throttle.blocked("203.0.113.7")).isEmpty();
	}

	@Test
	void onlyTheMostRecentAddressesAreRemembered() {
		for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
			throttle.failed("203.0.113.7");
		}
		for (int i = 0; i < LoginThrottle.MAX_CLIENTS; i++) {
			throttle.failed("client-" + i);
		}
		assertThat(throttle.blocked("203.0.113.7")).isEmpty();
	}

}
