package dev.rebaser.web.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.SecurityConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * URL imports from a loopback server started by the test, which only the opt-in allows.
 */
@WebMvcTest(CatalogController.class)
@TestPropertySource(properties = { "rebaser.operator.token=test-token", "rebaser.catalog.allow-private-fetches=true" })
@Import({ CurrentCatalog.class, CatalogImports.class, TargetChoice.class, RewriteConfiguration.class,
		SecurityConfiguration.class })
class CatalogUrlImportControllerTest {

	@Autowired
	MockMvc mvc;

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		byte[] tree = CatalogImporter.exampleSnapshot().tarGz();
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/k.tar.gz", exchange -> {
			exchange.sendResponseHeaders(200, tree.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(tree);
			}
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void theCredentialsOfAnImportUrlAreNeitherKeptNorShown() throws Exception {
		String host = "127.0.0.1:" + server.getAddress().getPort();

		mvc.perform(post("/api/catalog/import").header("Authorization", "Bearer test-token")
			.param("url", "http://user:pw@" + host + "/k.tar.gz?access_token=s3cret"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.origin").value("http://" + host + "/k.tar.gz?access_token=redacted"));
		mvc.perform(get("/api/catalog"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.origin").value("http://" + host + "/k.tar.gz?access_token=redacted"))
			.andExpect(content().string(not(containsString("pw@"))))
			.andExpect(content().string(not(containsString("s3cret"))));
	}

	@Test
	void evenWithTheOptInTheUnspecifiedAddressIsRefused() throws Exception {
		mvc.perform(post("/api/catalog/import").header("Authorization", "Bearer test-token")
			.param("url", "http://0.0.0.0:" + server.getAddress().getPort() + "/k.tar.gz"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("never fetched from")));
	}

}
