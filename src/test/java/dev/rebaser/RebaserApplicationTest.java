package dev.rebaser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole service on its embedded database, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:rebaser-app-test;DB_CLOSE_DELAY=-1")
class RebaserApplicationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void migrationsRanOnTheEmbeddedDatabase() {
		// the first start keeps the example tree as the first catalog import
		assertThat(jdbc.queryForObject("SELECT origin FROM catalog_import ORDER BY id FETCH FIRST 1 ROWS ONLY",
				String.class))
			.isEqualTo("classpath:example-tree");
		assertThat(jdbc.queryForList("SELECT \"success\" FROM \"flyway_schema_history\"", Boolean.class)).isNotEmpty()
			.containsOnly(true);
	}

	@Test
	void overviewRendersFromThePackagedTemplates() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Build overview</h1>")
			.contains("mips64le")
			.contains("/api/dockerfile/parse");
	}

	@Test
	void healthIsUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(health.body()).as("which hosts build is the operator's to see").doesNotContain("components");
	}

	@Test
	void theSessionCookieStaysOnThisSite() throws Exception {
		HttpResponse<String> login = get("/login");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void openApiDocumentDescribesThePublicEndpoints() throws Exception {
		HttpResponse<String> doc = get("/v3/api-docs");
		assertThat(doc.statusCode()).isEqualTo(200);
		assertThat(doc.body()).contains("/api/manifest").contains("/api/dockerfile/parse").contains("413");
	}

	@Test
	void parseOverHttpWithCurlsDefaultContentType() throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dockerfile/parse"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("FROM alpine:3.20\nRUN apk add --no-cache curl\n"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"baseImage\":\"alpine:3.20\"").contains("\"apk\",\"add\"");
	}

	@Test
	void rewriteWithQueryParametersKeepsAFormLabelledBody() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rewrite?target=fedora-40&arch=amd64"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("FROM alpine:3.20\nRUN apk add --no-cache bind-tools\n"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("dnf install -y").contains("bind-utils");
	}

	@Test
	void oversizedUploadIsRefusedWith413() throws Exception {
		HttpResponse<String> response = post("/api/dockerfile/parse", new byte[2 * 1024 * 1024]);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

}
