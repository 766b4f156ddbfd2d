package dev.rebaser.rewrite;

import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.Set;

/**
 * Everything one rewrite shares: rules, target, options, the log, and paths the
 * Dockerfile provides itself.
 */
record Translation(RuleSet rules, Target target, RewriteOptions options, PackageCommands packages, RewriteLog log,
		Set<String> selfProvidedPaths) {
}
