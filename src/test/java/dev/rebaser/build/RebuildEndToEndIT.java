package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rebaser.RebaserApplication;
import dev.rebaser.build.base.BaseImageIT;
import dev.rebaser.build.docker.SmokeResult;
import dev.rebaser.build.docker.SmokeRun;
import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service against the real dockerd with QEMU and the real PostgreSQL: the
 * example tree that a first start imports is rebuilt for mips64le through the REST API,
 * in the graph's order; every image comes out mips64le and runs; a second rebuild builds
 * nothing; and a downloaded context builds again with plain {@code docker build}.
 */
class RebuildEndToEndIT {

	static final String TOKEN = "e2e-operator-token";

	static final String ARCH = "mips64le";

	static final Duration ROUND_LIMIT = Duration.ofMinutes(25);

	static final ObjectMapper JSON = new ObjectMapper();

	static PostgresSchema schema;

	static ConfigurableApplicationContext app;

	static DockerClient docker;

	static String base;

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startService() throws Exception {
		BaseImageIT.ensureBase();
		docker = BaseImageIT.docker;
		schema = new PostgresSchema();
		List<String> args = new ArrayList<>();
		schema.instanceProperties("e2e", true)
			.stream()
			.filter(p -> !p.startsWith("rebaser.scheduler.enabled="))
			.forEach(p -> args.add("--" + p));
		args.add("--rebaser.scheduler.enabled=true");
		args.add("--rebaser.scheduler.poll-interval=300ms");
		args.add("--rebaser.operator.token=" + TOKEN);
		args.add("--server.port=0");
		args.add("--server.address=127.0.0.1");
		app = new SpringApplicationBuilder(RebaserApplication.class).profiles("postgres")
			.run(args.toArray(String[]::new));
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
		// images of an earlier run would make the first round up to date; it must really
		// build
		for (JsonNode image : get("/api/images")) {
			String reference = image.get("reference").asText();
			remove(reference);
			remove(reference + "-linux-" + ARCH);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.close();
		}
		if (schema != null) {
			schema.close();
		}
	}

