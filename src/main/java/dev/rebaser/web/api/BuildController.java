package dev.rebaser.web.api;

import dev.rebaser.build.Rebuilds;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildJobEvent;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.FailureCategory;
import dev.rebaser.web.OperatorToken;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
public class BuildController {

	private static final String ACTOR = OperatorToken.USER + " via API";

	private final Rebuilds rebuilds;

	private final BuildQueue queue;

	private final BuildLog logs;

	private final LogFollowers followers;

	public BuildController(Rebuilds rebuilds, BuildQueue queue, BuildLog logs, LogFollowers followers) {
		this.rebuilds = rebuilds;
		this.queue = queue;
		this.logs = logs;
		this.followers = followers;
	}

	/**
	 * What to build: images by catalog id (none: every image), for arch, ignoring
	 * up-to-date images when force.
	 */
	public record BuildOrder(List<String> images, String arch, Boolean force) {
	}

	public record Job(long id, String image, String arch, BuildState state, String dockerHost, int attempts,
			int maxAttempts, boolean force, String imageReference, String imageId, String inputDigest,
			Instant createdAt, Instant startedAt, Instant finishedAt, FailureCategory failureCategory,
			String failureReason, String waitReason, List<Event> history) {

		public static Job of(BuildJob job, List<BuildJobEvent> events) {
			return new Job(job.getId(), job.getImageKey(), job.getArch(), job.getState(), job.getDockerHost(),
					job.getAttempts(), job.getMaxAttempts(), job.isForce(), job.getImageReference(), job.getImageId(),
					job.getInputDigest(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(),
					job.getFailureCategory(), job.getFailureReason(), job.getWaitReason(),
					events == null ? null : events.stream().map(Event::of).toList());
		}

	}

	public record Event(Instant at, String actor, BuildState from, BuildState to, String note) {

		public static Event of(BuildJobEvent event) {
			return new Event(event.getAt(), event.getActor(), event.getFromState(), event.getToState(),
					event.getNote());
		}

	}

	@Operation(summary = "Queue rebuilds (operator)",
			description = "Every catalog image, or the listed ones with the ancestors they still need, for one arch "
					+ "(default mips64le). An image with a job waiting or building keeps it. With force, images whose "
					+ "inputs are unchanged are built again instead of being marked UP_TO_DATE.")
	@ApiResponse(responseCode = "202", description = "Queued; one job per image, in dependency order")
	@PostMapping(path = "/api/builds", produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<List<Job>> build(@RequestBody(required = false) BuildOrder order) {
		BuildOrder o = order == null ? new BuildOrder(null, null, null) : order;
		List<BuildJob> jobs = rebuilds.start(o.images() == null ? List.of() : o.images(),
				o.arch() == null || o.arch().isBlank() ? "mips64le" : o.arch(), Boolean.TRUE.equals(o.force()), ACTOR);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.stream().map(job -> Job.of(job, null)).toList());
	}

	@Operation(summary = "One build job with its state history")
	@ApiResponse(responseCode = "404", description = "No job of that id")
	@GetMapping(path = "/api/builds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	public Job job(@PathVariable long id) {
		return Job.of(queue.job(id), queue.history(id));
	}

	@Operation(summary = "A build's log as text",
			description = "From offset (characters, default 0). While the job is waiting or building the response "
					+ "stays open and the log streams as it grows, unless follow=false.")
	@GetMapping(path = "/api/builds/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
	public ResponseEntity<StreamingResponseBody> log(@PathVariable long id,
			@RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "true") boolean follow,
			HttpServletRequest request) {
		BuildJob job = queue.job(id); // 404 before the stream starts
		if (!follow || !job.getState().isActive()) {
			return textPlain(out -> logs.copyTo(id, offset, out, () -> false));
		}
		LogFollowers.Follower follower = followers.follow(request.getRemoteAddr());
		return textPlain(out -> {
			try (follower) {
				logs.copyTo(id, offset, out, () -> followers.open() && queue.job(id).getState().isActive());
			}
		});
	}

	private static ResponseEntity<StreamingResponseBody> textPlain(StreamingResponseBody body) {
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(body);
	}

	@Operation(summary = "Cancel a job that has not finished (operator)")
	@PostMapping(path = "/api/builds/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
	public Job cancel(@PathVariable long id) {
		queue.cancel(id, ACTOR);
		return job(id);
	}

	@Operation(summary = "Queue a failed, cancelled or unresolvable job again (operator)")
	@PostMapping(path = "/api/builds/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
	public Job retry(@PathVariable long id) {
		queue.retry(id, ACTOR);
		return job(id);
	}

	@Operation(summary = "Give a building job back to the queue (operator)",
			description = "For a build whose host is stuck; its attempt counts.")
	@PostMapping(path = "/api/builds/{id}/give-back", produces = MediaType.APPLICATION_JSON_VALUE)
	public Job giveBack(@PathVariable long id) {
		queue.giveBack(id, ACTOR, "given back by the operator");
		return job(id);
	}

}
