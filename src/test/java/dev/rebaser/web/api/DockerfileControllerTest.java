package dev.rebaser.web.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.web.RequestBodies;
import dev.rebaser.web.SecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DockerfileController.class)
@Import({ RequestBodies.class, SecurityConfiguration.class })
class DockerfileControllerTest {

	private static final String DOCKERFILE = """
			ARG BASEIMAGE
			FROM golang:1.22 AS build
			RUN go build -o /agnhost . && \\
			    strip /agnhost
			FROM $BASEIMAGE
			CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/
			RUN apk add --no-cache curl bind-tools; echo done
			COPY --from=build /agnhost /agnhost
			ENTRYPOINT ["/agnhost"]
			""";

	@Autowired
	MockMvc mvc;

	@Test
	void outlinesStagesInstructionsAndRunCommands() throws Exception {
		mvc.perform(post("/api/dockerfile/parse").contentType(MediaType.TEXT_PLAIN).content(DOCKERFILE))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.stages.length()").value(2))
			.andExpect(jsonPath("$.stages[0].baseImage").value("golang:1.22"))
			.andExpect(jsonPath("$.stages[0].alias").value("build"))
			.andExpect(jsonPath("$.stages[1].baseImage").value("$BASEIMAGE"))
			.andExpect(jsonPath("$.stages[1].placeholder").value(true))
			.andExpect(jsonPath("$.instructions.length()").value(8))
			.andExpect(jsonPath("$.instructions[2].keyword").value("RUN"))
			.andExpect(jsonPath("$.instructions[2].startLine").value(3))
			.andExpect(jsonPath("$.instructions[2].endLine").value(4))
			.andExpect(jsonPath("$.instructions[2].commands[0].argv")
				.value(org.hamcrest.Matchers.contains("go", "build", "-o", "/agnhost", ".")))
			.andExpect(jsonPath("$.instructions[2].commands[1].argv")
				.value(org.hamcrest.Matchers.contains("strip", "/agnhost")))
			.andExpect(jsonPath("$.instructions[2].commands[1].line").value(4))
			.andExpect(jsonPath("$.instructions[4].keyword").value("CROSS_BUILD_COPY"))
			.andExpect(jsonPath("$.instructions[5].commands[0].argv")
				.value(org.hamcrest.Matchers.contains("apk", "add", "--no-cache", "curl", "bind-tools")))
			.andExpect(jsonPath("$.instructions[5].commands[1].argv")
				.value(org.hamcrest.Matchers.contains("echo", "done")));
	}

	@Test
	void syntaxErrorIsAProblemReportWithLineAndColumn() throws Exception {
		String unterminated = "FROM debian:bookworm\nRUN <<EOF\necho hello\n";
		mvc.perform(post("/api/dockerfile/parse").content(unterminated))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.line").value(2))
			.andExpect(jsonPath("$.column").isNumber())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("EOF")));
	}

	@Test
	void bodyOverOneMebibyteIs413() throws Exception {
		byte[] big = ("FROM debian:bookworm\n" + "# padding\n".repeat(110_000)).getBytes();
		mvc.perform(post("/api/dockerfile/parse").content(big))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.limit").value(1048576));
	}

	@Test
	void bodyOfExactlyTheLimitIsAccepted() throws Exception {
		String head = "FROM debian:bookworm\n";
		String body = head + "#".repeat(1048576 - head.length());
		mvc.perform(post("/api/dockerfile/parse").content(body)).andExpect(status().isOk());
	}

}
