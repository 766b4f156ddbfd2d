package dev.rebaser.rules;

import java.util.List;
import java.util.Optional;

/** The answer to "what does the target install for this Alpine package or applet?". */
public sealed interface PackageMapping {

	/**
	 * Install these target packages.
	 *
	 * @param availableOnTarget false when the rules say the target's archive lacks one of
	 * them
	 */
	record Install(String ruleId, List<String> names, boolean availableOnTarget) implements PackageMapping {
	}

	/** Nothing needs installing, for the given reason. */
	record NothingNeeded(String ruleId, String reason) implements PackageMapping {
	}

	/**
	 * No rule says anything for this target's distro.
	 *
	 * @param ruleId the rule that exists for other distros, if any
	 */
	record Unmapped(String name, Optional<String> ruleId) implements PackageMapping {
	}

}
