package dev.rebaser.rewrite;

import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.Map;

/**
 * How to rewrite.
 *
 * @param rebaseBuildPlatformStages also rebase stages declared
 * {@code --platform=$BUILDPLATFORM}, which otherwise run natively on the build host and
 * stay as they are
 * @param lowerHeredocs turn RUN heredocs into classic-builder syntax
 * @param buildArgs values of build arguments, overriding ARG defaults when resolving FROM
 */
public record RewriteOptions(Target target, boolean strict, boolean rebaseBuildPlatformStages, boolean lowerHeredocs,
		Map<String, String> buildArgs) {

	public RewriteOptions {
		if (target == null) {
			throw new IllegalArgumentException("target is required");
		}
		buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
	}

	/**
	 * The rules' default target (debian-bookworm/mips64le), not strict, heredocs lowered.
	 */
	public static RewriteOptions defaults(RuleSet rules) {
		return new RewriteOptions(rules.defaultTarget(), false, false, true, Map.of());
	}

	public RewriteOptions withTarget(Target t) {
		return new RewriteOptions(t, strict, rebaseBuildPlatformStages, lowerHeredocs, buildArgs);
	}

	public RewriteOptions withStrict(boolean s) {
		return new RewriteOptions(target, s, rebaseBuildPlatformStages, lowerHeredocs, buildArgs);
	}

	public RewriteOptions withRebaseBuildPlatformStages(boolean rebase) {
		return new RewriteOptions(target, strict, rebase, lowerHeredocs, buildArgs);
	}

	public RewriteOptions withLowerHeredocs(boolean lower) {
		return new RewriteOptions(target, strict, rebaseBuildPlatformStages, lower, buildArgs);
	}

	public RewriteOptions withBuildArgs(Map<String, String> args) {
		return new RewriteOptions(target, strict, rebaseBuildPlatformStages, lowerHeredocs, args);
	}
}
