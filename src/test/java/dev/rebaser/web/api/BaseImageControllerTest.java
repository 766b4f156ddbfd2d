package dev.rebaser.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.DockerHostsProperties;
import dev.rebaser.build.HostBaseImages;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.web.SecurityConfiguration;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Against a configured Docker host where no daemon listens, so every answer is about that
 * host.
 */
@WebMvcTest(BaseImageController.class)
@Import({ BuildHosts.class, HostBaseImages.class, RewriteConfiguration.class, SecurityConfiguration.class,
		BaseImageControllerTest.Hosts.class })
@TestPropertySource(properties = { "rebaser.operator.token=test-token",
		"rebaser.docker.hosts[0].uri=unix:///nonexistent/rebaser-test.sock", "rebaser.docker.hosts[0].concurrency=1",
		"rebaser.base.mirror=http://127.0.0.1:9/debian" })
class BaseImageControllerTest {

	static final String HOST = "unix:///nonexistent/rebaser-test.sock";

	@TestConfiguration
	@EnableConfigurationProperties(DockerHostsProperties.class)
	static class Hosts {

	}

	@Autowired
	MockMvc mvc;

	@Test
	void aHostThatDoesNotAnswerIsReportedPerTargetItCannotTellAbout() throws Exception {
		mvc.perform(get("/api/base-images"))
			.andExpect(jsonPath("$[0].host").value(HOST))
			.andExpect(jsonPath("$[0].target").value("debian-bookworm/mips64le"))
			.andExpect(jsonPath("$[0].reference").value("debian:bookworm-slim"))
			.andExpect(jsonPath("$[0].present").value(false))
			.andExpect(jsonPath("$[0].usable").value(false))
			.andExpect(jsonPath("$[0].error").value(containsString("does not answer")));
	}

	@Test
	void bootstrappingNeedsTheTokenAndATargetWhoseBaseRebaserMakes() throws Exception {
		mvc.perform(post("/api/base-images/bootstrap")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/base-images/bootstrap?arch=amd64").header("Authorization", "Bearer test-token"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/base-images/bootstrap?host=tcp://elsewhere:2376").header("Authorization",
				"Bearer test-token"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aBootstrapRunsInTheBackgroundAndItsFailureCanBeRead() throws Exception {
		String body = mvc
			.perform(post("/api/base-images/bootstrap?arch=mips64le").header("Authorization", "Bearer test-token"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.host").value(HOST))
			.andExpect(jsonPath("$.reference").value("debian:bookworm-slim"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String state;
		do {
			Thread.sleep(100);
			state = mvc.perform(get("/api/base-images/bootstraps/" + id))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		while (state.contains("\"RUNNING\"") && Instant.now().isBefore(deadline));
		assertThat(state).contains("\"FAILED\"");
		mvc.perform(get("/api/base-images/bootstraps")).andExpect(jsonPath("$[0].id").value(id));
		mvc.perform(get("/api/base-images/bootstraps/999")).andExpect(status().isNotFound());
	}

}
