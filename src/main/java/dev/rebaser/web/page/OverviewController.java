package dev.rebaser.web.page;

import dev.rebaser.build.Rebuilds;
import dev.rebaser.build.queue.BuildBoard;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.TargetArchitectures;
import dev.rebaser.rewriting.TargetChoice;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The front page: every catalog image against every architecture, the state of its newest
 * build in each cell, and the form that rebuilds everything. Filters and sorting are
 * query parameters, so the page works and can be bookmarked without JavaScript; live.js
 * re-fetches the grid alone.
 */
@Controller
public class OverviewController {

	static final String ACTOR = "operator via dashboard";

	private final CurrentCatalog catalog;

	private final BuildBoard board;

	private final TargetArchitectures arches;

	private final Rebuilds rebuilds;

	private final Clock clock = Clock.systemUTC();

	public OverviewController(CurrentCatalog catalog, BuildBoard board, TargetArchitectures arches, Rebuilds rebuilds) {
		this.catalog = catalog;
		this.board = board;
		this.arches = arches;
		this.rebuilds = rebuilds;
	}

	@GetMapping("/")
	public String overview(@RequestParam(required = false) String state, @RequestParam(required = false) String arch,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String fragment, HttpServletRequest request, Model model, CsrfToken csrf) {
		FormTokens.settle(csrf);
		OverviewGrid grid = OverviewGrid.of(catalog.get(), arches.all(), board.latest(),
				new OverviewGrid.Filter(state, arch, q, sort), clock.instant());
		model.addAttribute("grid", grid);
		model.addAttribute("states", BuildState.values());
		model.addAttribute("allArches", arches.all());
		model.addAttribute("defaultArch", TargetArchitectures.DEFAULT);
		model.addAttribute("liveUrl",
				UriComponentsBuilder.fromUriString(request.getRequestURI())
					.query(request.getQueryString())
					.replaceQueryParam("fragment", "grid")
					.build()
					.toUriString());
		if ("grid".equals(fragment)) {
			return "overview :: grid";
		}
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromContextPath(request).toUriString());
		return "overview";
	}

	/** Rebuild every catalog image for one architecture. */
	@PostMapping("/builds")
	public String rebuildAll(@RequestParam(defaultValue = TargetArchitectures.DEFAULT) String arch,
			@RequestParam(defaultValue = "false") boolean force, RedirectAttributes flash) {
		try {
			List<BuildJob> jobs = rebuilds.start(List.of(), arch, force, ACTOR);
			flash.addFlashAttribute("message",
					"Queued " + jobs.size() + " image" + (jobs.size() == 1 ? "" : "s") + " for " + arch
							+ (force ? ", forced" : "") + "; images already waiting or building keep their job.");
		}
		catch (TargetChoice.UnknownTargetException | IllegalStateException ex) {
			flash.addFlashAttribute("error", "Nothing was queued: " + ex.getMessage());
		}
		return "redirect:/";
	}

}
