package dev.rebaser.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rewritten Dockerfile with every change and warning (lines of the input) and every
 * package the output installs. {@code target} is the key of the target rewritten for
 * (null when unknown).
 */
public record RewriteResult(String dockerfile, List<Change> changes, List<RewriteWarning> warnings,
		List<InstalledPackage> installs, String target) {

	public RewriteResult {
		changes = List.copyOf(changes);
		warnings = List.copyOf(warnings);
		installs = List.copyOf(installs);
	}

	public RewriteResult(String dockerfile, List<Change> changes, List<RewriteWarning> warnings,
			List<InstalledPackage> installs) {
		this(dockerfile, changes, warnings, installs, null);
	}

	/**
	 * Adds a {@code package-unavailable} warning for each installed package that
	 * {@code exists} denies, unless the rules already warned about that package on that
	 * line.
	 * @param where the archive checked, e.g. {@code bookworm/mips64el}
	 */
	public RewriteResult withAvailability(Predicate<String> exists, String where) {
		List<RewriteWarning> all = new ArrayList<>(warnings);
		for (InstalledPackage p : installs) {
			if (exists.test(p.name())) {
				continue;
			}
			String message = "package " + p.name() + " does not exist in " + where;
			boolean known = all.stream()
				.anyMatch(w -> w.line() == p.line() && w.code().equals(PackageAvailability.CODE)
						&& w.message().startsWith("package " + p.name() + " "));
			if (!known) {
				all.add(new RewriteWarning(p.line(), PackageAvailability.CODE, message));
			}
		}
		all.sort(java.util.Comparator.comparingInt(RewriteWarning::line));
		return new RewriteResult(dockerfile, changes, all, installs, target);
	}
}
