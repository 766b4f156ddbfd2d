package dev.rebaser.rules;

import java.util.List;
import java.util.Map;

/** The answer to "what does this FROM image become on the target?". */
public sealed interface BaseImageChoice {

	/** The image stays as it is. */
	record Keep(String ruleId, String reason) implements BaseImageChoice {
	}

	/** Use this official Debian-based image instead. */
	record Official(String ruleId, String image) implements BaseImageChoice {
	}

	/**
	 * Use the target's base image, install these Alpine packages (map them through
	 * {@link RuleSet#packagesFor}), and give the image the CMD and environment the
	 * original had (an empty {@code cmd} means the original's CMD is not known to
	 * matter).
	 */
	record TargetBase(String ruleId, String image, List<String> installs, List<String> cmd,
			Map<String, String> env) implements BaseImageChoice {
	}

	/** No rule matches: the rewrite must report the image. */
	record NoRule(String image) implements BaseImageChoice {
	}

}
