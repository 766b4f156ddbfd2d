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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A tree in the layout of Kubernetes' older releases, rebuilt by the service on the real
 * daemon: the child's BASEIMAGE names its parent as {@code REGISTRY/pinger:2.8-amd64},
 * the {@code VERSION-ARCH} tags of that era. The parent is built and tagged as the child
 * asks for it on mips64le, and the child is built on it and runs the parent's tool; no
 * registry is asked for anything.
 */
class OldLayoutTreeIT {

	static final String TOKEN = "old-layout-operator-token";

	static final String REGISTRY = "registry.k8s.io/e2e-test-images";

	static final String PARENT = REGISTRY + "/pinger:2.8";

	static final String CHILD = REGISTRY + "/pinged:1.0";

	static final String ASKED = REGISTRY + "/pinger:2.8-mips64le";

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	static Path tree;

	static ConfigurableApplicationContext app;

	static DockerClient docker;

	static String base;

	@BeforeAll
	static void startOnTheOldTree() throws Exception {
		BaseImageIT.ensureBase();
		docker = BaseImageIT.docker;
		for (String image : List.of(PARENT, PARENT + "-linux-mips64le", ASKED, CHILD, CHILD + "-linux-mips64le")) {
			remove(image);
		}
		write("test/utils/image/manifest.go", """
				package image

				type Config struct {
					registry string
					name     string
					version  string
				}

				var (
					e2eRegistry = "%s"
					Pinger = Config{e2eRegistry, "pinger", "2.8"}
					Pinged = Config{e2eRegistry, "pinged", "1.0"}
				)
				""".formatted(REGISTRY));
		write("test/images/pinger/VERSION", "2.8\n");
		write("test/images/pinger/BASEIMAGE", "amd64=alpine:3.7\narm=arm32v6/alpine:3.7\n");
		write("test/images/pinger/Dockerfile", """
				FROM BASEIMAGE
				COPY pinger /usr/local/bin/pinger
				""");
		write("test/images/pinger/pinger", "#!/bin/sh\necho \"pinger 2.8 on $(uname -m)\"\n");
		write("test/images/pinged/VERSION", "1.0\n");
		write("test/images/pinged/BASEIMAGE", "amd64=REGISTRY/pinger:2.8-amd64\narm=REGISTRY/pinger:2.8-arm\n");
		write("test/images/pinged/Dockerfile", """
				FROM BASEIMAGE
				RUN pinger > /pinged-saw
				""");
		Files.setPosixFilePermissions(tree.resolve("test/images/pinger/pinger"),
				java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

		app = new SpringApplicationBuilder(RebaserApplication.class).run(
				"--spring.datasource.url=jdbc:h2:mem:old-layout;DB_CLOSE_DELAY=-1", "--rebaser.catalog.tree=" + tree,
				"--rebaser.scheduler.enabled=true", "--rebaser.scheduler.poll-interval=300ms",
				"--rebaser.operator.token=" + TOKEN, "--rebaser.packages.check=false", "--server.port=0",
				"--server.address=127.0.0.1");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void theChildIsBuiltOnTheParentUnderTheTagItsEraAsksFor() throws Exception {
		HttpResponse<String> queued = post("/api/builds", "{\"arch\":\"mips64le\"}");
		assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
		List<Long> ids = new ArrayList<>();
		JSON.readTree(queued.body()).forEach(job -> ids.add(job.get("id").asLong()));

		Map<String, JsonNode> jobs = waitForAll(ids);

		assertThat(jobs).containsOnlyKeys("pinger", "pinged");
		for (JsonNode job : jobs.values()) {
			assertThat(job.get("state").asText())
				.as(text("/api/builds/" + job.get("id").asLong() + "/log?follow=false"))
				.isEqualTo("BUILT");
		}
		String parentId = docker.inspectImageCmd(PARENT + "-linux-mips64le").exec().getId();
		assertThat(docker.inspectImageCmd(ASKED).exec().getId()).isEqualTo(parentId);
		assertThat(docker.inspectImageCmd(CHILD).exec().getArch()).isEqualTo("mips64le");
		SmokeResult saw = new SmokeRun(docker).run(CHILD, "cat", "/pinged-saw");
		assertThat(saw.output().strip()).isEqualTo("pinger 2.8 on mips64");
	}

	private static void write(String path, String text) throws Exception {
		Path file = tree.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	private static Map<String, JsonNode> waitForAll(List<Long> ids) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
		while (true) {
			Map<String, JsonNode> jobs = new LinkedHashMap<>();
			for (long id : ids) {
				JsonNode job = JSON.readTree(text("/api/builds/" + id));
				jobs.put(job.get("image").asText(), job);
			}
			if (jobs.values()
				.stream()
				.noneMatch(job -> List.of("NEEDS_BUILD", "DEP_WAIT", "BUILDING").contains(job.get("state").asText()))) {
				return jobs;
			}
			assertThat(Instant.now()).as("jobs still active: " + jobs).isBefore(deadline);
			Thread.sleep(1000);
		}
	}

	private static String text(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static HttpResponse<String> post(String path, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void remove(String image) {
		try {
			docker.removeImageCmd(image).withForce(true).exec();
		}
		catch (NotFoundException e) {
			// not there
		}
	}

}
