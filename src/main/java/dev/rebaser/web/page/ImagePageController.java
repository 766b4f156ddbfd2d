package dev.rebaser.web.page;

import dev.rebaser.build.Rebuilds;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.TargetArchitectures;
import dev.rebaser.rewriting.TargetChoice;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One catalog image: where it comes from, its Dockerfile before and after the rewrite for
 * one architecture with every change and warning, where it sits in the graph, and its
 * builds.
 */
@Controller
public class ImagePageController {

	private final CurrentCatalog catalog;

	private final TargetArchitectures arches;

	private final BuildQueue queue;

	private final Rebuilds rebuilds;

	private final ImagePage page;

	public ImagePageController(CurrentCatalog catalog, TargetArchitectures arches, BuildQueue queue, Rebuilds rebuilds,
			ImagePage page) {
		this.catalog = catalog;
		this.arches = arches;
		this.queue = queue;
		this.rebuilds = rebuilds;
		this.page = page;
	}

	@GetMapping("/images/{id}")
	public String image(@PathVariable String id, @RequestParam(defaultValue = TargetArchitectures.DEFAULT) String arch,
			@RequestParam(defaultValue = "0") int offset, Model model, CsrfToken csrf) {
		FormTokens.settle(csrf);
		Catalog current = catalog.get();
		CatalogImage image = current.image(id).orElseThrow(() -> new Rebuilds.UnknownImageException(id));
		model.addAttribute("image", image);
		model.addAttribute("arch", arch);
		model.addAttribute("arches", arches.all());
		model.addAttribute("level", current.graph().level(id).orElse(null));
		model.addAttribute("parents", current.graph().parents(id));
		model.addAttribute("children", current.graph().children(id));
		model.addAttribute("unresolvable", current.graph().unresolvable(id).orElse(null));
		model.addAttribute("problems", current.problemsOf(id));
		model.addAllAttributes(page.rewrite(image, arch));
		Optional<BuildJob> latest = queue.latest(id, arch);
		model.addAttribute("latest", latest.orElse(null));
		model.addAttribute("downloadable", latest.map(job -> job.getState().isGoodParent()).orElse(false));
		model.addAllAttributes(page.history(id, offset));
		return "image";
	}

	/**
	 * Rebuild one image for an architecture, with the ancestors that have no good build
	 * there.
	 */
	@PostMapping("/images/{id}/rebuild")
	public String rebuild(@PathVariable String id,
			@RequestParam(defaultValue = TargetArchitectures.DEFAULT) String arch,
			@RequestParam(defaultValue = "false") boolean force, RedirectAttributes flash) {
		catalog.get().image(id).orElseThrow(() -> new Rebuilds.UnknownImageException(id));
		try {
			List<BuildJob> jobs = rebuilds.start(List.of(id), arch, force, OverviewController.ACTOR);
			long others = jobs.stream().filter(job -> !job.getImageKey().equals(id)).count();
			flash.addFlashAttribute("message",
					"Queued " + id + " for " + arch + (force ? ", forced" : "") + (others == 0 ? "."
							: ", with " + others + " image" + (others == 1 ? "" : "s") + " it builds on."));
			flash.addAttribute("arch", arch);
		}
		catch (TargetChoice.UnknownTargetException | IllegalStateException ex) {
			flash.addFlashAttribute("error", "Nothing was queued: " + ex.getMessage());
		}
		return "redirect:/images/{id}";
	}

}
