package dev.rebaser.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems noted during an import, against drafts whose ids are only given at the end.
 */
final class ProblemLog {

	private record Entry(Draft draft, CatalogProblem.Severity severity, String message) {
	}

	private final List<Entry> entries = new ArrayList<>();

	void error(Draft draft, String message) {
		entries.add(new Entry(draft, CatalogProblem.Severity.ERROR, message));
	}

	void warning(Draft draft, String message) {
		entries.add(new Entry(draft, CatalogProblem.Severity.WARNING, message));
	}

	void info(Draft draft, String message) {
		entries.add(new Entry(draft, CatalogProblem.Severity.INFO, message));
	}

	List<CatalogProblem> problems() {
		return entries.stream()
			.map(entry -> new CatalogProblem(entry.draft() == null ? null : entry.draft().id, entry.severity(),
					entry.message()))
			.toList();
	}

}