	@Test
	void rebuildsTheExampleTreeInGraphOrderThenFindsEverythingUpToDate(@TempDir Path work) throws Exception {
		JsonNode catalog = get("/api/images");
		assertThat(catalog.size()).isGreaterThanOrEqualTo(8);

		assertThat(post("/api/builds", "{\"arch\":\"mips64le\"}", null).statusCode())
			.as("starting builds needs the operator token")
			.isEqualTo(401);

		// forced: every step runs, none is taken from the daemon's layer cache, so the
		// timings are real
		Instant start = Instant.now();
		List<JsonNode> first = waitForAll(queue("{\"arch\":\"mips64le\",\"force\":true}"));
		Duration wall = Duration.between(start, Instant.now());

		Map<String, JsonNode> byImage = new LinkedHashMap<>();
		for (JsonNode job : first) {
			assertThat(job.get("state").asText()).as(job.get("image").asText() + ": " + job).isEqualTo("BUILT");
			byImage.put(job.get("image").asText(), job);
		}
		assertThat(byImage.keySet()).containsExactlyInAnyOrderElementsOf(ids(catalog));

		// a child started building only after each of its parents was built
		for (JsonNode image : catalog) {
			JsonNode child = byImage.get(image.get("id").asText());
			for (JsonNode parent : image.get("parents")) {
				JsonNode parentJob = byImage.get(parent.asText());
				assertThat(building(child)).as(image.get("id") + " after " + parent)
					.isAfterOrEqualTo(Instant.parse(parentJob.get("finishedAt").asText()));
			}
		}

		SmokeRun smoke = new SmokeRun(docker, Duration.ofMinutes(2));
		Map<String, String> imageIds = new HashMap<>();
		for (JsonNode image : catalog) {
			String reference = image.get("reference").asText();
			String tag = reference + "-linux-" + ARCH;
			var inspect = docker.inspectImageCmd(tag).exec();
			assertThat(inspect.getArch()).as(tag).isEqualTo("mips64le");
			assertThat(docker.inspectImageCmd(reference).exec().getId()).as("both tags, one image")
				.isEqualTo(inspect.getId());
			assertThat(byImage.get(image.get("id").asText()).get("imageId").asText()).isEqualTo(inspect.getId());
			imageIds.put(image.get("id").asText(), inspect.getId());
			SmokeResult uname = smoke.runInsteadOfEntrypoint(tag, "uname", "-m");
			assertThat(uname.exitCode()).as(tag).isZero();
			assertThat(uname.output().strip()).as(tag).isEqualTo("mips64");
		}

		// the built images come out in docker save format with their Kubernetes tags
		assertThat(repoTags(bytes("/api/images/kitten/image.tar?arch=mips64le"))).containsExactlyInAnyOrder(
				"registry.k8s.io/e2e-test-images/kitten:1.7-linux-mips64le",
				"registry.k8s.io/e2e-test-images/kitten:1.7");
		List<String> allTags = repoTags(bytes("/api/catalog/images.tar?arch=mips64le"));
		for (JsonNode image : catalog) {
			// the daemon writes Docker Hub's official images by their short names
			String reference = image.get("reference").asText().replaceFirst("^docker\\.io/library/", "");
			assertThat(allTags).contains(reference + "-linux-mips64le", reference);
		}
		JsonNode bases = get("/api/base-images");
		assertThat(bases).anySatisfy(status -> {
			assertThat(status.get("target").asText()).isEqualTo("debian-bookworm/mips64le");
			assertThat(status.get("usable").asBoolean()).isTrue();
		});

		String log = text("/api/builds/" + byImage.get("kitten").get("id").asText() + "/log");
		assertThat(log).contains("=== attempt 1").contains("BASEIMAGE");

		// a second round: same inputs, the images are still there, so nothing is built
		List<JsonNode> second = waitForAll(queue("{\"arch\":\"mips64le\"}"));
		for (JsonNode job : second) {
			String image = job.get("image").asText();
			assertThat(job.get("state").asText()).as(image).isEqualTo("UP_TO_DATE");
			assertThat(job.get("imageId").asText()).isEqualTo(imageIds.get(image));
			String secondLog = text("/api/builds/" + job.get("id").asText() + "/log");
			assertThat(secondLog).contains("nothing built").doesNotContain("Step 1/");
		}

		// the downloaded context of one image builds again with plain docker build
		Path context = work.resolve("httpd");
		byte[] archive = bytes("/api/images/httpd/context.tar.gz?arch=mips64le");
		ContextDirectory.write(ContextArchive.read(new ByteArrayInputStream(archive), ArchiveLimits.defaults()),
				context);
		assertThat(context.resolve("REWRITE-REPORT.md")).exists();
		String again = "rebaser-e2e/httpd-again:1";
		Process build = new ProcessBuilder("docker", "build", "--network", "host", "-t", again, context.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("docker-build.log").toFile())
			.start();
		assertThat(build.waitFor(15, TimeUnit.MINUTES)).isTrue();
		assertThat(build.exitValue()).as(Files.readString(work.resolve("docker-build.log"))).isZero();
		try {
			assertThat(docker.inspectImageCmd(again).exec().getArch()).isEqualTo("mips64le");
		}
		finally {
			remove(again);
		}

		report("first rebuild, forced, no build times known yet", catalog, first, wall, false);

		// forced again: now the queue knows each image's build time and puts the longest
		// chains first
		start = Instant.now();
		List<JsonNode> third = waitForAll(queue("{\"arch\":\"mips64le\",\"force\":true}"));
		wall = Duration.between(start, Instant.now());
		assertThat(third).allSatisfy(job -> assertThat(job.get("state").asText()).isEqualTo("BUILT"));
		report("forced rebuild with the build times of the first", catalog, third, wall, true);
	}

