package dev.rebaser.web.page;

import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.LogSlice;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One build job: where and how it ran, its state history and its log, every line of which
 * can be linked to. While the job is active, live.js refreshes the state part and appends
 * the log from the page-local log endpoint; without JavaScript the Refresh link does the
 * same.
 */
@Controller
public class BuildPageController {

	/** The response header that tells a log reader which offset to ask for next. */
	static final String NEXT_OFFSET = "X-Next-Offset";

	private final BuildQueue queue;

	private final BuildLog logs;

	private final Clock clock = Clock.systemUTC();

	public BuildPageController(BuildQueue queue, BuildLog logs) {
		this.queue = queue;
		this.logs = logs;
	}

	@GetMapping("/builds/{id}")
	public String build(@PathVariable long id, @RequestParam(required = false) String fragment, Model model,
			CsrfToken csrf) {
		FormTokens.settle(csrf);
		BuildJob job = queue.job(id);
		model.addAttribute("job", job);
		model.addAttribute("active", job.getState().isActive());
		model.addAttribute("events", queue.history(id).stream().map(StateChange::of).toList());
		model.addAttribute("queued", TimeText.at(job.getCreatedAt()));
		model.addAttribute("started", TimeText.at(job.getStartedAt()));
		model.addAttribute("finished", TimeText.at(job.getFinishedAt()));
		model.addAttribute("duration", TimeText.duration(duration(job)));
		model.addAttribute("retryable", job.getState().isDeadEnd());
		if ("state".equals(fragment)) {
			return "build :: state";
		}
		LogSlice log = logs.read(id, 0);
		model.addAttribute("logLines", lines(log.text()));
		model.addAttribute("logPartial", !log.text().isEmpty() && !log.text().endsWith("\n"));
		model.addAttribute("logOffset", log.nextOffset());
		return "build";
	}

	/**
	 * The log from offset on, as plain text; the next offset to ask for is in the header.
	 */
	@GetMapping(path = "/builds/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
	public ResponseEntity<String> log(@PathVariable long id, @RequestParam(defaultValue = "0") long offset) {
		queue.job(id);
		LogSlice slice = logs.read(id, Math.max(0, offset));
		return ResponseEntity.ok()
			.header(NEXT_OFFSET, Long.toString(slice.nextOffset()))
			.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
			.body(slice.text());
	}

	@PostMapping("/builds/{id}/cancel")
	public String cancel(@PathVariable long id, Principal user, RedirectAttributes flash) {
		queue.job(id);
		try {
			queue.cancel(id, actor(user));
			flash.addFlashAttribute("message", "Build " + id + " is cancelled.");
		}
		catch (IllegalStateException ex) {
			flash.addFlashAttribute("error", "Build " + id + " was not cancelled: " + ex.getMessage());
		}
		return "redirect:/builds/" + id;
	}

	@PostMapping("/builds/{id}/retry")
	public String retry(@PathVariable long id, Principal user, RedirectAttributes flash) {
		queue.job(id);
		try {
			BuildJob job = queue.retry(id, actor(user));
			flash.addFlashAttribute("message", "Build " + id + " is queued again (" + job.getState() + ").");
		}
		catch (IllegalStateException ex) {
			flash.addFlashAttribute("error", "Build " + id + " was not retried: " + ex.getMessage());
		}
		return "redirect:/builds/" + id;
	}

	public static String actor(Principal user) {
		return "user:" + (user == null ? "anonymous" : user.getName());
	}

	private Duration duration(BuildJob job) {
		if (job.getStartedAt() == null) {
			return null;
		}
		var end = job.getFinishedAt() != null ? job.getFinishedAt()
				: job.getState().isActive() ? clock.instant() : null;
		return end == null || end.isBefore(job.getStartedAt()) ? null : Duration.between(job.getStartedAt(), end);
	}

	/** The log's lines; a last line without its line break is still a line. */
	public static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
		return lines.get(lines.size() - 1).isEmpty() ? lines.subList(0, lines.size() - 1) : lines;
	}

}
