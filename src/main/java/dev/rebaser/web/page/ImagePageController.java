package dev.rebaser.web.page;

import dev.rebaser.build.Rebuilds;
import dev.rebaser.build.queue.BuildBoard;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.diff.LineDiff;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.TargetArchitectures;
import dev.rebaser.rewriting.TargetChoice;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

	static final int PAGE_SIZE = 20;

	private final CurrentCatalog catalog;

	private final ContextRewrite rewrite;

	private final TargetChoice targets;

	private final TargetArchitectures arches;

	private final BuildBoard board;

	private final BuildQueue queue;

	private final Rebuilds rebuilds;

	private final Clock clock = Clock.systemUTC();

	public ImagePageController(CurrentCatalog catalog, ContextRewrite rewrite, TargetChoice targets,
			TargetArchitectures arches, BuildBoard board, BuildQueue queue, Rebuilds rebuilds) {
		this.catalog = catalog;
		this.rewrite = rewrite;
		this.targets = targets;
		this.arches = arches;
		this.board = board;
		this.queue = queue;
		this.rebuilds = rebuilds;
	}

	/** One job of the image's history with its state changes, as the page prints it. */
	public record HistoryRow(BuildBoard.Entry job, String queued, String finished, String duration,
			List<StateChange> changes) {
	}

	@GetMapping("/images/{id}")
	public String image(@PathVariable String id, @RequestParam(defaultValue = TargetArchitectures.DEFAULT) String arch,
			@RequestParam(defaultValue = "0") int offset, Model model, CsrfToken csrf) {
		FormTokens.settle(csrf);
		Catalog current = catalog.get();
		CatalogImage image = current.image(id).orElseThrow(() -> new Rebuilds.UnknownImageException(id));
		var options = targets.options(targets.defaultTarget(), arch, false);
		model.addAttribute("image", image);
		model.addAttribute("arch", arch);
		model.addAttribute("arches", arches.all());
		model.addAttribute("level", current.graph().level(id).orElse(null));
		model.addAttribute("parents", current.graph().parents(id));
		model.addAttribute("children", current.graph().children(id));
		model.addAttribute("unresolvable", current.graph().unresolvable(id).orElse(null));
		model.addAttribute("problems", current.problemsOf(id));
		if (image.hasContext()) {
			String original = image.context().text(ContextRewrite.DOCKERFILE).orElse("");
			model.addAttribute("original", original);
			model.addAttribute("baseImageBefore", image.context().text(ContextRewrite.BASEIMAGE).orElse(null));
			try {
				ContextRewrite.Result result = rewrite.rewrite(image.context(), options, UnaryOperator.identity());
				model.addAttribute("rewrite", result);
				model.addAttribute("diff", LineDiff.of(original, result.dockerfile().dockerfile()));
				model.addAttribute("report", result.context().text(ContextRewrite.REPORT).orElse(""));
			}
			catch (RuntimeException ex) {
				// a Dockerfile the rewrite cannot handle is a finding about the image,
				// shown with the rest of the page
				model.addAttribute("rewriteError", ex.getMessage());
			}
		}
		Optional<BuildJob> latest = queue.latest(id, arch);
		model.addAttribute("latest", latest.orElse(null));
		model.addAttribute("downloadable", latest.map(job -> job.getState().isGoodParent()).orElse(false));
		BuildBoard.Page page = board.history(id, Math.max(0, offset), PAGE_SIZE);
		Map<Long, List<BuildBoard.Event>> events = board
			.events(page.entries().stream().map(BuildBoard.Entry::jobId).toList());
		Instant now = clock.instant();
		model.addAttribute("history", page);
		model.addAttribute("historyRows",
				page.entries()
					.stream()
					.map(job -> new HistoryRow(job, TimeText.at(job.createdAt()), TimeText.at(job.finishedAt()),
							TimeText.duration(job.duration(now)),
							events.get(job.jobId()).stream().map(StateChange::of).toList()))
					.toList());
		model.addAttribute("newerOffset", Math.max(0, offset - PAGE_SIZE));
		model.addAttribute("olderOffset", offset + PAGE_SIZE);
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
