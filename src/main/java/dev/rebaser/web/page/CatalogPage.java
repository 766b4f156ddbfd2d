package dev.rebaser.web.page;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.HostBase;
import dev.rebaser.build.HostBaseImages;
import dev.rebaser.build.HostStatus;
import dev.rebaser.build.Scheduler;
import dev.rebaser.build.base.BaseImageBootstraps;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.catalog.CatalogProblem;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CatalogStore;
import dev.rebaser.imports.CurrentCatalog;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the catalog page shows: where the catalog comes from and its import history, the
 * Docker hosts with their health and base images, and the bootstraps that make them.
 */
@Component
public class CatalogPage {

	static final int HISTORY = 20;

	/**
	 * The problems of a refused import named in its message; the first ones say enough.
	 */
	static final int SHOWN_PROBLEMS = 5;

	private final CurrentCatalog catalog;

	private final ObjectProvider<CatalogStore> store;

	private final BuildHosts hosts;

	private final HostBaseImages bases;

	private final ObjectProvider<Scheduler> scheduler;

	public CatalogPage(CurrentCatalog catalog, ObjectProvider<CatalogStore> store, BuildHosts hosts,
			HostBaseImages bases, ObjectProvider<Scheduler> scheduler) {
		this.catalog = catalog;
		this.store = store;
		this.hosts = hosts;
		this.bases = bases;
		this.scheduler = scheduler;
	}

	/** One import as the history prints it. */
	public record ImportRow(CatalogStore.CatalogImport record, String at, String iso) {

		public static ImportRow of(CatalogStore.CatalogImport record) {
			return new ImportRow(record, TimeText.at(record.importedAt()), TimeText.iso(record.importedAt()));
		}

	}

	/**
	 * A Docker host: its configured concurrency, the scheduler's view of it (null: no
	 * scheduler) and its bases.
	 */
	public record HostRow(String host, int concurrency, HostStatus health, String since, List<BaseRow> bases) {
	}

	/** One base image on one host, with the word the page shows for its state. */
	public record BaseRow(HostBase base, String targetName, String state, String label) {

		public static BaseRow of(HostBase base) {
			String name = base.target().contains("/") ? base.target().substring(0, base.target().indexOf('/'))
					: base.target();
			if (base.error() != null) {
				return new BaseRow(base, name, "unknown", "unknown");
			}
			if (base.usable()) {
				return new BaseRow(base, name, "usable", "present and usable");
			}
			if (base.present()) {
				return new BaseRow(base, name, "wrong-arch", "wrong architecture");
			}
			return new BaseRow(base, name, "missing", "missing");
		}

		/** Worth bootstrapping: the daemon answered and has no usable image. */
		public boolean bootstrappable() {
			return base.error() == null && !base.usable();
		}

	}

	/** A bootstrap run as the list prints it. */
	public record RunRow(BaseImageBootstraps.Run run, String started, String finished) {

		public static RunRow of(BaseImageBootstraps.Run run) {
			return new RunRow(run, TimeText.at(run.startedAt()), TimeText.at(run.finishedAt()));
		}

		public static boolean anyRunning(List<RunRow> runs) {
			return runs.stream().anyMatch(row -> row.run().state() == BaseImageBootstraps.Run.State.RUNNING);
		}

	}

	public List<RunRow> runs() {
		return hosts.bootstraps().runs().stream().map(RunRow::of).toList();
	}

	public ImportRow source() {
		return ImportRow.of(catalog.source());
	}

	/** The current catalog's problems, the most severe first. */
	public List<CatalogProblem> problems() {
		return catalog.get().problems().stream().sorted(Comparator.comparing(CatalogProblem::severity)).toList();
	}

	/** The latest imports; without a database, only the current one. */
	public List<ImportRow> history() {
		CatalogStore imports = store.getIfAvailable();
		return (imports == null ? List.of(catalog.source()) : imports.history(HISTORY)).stream()
			.map(ImportRow::of)
			.toList();
	}

	/** Whether this instance builds: with no scheduler there is no host health either. */
	public boolean builds() {
		return scheduler.getIfAvailable() != null;
	}

	public List<HostRow> hosts() {
		Scheduler builds = scheduler.getIfAvailable();
		Map<String, HostStatus> health = builds == null ? Map.of()
				: builds.hostStatuses()
					.stream()
					.collect(Collectors.toMap(HostStatus::host, Function.identity(), (first, second) -> first));
		Map<String, List<BaseRow>> baseRows = bases.statuses()
			.stream()
			.map(BaseRow::of)
			.collect(Collectors.groupingBy(row -> row.base().host()));
		return hosts.all().stream().map(host -> {
			String name = host.uri().toString();
			HostStatus status = health.get(name);
			return new HostRow(name, concurrency(host, status), status,
					status == null ? "" : TimeText.at(status.since()), baseRows.getOrDefault(name, List.of()));
		}).toList();
	}

	private int concurrency(DockerHost host, HostStatus status) {
		return status != null ? status.concurrency() : hosts.concurrency(host);
	}

	/** The import the form asks for; an upload is named by its file name. */
	public static CatalogImports.Source importSource(String path, String url, MultipartFile upload) {
		boolean uploaded = upload != null && !upload.isEmpty();
		String name = uploaded && upload.getOriginalFilename() != null && !upload.getOriginalFilename().isBlank()
				? "upload " + upload.getOriginalFilename() : "upload";
		return new CatalogImports.Source(path, url, uploaded ? upload::getInputStream : null, name);
	}

	public static String imported(CatalogStore.CatalogImport record) {
		return "Imported " + record.origin() + ": " + record.images() + " image" + (record.images() == 1 ? "" : "s")
				+ ", " + record.problems() + " problem" + (record.problems() == 1 ? "" : "s") + ".";
	}

	public static String nothingImported(CurrentCatalog.EmptyCatalogException ex) {
		return "Nothing was imported: " + ex.getMessage() + ". "
				+ ex.catalog()
					.problems()
					.stream()
					.limit(SHOWN_PROBLEMS)
					.map(CatalogProblem::toString)
					.collect(Collectors.joining("; "));
	}

}
