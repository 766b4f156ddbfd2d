package dev.rebaser.rewriting;

import dev.rebaser.packages.PackageIndex;
import dev.rebaser.packages.PackageIndexUnavailableException;
import dev.rebaser.packages.PackageIndexes;
import dev.rebaser.packages.SuiteArch;
import dev.rebaser.rewrite.RewriteOptions;
import dev.rebaser.rewrite.RewriteResult;
import dev.rebaser.rewrite.RewriteWarning;
import dev.rebaser.rules.Distro;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Checks that every package a rewritten Dockerfile installs exists in the target's Debian
 * suite for the target architecture. Without an index (no cache, no apt lists, mirror out
 * of reach) the rewrite still answers, with a warning that the check could not run.
 */
@Component
@EnableConfigurationProperties(PackagesProperties.class)
public class PackageCheck {

	private final RuleSet rules;

	private final PackageIndexes indexes;

	private final boolean enabled;

	public PackageCheck(RuleSet rules, PackageIndexes indexes, PackagesProperties properties) {
		this.rules = rules;
		this.indexes = indexes;
		this.enabled = properties.check();
	}

	public RewriteResult apply(RewriteResult result, RewriteOptions options) {
		Target target = options.target();
		if (!enabled || target.distro() != Distro.DEBIAN || result.installs().isEmpty()) {
			return result;
		}
		SuiteArch which = new SuiteArch(target.release(), rules.architectureOf(target).debianArch());
		try {
			PackageIndex index = indexes.get(which);
			return result.withAvailability(index.asPredicate(), which.suite() + "/" + which.debianArch());
		}
		catch (PackageIndexUnavailableException ex) {
			List<RewriteWarning> warnings = new ArrayList<>(result.warnings());
			warnings.add(new RewriteWarning(0, "package-index-unavailable", "the packages could not be checked for "
					+ which.suite() + "/" + which.debianArch() + ": " + ex.getMessage()));
			return new RewriteResult(result.dockerfile(), result.changes(), warnings, result.installs());
		}
	}

}
