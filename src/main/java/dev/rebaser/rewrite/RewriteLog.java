package dev.rebaser.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects changes, warnings and installed packages as the rewrite goes. */
final class RewriteLog {

	private final List<Change> changes = new ArrayList<>();

	private final List<RewriteWarning> warnings = new ArrayList<>();

	private final List<InstalledPackage> installs = new ArrayList<>();

	void change(int line, String ruleId, String before, String after) {
		changes.add(new Change(line, ruleId, before, after));
	}

	void warn(int line, String code, String message) {
		for (RewriteWarning w : warnings) {
			if (w.line() == line && w.code().equals(code) && w.message().equals(message)) {
				return;
			}
		}
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
