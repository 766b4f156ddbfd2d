package dev.rebaser.web.page;

import dev.rebaser.build.HostBaseImages;
import dev.rebaser.build.base.BaseImageBootstraps;
import dev.rebaser.context.ArchiveTooLargeException;
import dev.rebaser.context.BadContextException;
import dev.rebaser.context.UnsafeArchiveException;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.imports.ImportException;
import dev.rebaser.web.page.CatalogPage.RunRow;
import java.io.IOException;
import java.util.List;
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

	private final CatalogPage page;

	private final CatalogImports imports;

	private final HostBaseImages bases;

	public CatalogPageController(CatalogPage page, CatalogImports imports, HostBaseImages bases) {
		this.page = page;
		this.imports = imports;
		this.bases = bases;
	}

	@GetMapping("/catalog")
	public String catalog(@RequestParam(required = false) String fragment, Model model, CsrfToken csrf) {
		FormTokens.settle(csrf);
		List<RunRow> runs = page.runs();
		model.addAttribute("runs", runs);
		model.addAttribute("running", RunRow.anyRunning(runs));
		if ("bootstraps".equals(fragment)) {
			// a page that asks for the fragment is following runs: it keeps following
			// until it is reloaded
			model.addAttribute("live", true);
			return "catalog :: bootstraps";
		}
		model.addAttribute("live", RunRow.anyRunning(runs));
		model.addAttribute("source", page.source());
		model.addAttribute("problems", page.problems());
		model.addAttribute("history", page.history());
		model.addAttribute("hosts", page.hosts());
		model.addAttribute("builds", page.builds());
		return "catalog";
	}

	/**
	 * Imports a tree from a folder on the server, a release tarball's URL or an uploaded
	 * .tar.gz.
	 */
	@PostMapping("/catalog/import")
	public String importTree(@RequestParam(required = false) String path, @RequestParam(required = false) String url,
			@RequestParam(required = false) MultipartFile upload, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("message", CatalogPage
				.imported(imports.run(CatalogPage.importSource(path, url, upload), OverviewController.ACTOR)));
		}
		catch (CurrentCatalog.EmptyCatalogException ex) {
			flash.addFlashAttribute("error", CatalogPage.nothingImported(ex));
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
