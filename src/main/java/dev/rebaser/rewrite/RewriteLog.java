package dev.rebaser.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects changes, warnings and installed packages as the rewrite goes. */
final class RewriteLog {

	private final List<Change> changes = new ArrayList<>();

	/**
	 * A set, so that a warning found again costs a lookup, not a pass over the others.
	 */
	private final Set<RewriteWarning> warnings = new LinkedHashSet<>();

	private final List<InstalledPackage> installs = new ArrayList<>();

	void change(int line, String ruleId, String before, String after) {
		changes.add(new Change(line, ruleId, before, after));
	}

	void warn(int line, String code, String message) {
		warnings.add(new RewriteWarning(line, code, message));
	}

	void installed(int line, String name) {
		installs.add(new InstalledPackage(line, name));
	}

	/** In line order; entries on one line keep the order they were found in. */
	List<Change> changes() {
		List<Change> sorted = new ArrayList<>(changes);
		sorted.sort(Comparator.comparingInt(Change::line));
		return sorted;
	}

	List<RewriteWarning> warnings() {
		List<RewriteWarning> sorted = new ArrayList<>(warnings);
		sorted.sort(Comparator.comparingInt(RewriteWarning::line));
		return sorted;
	}

	List<InstalledPackage> installs() {
		List<InstalledPackage> sorted = new ArrayList<>(installs);
		sorted.sort(Comparator.comparingInt(InstalledPackage::line));
		return sorted;
	}

}
