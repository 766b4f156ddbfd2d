package dev.rebaser.build.queue;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a build job stands, after Debian's wanna-build. Each state names the states it
 * may move to, so that a late or duplicate report (a build finishing after its job was
 * cancelled, a second claim) cannot rewrite history.
 */
public enum BuildState {

	NEEDS_BUILD, DEP_WAIT, BUILDING, BUILT, FAILED, UNRESOLVABLE, CANCELLED, UP_TO_DATE;

	/** A parent in one of these states is good to build on. */
	public boolean isGoodParent() {
		return this == BUILT || this == UP_TO_DATE;
	}

	/** A parent in one of these states will not become good without someone acting. */
	public boolean isDeadEnd() {
		return this == FAILED || this == UNRESOLVABLE || this == CANCELLED;
	}

	/** Still waiting for, or in, a build. */
	public boolean isActive() {
		return this == NEEDS_BUILD || this == DEP_WAIT || this == BUILDING;
	}

	public boolean canMoveTo(BuildState next) {
		return successors().contains(next);
	}

	private Set<BuildState> successors() {
		return switch (this) {
			case NEEDS_BUILD -> EnumSet.of(BUILDING, DEP_WAIT, CANCELLED, UNRESOLVABLE);
			case DEP_WAIT -> EnumSet.of(NEEDS_BUILD, CANCELLED, UNRESOLVABLE);
			case BUILDING -> EnumSet.of(BUILT, UP_TO_DATE, FAILED, NEEDS_BUILD, CANCELLED);
			case FAILED, CANCELLED, UNRESOLVABLE -> EnumSet.of(NEEDS_BUILD, DEP_WAIT);
			case BUILT, UP_TO_DATE -> EnumSet.noneOf(BuildState.class);
		};
	}

}
