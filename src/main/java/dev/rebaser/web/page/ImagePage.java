package dev.rebaser.web.page;

import dev.rebaser.budget.CpuBudget;
import dev.rebaser.build.queue.BuildBoard;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.context.ContextRewrite;
import dev.rebaser.diff.LineDiff;
import dev.rebaser.rewriting.TargetChoice;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * What an image's page shows beyond the catalog's facts: its Dockerfile before and after
 * the rewrite for one architecture, and a page of its build history.
 */
@Component
public class ImagePage {

	static final int PAGE_SIZE = 20;

	private final ContextRewrite rewrite;

	private final TargetChoice targets;

	private final BuildBoard board;

	private final Clock clock = Clock.systemUTC();

	public ImagePage(ContextRewrite rewrite, TargetChoice targets, BuildBoard board) {
		this.rewrite = rewrite;
		this.targets = targets;
		this.board = board;
	}

	/** One job of the image's history with its state changes, as the page prints it. */
	public record HistoryRow(BuildBoard.Entry job, String queued, String finished, String duration,
			List<StateChange> changes) {
	}

	/**
	 * The rewrite of the image's context for the arch: {@code original},
	 * {@code baseImageBefore}, and either {@code rewrite}, {@code diff} and
	 * {@code report}, or {@code rewriteError}. Nothing for an image without a context.
	 * @throws TargetChoice.UnknownTargetException for an arch no target builds for
	 */
	public Map<String, Object> rewrite(CatalogImage image, String arch) {
		// an arch with no target is refused for every image, whether it has a context or
		// not
		var options = targets.options(targets.defaultTarget(), arch, false);
		Map<String, Object> model = new LinkedHashMap<>();
		if (!image.hasContext()) {
			return model;
		}
		String original = image.context().text(ContextRewrite.DOCKERFILE).orElse("");
		model.put("original", original);
		image.context().text(ContextRewrite.BASEIMAGE).ifPresent(text -> model.put("baseImageBefore", text));
		try {
			ContextRewrite.Result result = rewrite.rewrite(image.context(), options, UnaryOperator.identity());
			model.put("rewrite", result);
			model.put("diff", Shown.first(LineDiff.of(original, result.dockerfile().dockerfile()).rows()));
			model.put("changes", Shown.first(result.dockerfile().changes()));
			model.put("warnings", Shown.first(result.dockerfile().warnings()));
			model.put("report", result.context().text(ContextRewrite.REPORT).orElse(""));
		}
		catch (CpuBudget.Exceeded ex) {
			throw ex; // the whole page is over its budget, not only this part of it
		}
		catch (RuntimeException ex) {
			// a Dockerfile the rewrite cannot handle is a finding about the image, shown
			// with the rest of the page
			model.put("rewriteError", ex.getMessage());
		}
		return model;
	}

	/**
	 * {@code history}, the page of jobs from {@code offset}, {@code historyRows}, and the
	 * offsets of the pages before and after it.
	 */
	public Map<String, Object> history(String id, int offset) {
		BuildBoard.Page page = board.history(id, Math.max(0, offset), PAGE_SIZE);
		Map<Long, List<BuildBoard.Event>> events = board
			.events(page.entries().stream().map(BuildBoard.Entry::jobId).toList());
		Instant now = clock.instant();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("history", page);
		model.put("historyRows",
				page.entries()
					.stream()
					.map(job -> new HistoryRow(job, TimeText.at(job.createdAt()), TimeText.at(job.finishedAt()),
							TimeText.duration(job.duration(now)),
							events.get(job.jobId()).stream().map(StateChange::of).toList()))
					.toList());
		model.put("newerOffset", Math.max(0, offset - PAGE_SIZE));
		model.put("olderOffset", offset + PAGE_SIZE);
		return model;
	}

}
