package dev.rebaser.web.page;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.HostBase;
import dev.rebaser.build.HostBaseImages;
import dev.rebaser.build.HostStatus;
import dev.rebaser.build.Scheduler;
import dev.rebaser.build.base.BaseImageBootstraps;
import dev.rebaser.build.docker.DockerHost;
import dev.rebaser.catalog.CatalogProblem;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CatalogStore;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.imports.ImportException;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where the catalog comes from and importing a new one; the Docker hosts, their health
 * and the base images Rebaser makes itself on each, with the bootstraps that make them.
 * While a bootstrap runs, live.js re-fetches the list of bootstraps; without JavaScript
 * the Refresh link does the same.
 */
@Controller
public class CatalogPageController {

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

	public CatalogPageController(CurrentCatalog catalog, ObjectProvider<CatalogStore> store, BuildHosts hosts,
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

	}

	@GetMapping("/catalog")
	public String catalog(@RequestParam(required = false) String fragment, Model model, CsrfToken csrf) {
		FormTokens.settle(csrf);
		List<RunRow> runs = hosts.bootstraps().runs().stream().map(RunRow::of).toList();
		boolean running = runs.stream().anyMatch(row -> row.run().state() == BaseImageBootstraps.Run.State.RUNNING);
		model.addAttribute("runs", runs);
		model.addAttribute("running", running);
		if ("bootstraps".equals(fragment)) {
			// a page that asks for the fragment is following runs: it keeps following
			// until it is reloaded
			model.addAttribute("live", true);
			return "catalog :: bootstraps";
		}
		model.addAttribute("live", running);
		CatalogStore.CatalogImport source = catalog.source();
		model.addAttribute("source", ImportRow.of(source));
		model.addAttribute("problems",
				catalog.get().problems().stream().sorted(Comparator.comparing(CatalogProblem::severity)).toList());
		CatalogStore imports = store.getIfAvailable();
		model.addAttribute("history",
				(imports == null ? List.of(source) : imports.history(HISTORY)).stream().map(ImportRow::of).toList());
		model.addAttribute("hosts", hostRows());
		model.addAttribute("builds", scheduler.getIfAvailable() != null);
		return "catalog";
	}

	private List<HostRow> hostRows() {
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

	/**
	 * Imports a tree from a folder on the server, a release tarball's URL or an uploaded
	 * .tar.gz.
	 */
	@PostMapping("/catalog/import")
	public String importTree(@RequestParam(required = false) String path, @RequestParam(required = false) String url,
			@RequestParam(required = false) MultipartFile upload, RedirectAttributes flash) {
		boolean uploaded = upload != null && !upload.isEmpty();
		String uploadName = uploaded && upload.getOriginalFilename() != null && !upload.getOriginalFilename().isBlank()
				? "upload " + upload.getOriginalFilename() : "upload";
		try {
			CatalogStore.CatalogImport record = CatalogImports.run(catalog, path, url,
					uploaded ? upload::getInputStream : null, uploadName, OverviewController.ACTOR);
			flash.addFlashAttribute("message",
					"Imported " + record.origin() + ": " + record.images() + " image"
							+ (record.images() == 1 ? "" : "s") + ", " + record.problems() + " problem"
							+ (record.problems() == 1 ? "" : "s") + ".");
		}
		catch (CurrentCatalog.EmptyCatalogException ex) {
			flash.addFlashAttribute("error",
					"Nothing was imported: " + ex.getMessage() + ". "
							+ ex.catalog()
								.problems()
								.stream()
								.limit(SHOWN_PROBLEMS)
								.map(CatalogProblem::toString)
								.collect(Collectors.joining("; ")));
		}
		catch (ImportException | BadContextException | UnsafeArchiveException | ArchiveTooLargeException
				| IOException ex) {
			flash.addFlashAttribute("error", "Nothing was imported: " + ex.getMessage());
		}
		return "redirect:/catalog";
	}

	/** Makes a target's base image on a host with debootstrap, in the background. */
	@PostMapping("/catalog/base-images/bootstrap")
	public String bootstrap(@RequestParam String target, @RequestParam String arch,
			@RequestParam(required = false) String host, RedirectAttributes flash) {
		try {
			BaseImageBootstraps.Run run = bases.bootstrap(target, arch, host);
			flash.addFlashAttribute("message", "Bootstrap " + run.id() + " started: " + run.reference() + " for "
					+ run.arch() + " on " + run.host() + ".");
		}
		catch (ResponseStatusException ex) {
			flash.addFlashAttribute("error", "No bootstrap was started: " + ex.getReason());
		}
		catch (IllegalStateException ex) {
			flash.addFlashAttribute("error", "No bootstrap was started: " + ex.getMessage());
		}
		return "redirect:/catalog#bootstraps";
	}

}
