package dev.rebaser.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service checks what a rewrite installs against the real bookworm mips64el
 * package index, read from the machine's apt lists (scripts/add-mips64el-apt-lists). A
 * user rule maps an Alpine package to a Debian name that does not exist, which only the
 * index can catch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PackageAvailabilityIT {

	@TempDir
	static Path folders;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void userRulesAndFreshCache(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:package-availability-it");
		registry.add("rebaser.rules.extra-folder", () -> write("rules/packages.yaml", """
				packages:
				  made-up-tool: {debian: [rebaser-made-up-tool], fedora: [rebaser-made-up-tool]}
				""").getParent().toString());
		registry.add("rebaser.packages.cache-folder", () -> folders.resolve("cache").toString());
		registry.add("rebaser.packages.check", () -> "true");
	}

	private static Path write(String name, String text) {
		try {
			Path file = folders.resolve(name);
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aPackageMissingFromTheSuiteIsAWarningNamingIt() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rewrite"))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers
					.ofString("FROM alpine:3.20\nRUN apk add --no-cache made-up-tool iproute2\n"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"code\":\"package-unavailable\"")
			.contains("package rebaser-made-up-tool does not exist in bookworm/mips64el")
			.doesNotContain("package iproute2 does not exist");
		assertThat(folders.resolve("cache/bookworm_mips64el.index.gz")).exists();
	}

}
