package dev.rebaser.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebaser.build.base.BaseImageIT;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service as a process of its own on the real PostgreSQL and dockerd: a job
 * that was building when the process was killed is given back on restart and built; while
 * the daemon is stopped, a job waits without using an attempt and the health endpoint is
 * DOWN, and it is built when the daemon is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceFaultsIT {

	static final Path JAR = Path.of("target", "rebaser.jar");

	static final String TOKEN = "faults-operator-token";

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient http = HttpClient.newHttpClient();

	static PostgresSchema schema;

	static Process service;

	static String base;

	static Path logs;

	@BeforeAll
	static void prepare() throws Exception {
		BaseImageIT.ensureBase();
		schema = new PostgresSchema();
		logs = Files.createTempDirectory("rebaser-faults");
		start();
		// a fresh step every run, so the daemon's layer cache cannot finish the build at
		// once
		HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/api/catalog/import"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(tree(UUID.randomUUID().toString())))
			.build());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		if (service != null) {
			service.destroy();
			service.waitFor(30, TimeUnit.SECONDS);
		}
		startDocker();
		if (schema != null) {
			schema.close();
		}
	}

	@AfterEach
	void daemonIsBack() throws Exception {
		startDocker();
	}

	@Test
	@Order(1)
	void aJobBuildingWhenTheProcessIsKilledIsGivenBackOnRestartAndBuilt() throws Exception {
		long id = queue(false);
		waitFor(id, job -> job.get("state").asText().equals("BUILDING"), Duration.ofMinutes(2));
		waitForLog(id, "sleeping", Duration.ofMinutes(2));

		service.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tidy up
		assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
		start();

		JsonNode job = waitFor(id, j -> j.get("state").asText().equals("BUILT"), Duration.ofMinutes(5));
		assertThat(job.get("attempts").asInt()).isEqualTo(2);
		assertThat(events(job)).anySatisfy(event -> {
			assertThat(event.get("from").asText()).isEqualTo("BUILDING");
			assertThat(event.get("to").asText()).isEqualTo("NEEDS_BUILD");
			assertThat(event.get("actor").asText()).isEqualTo("startup-recovery");
		});
		assertThat(text("/api/images")).as("the imported catalog outlived the process").contains("sleeper");
	}

	@Test
	@Order(2)
	void whileTheDaemonIsStoppedJobsWaitAndHealthIsDownThenTheyAreBuilt() throws Exception {
		long id = queue(true);
		waitFor(id, job -> job.get("state").asText().equals("BUILDING"), Duration.ofMinutes(2));
		waitForLog(id, "sleeping", Duration.ofMinutes(2));

		stopDocker();
		JsonNode waiting = waitFor(id, job -> job.get("state").asText().equals("NEEDS_BUILD"), Duration.ofMinutes(1));
		assertThat(waiting.get("attempts").asInt()).as("an absent daemon uses up no attempt").isZero();
		HttpResponse<String> health = waitForHealth(503, Duration.ofSeconds(30));
		assertThat(health.body()).contains("DOWN");
		Thread.sleep(5000);
		assertThat(job(id).get("state").asText()).as("it waits rather than fails").isEqualTo("NEEDS_BUILD");

		startDocker();
		JsonNode built = waitFor(id, job -> job.get("state").asText().equals("BUILT"), Duration.ofMinutes(5));
		assertThat(built.get("attempts").asInt()).isEqualTo(1);
		assertThat(events(built))
			.anySatisfy(event -> assertThat(event.get("note").asText()).contains("DOCKER_UNAVAILABLE"));
		assertThat(waitForHealth(200, Duration.ofSeconds(30)).body()).contains("UP");
	}

	@Test
	@Order(3)
	void cancellingABuildingJobStopsTheBuildOnTheDaemon() throws Exception {
		long id = queue(true);
		waitFor(id, job -> job.get("state").asText().equals("BUILDING"), Duration.ofMinutes(2));
		// the step's header names the command too, so wait for its container rather than
		// for the log
		Instant running = Instant.now().plusSeconds(60);
		while (sleepingContainers() == 0) {
			assertThat(Instant.now()).as("the build's RUN step never started").isBefore(running);
			Thread.sleep(300);
		}

		HttpResponse<String> cancelled = send(HttpRequest.newBuilder(uri("/api/builds/" + id + "/cancel"))
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

		Instant deadline = Instant.now().plusSeconds(20);
		while (sleepingContainers() > 0) {
			assertThat(Instant.now()).as("the build's container still runs after the cancel").isBefore(deadline);
			Thread.sleep(500);
		}
		assertThat(job(id).get("state").asText()).isEqualTo("CANCELLED");
		waitForLog(id, "build stopped: the job is CANCELLED now", Duration.ofSeconds(20));
	}

	/** Running containers of a sleeper build step. */
	static int sleepingContainers() throws Exception {
		Process ps = new ProcessBuilder("docker", "ps", "--no-trunc", "--format", "{{.Command}}")
			.redirectErrorStream(true)
			.start();
		String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ps.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return (int) out.lines().filter(line -> line.contains("echo sleeping && sleep 40")).count();
	}

	/** The tree the service imports: one image whose build sleeps under emulation. */
	static byte[] tree(String nonce) throws IOException {
		BuildContext tree = new BuildContext();
		tree.put(ContextFile.file("test/utils/image/manifest.go", 0644,
				ServiceFaultsIT.class.getResourceAsStream("/faults/manifest.go").readAllBytes()));
		tree.putText("test/images/sleeper/VERSION", "1.0\n");
		tree.putText("test/images/sleeper/Dockerfile", """
				FROM alpine:3.19
				RUN echo %s && echo sleeping && sleep 40 && echo slept > /slept
				CMD ["cat", "/slept"]
				""".formatted(nonce));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ContextArchive.write(tree, out);
		return out.toByteArray();
	}

	static long queue(boolean force) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/builds"))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"images\":[\"sleeper\"],\"force\":" + force + "}"))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JSON.readTree(response.body()).get(0).get("id").asLong();
	}

	static void start() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
						"--spring.profiles.active=postgres", "--server.address=127.0.0.1", "--server.port=" + port,
						"--rebaser.operator.token=" + TOKEN, "--rebaser.scheduler.poll-interval=300ms",
						"--rebaser.packages.check=false"));
		schema.instanceProperties("faults", true)
			.stream()
			.filter(p -> !p.startsWith("rebaser.scheduler.enabled="))
			.forEach(p -> command.add("--" + p));
		Path log = logs.resolve("service-" + Instant.now().toEpochMilli() + ".log");
		service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		base = "http://127.0.0.1:" + port;
		Instant deadline = Instant.now().plusSeconds(120);
		while (true) {
			assertThat(service.isAlive()).as("the service exited; see " + log).isTrue();
			try {
				if (send(HttpRequest.newBuilder(uri("/api/catalog")).build()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			assertThat(Instant.now()).as("the service did not start; see " + log).isBefore(deadline);
			Thread.sleep(500);
		}
	}

	static void stopDocker() throws Exception {
		// dockerd runs as root; scripts/start-docker uses sudo when the tests do not run
		// as root
		boolean root = "root".equals(System.getProperty("user.name"));
		run(root ? new String[] { "pkill", "-TERM", "-x", "dockerd" }
				: new String[] { "sudo", "-n", "pkill", "-TERM", "-x", "dockerd" });
		Instant deadline = Instant.now().plusSeconds(60);
		while (run("pgrep", "-x", "dockerd") == 0) {
			assertThat(Instant.now()).as("dockerd did not stop").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	static void startDocker() throws Exception {
		assertThat(run("scripts/start-docker")).as("scripts/start-docker").isZero();
	}

	static int run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
		return process.exitValue();
	}

	static JsonNode waitFor(long id, Predicate<JsonNode> condition, Duration limit) throws Exception {
		Instant deadline = Instant.now().plus(limit);
		while (true) {
			JsonNode job = job(id);
			if (condition.test(job)) {
				return job;
			}
			assertThat(Instant.now()).as("job " + id + " is " + job).isBefore(deadline);
			Thread.sleep(300);
		}
	}

	static void waitForLog(long id, String text, Duration limit) throws Exception {
		Instant deadline = Instant.now().plus(limit);
		while (!text("/api/builds/" + id + "/log?follow=false").contains(text)) {
			assertThat(Instant.now()).as("log of job " + id + " never said " + text).isBefore(deadline);
			Thread.sleep(300);
		}
	}

	static HttpResponse<String> waitForHealth(int status, Duration limit) throws Exception {
		Instant deadline = Instant.now().plus(limit);
		while (true) {
			HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).build());
			if (health.statusCode() == status) {
				return health;
			}
			assertThat(Instant.now()).as("health stayed " + health.statusCode() + ": " + health.body())
				.isBefore(deadline);
			Thread.sleep(500);
		}
	}

	static List<JsonNode> events(JsonNode job) {
		List<JsonNode> events = new ArrayList<>();
		job.get("history").forEach(events::add);
		return events;
	}

	static JsonNode job(long id) throws Exception {
		return JSON.readTree(text("/api/builds/" + id));
	}

	static String text(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).build());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static URI uri(String path) {
		return URI.create(base + path);
	}

}
