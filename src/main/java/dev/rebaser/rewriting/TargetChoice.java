package dev.rebaser.rewriting;

import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns the target and arch request parameters into rewrite options, or a clear refusal
 * that names the targets there are.
 */
@Component
public class TargetChoice {

	private final RuleSet rules;

	public TargetChoice(RuleSet rules) {
		this.rules = rules;
	}

	/**
	 * The distribution and suite part of the default target's key, e.g.
	 * {@code debian-bookworm}.
	 */
	public String defaultTarget() {
		return rules.defaultTarget().name();
	}

	public RewriteOptions options(String target, String arch, boolean strict) {
		Target chosen = rules.target(target, arch)
			.orElseThrow(() -> new UnknownTargetException(
					"there is no target " + target + " for arch " + arch + "; the targets are: "
							+ rules.targets().stream().map(Target::key).sorted().collect(Collectors.joining(", "))));
		return RewriteOptions.defaults(rules).withTarget(chosen).withStrict(strict);
	}

	public static final class UnknownTargetException extends RuntimeException {

		public UnknownTargetException(String message) {
			super(message);
		}

	}

}
