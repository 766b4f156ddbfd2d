package dev.rebaser.build.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildStateTest {

	@Test
	void finishedGoodStatesAreFinal() {
		for (BuildState next : BuildState.values()) {
			assertThat(BuildState.BUILT.canMoveTo(next)).as("BUILT -> " + next).isFalse();
			assertThat(BuildState.UP_TO_DATE.canMoveTo(next)).as("UP_TO_DATE -> " + next).isFalse();
		}
	}

	@Test
	void onlyABuildingJobFinishesAndOnlyAClaimableJobIsClaimed() {
		for (BuildState from : BuildState.values()) {
			assertThat(from.canMoveTo(BuildState.BUILT)).as(from + " -> BUILT").isEqualTo(from == BuildState.BUILDING);
			assertThat(from.canMoveTo(BuildState.BUILDING)).as(from + " -> BUILDING")
				.isEqualTo(from == BuildState.NEEDS_BUILD);
		}
	}

	@Test
	void deadEndsCanBeQueuedAgain() {
		for (BuildState dead : new BuildState[] { BuildState.FAILED, BuildState.CANCELLED, BuildState.UNRESOLVABLE }) {
			assertThat(dead.isDeadEnd()).isTrue();
			assertThat(dead.canMoveTo(BuildState.NEEDS_BUILD)).isTrue();
			assertThat(dead.canMoveTo(BuildState.DEP_WAIT)).isTrue();
			assertThat(dead.canMoveTo(BuildState.BUILDING)).isFalse();
		}
		assertThat(BuildState.BUILDING.isDeadEnd()).isFalse();
	}

}