	/**
	 * Wall time, time in docker, time the scheduling added, and the graph's critical
	 * path, for the closing note.
	 */
	private static void report(String round, JsonNode catalog, List<JsonNode> jobs, Duration wall, boolean append)
			throws IOException {
		Map<String, JsonNode> byImage = new HashMap<>();
		jobs.forEach(job -> byImage.put(job.get("image").asText(), job));
		long dockerMillis = 0;
		Instant firstQueued = Instant.MAX;
		Instant lastFinished = Instant.MIN;
		Map<String, Long> longestTo = new HashMap<>();
		List<Long> claimDelays = new ArrayList<>();
		StringBuilder lines = new StringBuilder("== " + round + "\n");
		for (JsonNode image : catalog) { // graph order: parents first
			JsonNode job = byImage.get(image.get("id").asText());
			Instant queued = Instant.parse(job.get("createdAt").asText());
			Instant started = building(job);
			Instant finished = Instant.parse(job.get("finishedAt").asText());
			long took = Duration.between(started, finished).toMillis();
			dockerMillis += took;
			firstQueued = queued.isBefore(firstQueued) ? queued : firstQueued;
			lastFinished = finished.isAfter(lastFinished) ? finished : lastFinished;
			long before = 0;
			Instant ready = queued;
			for (JsonNode parent : image.get("parents")) {
				before = Math.max(before, longestTo.getOrDefault(parent.asText(), 0L));
				Instant parentDone = Instant.parse(byImage.get(parent.asText()).get("finishedAt").asText());
				ready = parentDone.isAfter(ready) ? parentDone : ready;
			}
			// from the moment the job could be built to its claim: polling, promotion and
			// waiting for a slot
			claimDelays.add(Duration.between(ready, started).toMillis());
			longestTo.put(image.get("id").asText(), before + took);
			lines.append(String.format("%-18s build %6.1f s, waited %6.1f s after queueing%n", image.get("id").asText(),
					took / 1000.0, Duration.between(queued, started).toMillis() / 1000.0));
		}
		long critical = longestTo.values().stream().mapToLong(Long::longValue).max().orElse(0);
		long makespan = Duration.between(firstQueued, lastFinished).toMillis();
		lines.append(
				String.format("wall time of the round (request to last job finished, as the client saw it): %.1f s%n",
						wall.toMillis() / 1000.0));
		lines.append(String.format("first queued to last finished: %.1f s%n", makespan / 1000.0));
		lines.append(String.format("sum of build times in docker: %.1f s (2 build slots)%n", dockerMillis / 1000.0));
		lines.append(String.format(
				"ready to claimed (polling, promotion, waiting for a free slot): max %.1f s, " + "median %.1f s%n",
				claimDelays.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0,
				claimDelays.stream().sorted().toList().get(claimDelays.size() / 2) / 1000.0));
		lines.append(String.format("critical path of the graph (longest chain of build times): %.1f s%n",
				critical / 1000.0));
		lines.append(String.format("lower bound with 2 slots: max(critical path, docker sum / 2) = %.1f s%n",
				Math.max(critical, dockerMillis / 2) / 1000.0));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/rebuild-timings.txt"), lines.toString(),
				java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				append ? java.nio.file.StandardOpenOption.APPEND : java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
		System.out.print(lines);
	}

	/** The RepoTags of every image in a docker save archive's manifest.json. */
	private static List<String> repoTags(byte[] tar) throws IOException {
		try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
				new ByteArrayInputStream(tar))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals("manifest.json")) {
					List<String> tags = new ArrayList<>();
					JSON.readTree(in.readAllBytes())
						.forEach(image -> image.get("RepoTags").forEach(t -> tags.add(t.asText())));
					return tags;
				}
			}
		}
		throw new AssertionError("the archive has no manifest.json");
	}

	private static Instant building(JsonNode job) {
		// the last claim is the one that built it
		Instant at = null;
		for (JsonNode event : job.get("history")) {
			if ("BUILDING".equals(event.get("to").asText())) {
				at = Instant.parse(event.get("at").asText());
			}
		}
		assertThat(at).as("job " + job.get("id") + " was built, so it was claimed").isNotNull();
		return at;
	}

	private static List<Long> queue(String body) throws Exception {
		HttpResponse<String> response = post("/api/builds", body, TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		List<Long> ids = new ArrayList<>();
		JSON.readTree(response.body()).forEach(job -> ids.add(job.get("id").asLong()));
		return ids;
	}

	private static List<JsonNode> waitForAll(List<Long> ids) throws Exception {
		Instant deadline = Instant.now().plus(ROUND_LIMIT);
		while (true) {
			List<JsonNode> jobs = new ArrayList<>();
			for (long id : ids) {
				jobs.add(get("/api/builds/" + id));
			}
			boolean done = jobs.stream()
				.noneMatch(job -> List.of("NEEDS_BUILD", "DEP_WAIT", "BUILDING").contains(job.get("state").asText()));
			if (done) {
				return jobs;
			}
			assertThat(Instant.now()).as("jobs still active: " + jobs).isBefore(deadline);
			Thread.sleep(1000);
		}
	}

	private static List<String> ids(JsonNode catalog) {
		List<String> ids = new ArrayList<>();
		catalog.forEach(image -> ids.add(image.get("id").asText()));
		return ids;
	}

	static JsonNode get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	static String text(String path) throws Exception {
		return new String(bytes(path), StandardCharsets.UTF_8);
	}

	static byte[] bytes(String path) throws Exception {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	static HttpResponse<String> post(String path, String json, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void remove(String image) {
		try {
			docker.removeImageCmd(image).withForce(true).exec();
		}
		catch (NotFoundException e) {
			// not there
		}
	}

}
