package dev.rebaser.web.page;

import dev.rebaser.build.queue.BuildBoard;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The overview as the page shows it, after Debian's buildd status pages: one row per
 * catalog image in build order, one column per architecture, each cell the newest job
 * there. Counts are over the whole grid, before filtering, so they say how the catalog
 * stands whatever is shown.
 */
public record OverviewGrid(List<String> arches, List<Row> rows, Map<BuildState, Long> counts, long withoutJob,
		int imageCount, Filter filter) {

	/** The state filter's value for cells that have no job yet. */
	public static final String NO_JOB = "NONE";

	/**
	 * What the user asked to see; null or blank parts mean "everything" and the graph's
	 * order.
	 */
	public record Filter(String state, String arch, String text, String sort) {

		public Filter {
			state = blankToNull(state);
			arch = blankToNull(arch);
			text = blankToNull(text);
			sort = sort == null || !List.of("graph", "name", "change").contains(sort) ? "graph" : sort;
		}

		public boolean active() {
			return state != null || arch != null || text != null;
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.trim();
		}
	}

	/**
	 * One image; its version tells apart the images a tree has in several versions
	 * (agnhost, httpd, nginx). Null when the catalog gives none.
	 */
	public record Row(String id, String name, String version, Integer level, List<String> parents, String unresolvable,
			List<Cell> cells, Instant lastChange) {
	}

	/** One image on one architecture; job is null when it was never queued there. */
	public record Cell(String arch, BuildBoard.Entry job, String finished, String finishedIso, String duration) {

		public String stateName() {
			return job == null ? NO_JOB : job.state().name();
		}

		public String label() {
			return job == null ? "no build" : job.state().name();
		}
	}

	public static OverviewGrid of(Catalog catalog, List<String> allArches, List<BuildBoard.Entry> latest, Filter filter,
			Instant now) {
		Map<String, BuildBoard.Entry> byCell = new HashMap<>();
		latest.forEach(entry -> byCell.put(entry.imageKey() + "\u0000" + entry.arch(), entry));
		List<String> shownArches = filter.arch() != null && allArches.contains(filter.arch()) ? List.of(filter.arch())
				: allArches;

		Set<String> ids = new LinkedHashSet<>(catalog.graph().order());
		catalog.images().forEach(image -> ids.add(image.id())); // images in or below a
																// cycle come last
		Map<BuildState, Long> counts = new EnumMap<>(BuildState.class);
		long withoutJob = 0;
		List<Row> rows = new ArrayList<>();
		for (String id : ids) {
			CatalogImage image = catalog.image(id).orElseThrow();
			List<Cell> cells = new ArrayList<>();
			Instant lastChange = null;
			for (String arch : allArches) {
				BuildBoard.Entry job = byCell.get(id + "\u0000" + arch);
				if (job == null) {
					withoutJob++;
				}
				else {
					counts.merge(job.state(), 1L, Long::sum);
				}
				if (!shownArches.contains(arch)) {
					continue;
				}
				cells.add(job == null ? new Cell(arch, null, "", "", "")
						: new Cell(arch, job, TimeText.at(job.finishedAt()), TimeText.iso(job.finishedAt()),
								TimeText.duration(job.duration(now))));
				if (job != null && (lastChange == null || job.lastChange().isAfter(lastChange))) {
					lastChange = job.lastChange();
				}
			}
			Row row = new Row(id, image.name(), Filter.blankToNull(image.version()),
					catalog.graph().level(id).orElse(null), List.copyOf(catalog.graph().parents(id)),
					catalog.graph().unresolvable(id).orElse(null), cells, lastChange);
			if (matches(row, filter)) {
				rows.add(row);
			}
		}
		if (filter.sort().equals("name")) {
			rows.sort(Comparator.comparing(Row::name).thenComparing(Row::id));
		}
		else if (filter.sort().equals("change")) {
			rows.sort(Comparator.comparing(Row::lastChange, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Row::id));
		}
		return new OverviewGrid(shownArches, rows, counts, withoutJob, ids.size(), filter);
	}

	private static boolean matches(Row row, Filter filter) {
		if (filter.text() != null) {
			String text = filter.text().toLowerCase(Locale.ROOT);
			if (!row.name().toLowerCase(Locale.ROOT).contains(text)
					&& !row.id().toLowerCase(Locale.ROOT).contains(text)) {
				return false;
			}
		}
		return filter.state() == null || row.cells().stream().anyMatch(cell -> cell.stateName().equals(filter.state()));
	}

	/**
	 * Every state in the enum's order with its count, zero included, for the summary
	 * line.
	 */
	public List<Map.Entry<String, Long>> summary() {
		List<Map.Entry<String, Long>> summary = new ArrayList<>();
		for (BuildState state : BuildState.values()) {
			summary.add(Map.entry(state.name(), counts.getOrDefault(state, 0L)));
		}
		summary.add(Map.entry(NO_JOB, withoutJob));
		return summary;
	}

}
