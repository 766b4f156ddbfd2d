package dev.rebaser.web;

import static dev.rebaser.context.TarFixtures.file;
import static dev.rebaser.context.TarFixtures.tarGz;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input over real HTTP, through Tomcat, the security filters and the error pages:
 * every one is a 4xx problem report that says what was wrong, never a 200 with nothing in
 * it or a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:bad-input-test;DB_CLOSE_DELAY=-1",
				"rebaser.scheduler.enabled=false", "rebaser.packages.check=false",
				"rebaser.operator.token=test-token" })
class BadInputOverHttpTest {

	static final String PROBLEM = "application/problem+json";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder to(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return send(to(path).header("Content-Type", contentType)
			.header("Authorization", "Bearer test-token")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** An answer read off a socket. */
	record RawResponse(int status, String head, String body) {
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertProblem(
				new RawResponse(response.statusCode(),
						"content-type: " + response.headers().firstValue("Content-Type").orElse(""), response.body()),
				status, detail);
	}

	private static void assertProblem(RawResponse response, int status, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.head()).as(response.body()).contains("content-type: " + PROBLEM);
		assertThat(response.body()).contains("\"status\":" + status).containsIgnoringCase(detail);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	static byte[] context() throws Exception {
		return tarGz(tar -> file(tar, "Dockerfile", "FROM alpine:3.19\nRUN apk add --no-cache curl\n"));
	}

	@Test
	void aTruncatedContextIsRefusedNotAnsweredEmpty() throws Exception {
		byte[] whole = context();
		byte[] half = Arrays.copyOf(whole, whole.length / 2);
		assertProblem(post("/api/rewrite/context", "application/gzip", half), 400, "truncated");
	}

	@Test
	void anEmptyContextIsRefused() throws Exception {
		assertProblem(post("/api/rewrite/context", "application/gzip", new byte[0]), 400, "empty");
	}

	@Test
	void aGzipThatIsNotATarIsRefused() throws Exception {
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			out.write("just some text, not a tar archive at all\n".repeat(20).getBytes(StandardCharsets.UTF_8));
		}
		assertProblem(post("/api/rewrite/context", "application/gzip", gzip.toByteArray()), 400, "tar");
	}

	@Test
	void aMultipartFormToARawBodyEndpointIsUnsupported() throws Exception {
		byte[] form = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Dockerfile\"\r\n\r\n"
				+ "FROM alpine\r\n--b--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		for (String path : new String[] { "/api/rewrite", "/api/rewrite/context", "/api/dockerfile/parse",
				"/api/manifest" }) {
			assertProblem(post(path, "multipart/form-data; boundary=b", form), 415, "multipart");
		}
	}

	/** Sent as written: HTTP clients refuse to build such a URL. */
	private RawResponse raw(String requestLine) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nContent-Length: 0\r\n"
						+ "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring(9, 12));
			String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
			String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
			return new RawResponse(status, head, body);
		}
	}

	@Test
	void aBadPercentEscapeInAQueryIsABadRequest() throws Exception {
		assertProblem(raw("GET /api/images?x=%zz HTTP/1.1"), 400, "query");
		assertProblem(raw("POST /api/rewrite?target=%zz HTTP/1.1"), 400, "query");
	}

	@Test
	void invalidUtf8IsRefusedWithItsOffset() throws Exception {
		byte[] body = "FROM alpine\nRUN echo \u00e9\n".getBytes(StandardCharsets.UTF_8);
		byte[] broken = Arrays.copyOf(body, body.length);
		int at = "FROM alpine\nRUN echo ".length();
		broken[at] = (byte) 0xff;
		for (String path : new String[] { "/api/rewrite", "/api/dockerfile/parse", "/api/manifest" }) {
			HttpResponse<String> response = post(path, "text/plain", broken);
			assertProblem(response, 400, "UTF-8");
			assertThat(response.body()).contains("\"offset\":" + at);
		}
	}

	@Test
	void anImportWithNothingToImportSaysSo() throws Exception {
		assertProblem(post("/api/catalog/import", "application/gzip", new byte[0]), 400, "path=, url= or");
		// chunked, so the length is not known before the body ends
		HttpResponse<String> chunked = send(to("/api/catalog/import").header("Content-Type", "application/gzip")
			.header("Authorization", "Bearer test-token")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0]))));
		assertProblem(chunked, 400, "empty");
	}

	@Test
	void aWrongMethodOrAnUnknownPathIsAProblemToo() throws Exception {
		assertProblem(send(to("/api/rewrite")), 405, "GET");
		assertProblem(send(to("/api/no-such-thing")), 404, "/api/no-such-thing");
		assertProblem(send(to("/api/builds/not-a-number")), 400, "not-a-number");
	}

}
