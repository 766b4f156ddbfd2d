package dev.rebaser.cli;

import dev.rebaser.rules.ArchitectureNames;
import dev.rebaser.rules.RuleSet;

/**
 * Architectures as users type them: Docker's {@code mips64le} and Debian's
 * {@code mips64el} both name the same one, whichever a command needs underneath.
 */
final class ArchNames {

	private ArchNames() {
	}

	/** The rules' key (Docker's name); a name the rules do not know stays as typed. */
	static String docker(RuleSet rules, String typed) {
		return rules.architectureNamed(typed).map(ArchitectureNames::key).orElse(typed);
	}

	/** Debian's name; a name the rules do not know stays as typed. */
	static String debian(RuleSet rules, String typed) {
		return rules.architectureNamed(typed).map(ArchitectureNames::debianArch).orElse(typed);
	}

}
