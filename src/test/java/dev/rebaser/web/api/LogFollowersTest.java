package dev.rebaser.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogFollowersTest {

	@Test
	void eachAddressHasItsShareAndEveryoneTogetherTheWhole() {
		LogFollowers followers = new LogFollowers(2, 3);
		LogFollowers.Follower a1 = followers.follow("a");
		followers.follow("a");
		assertThatThrownBy(() -> followers.follow("a")).isInstanceOfSatisfying(
				LogFollowers.TooManyFollowersException.class, refused -> assertThat(refused.byClient()).isTrue());
		followers.follow("b");
		assertThatThrownBy(() -> followers.follow("c")).isInstanceOfSatisfying(
				LogFollowers.TooManyFollowersException.class, refused -> assertThat(refused.byClient()).isFalse());

		a1.close();
		a1.close(); // once is enough: a second close gives nothing back twice
		followers.follow("c");
		assertThatThrownBy(() -> followers.follow("d")).isInstanceOf(LogFollowers.TooManyFollowersException.class);
		assertThatThrownBy(() -> followers.follow("a")).isInstanceOf(LogFollowers.TooManyFollowersException.class);
	}

	@Test
	void followedLogsAreOpenUntilTheServiceStops() {
		LogFollowers followers = new LogFollowers(4, 32);
		assertThat(followers.open()).isTrue();
		followers.stop();
		assertThat(followers.open()).isFalse();
	}

}
