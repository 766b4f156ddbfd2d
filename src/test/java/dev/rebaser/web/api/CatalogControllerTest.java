package dev.rebaser.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.SecurityConfiguration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Against the bundled example tree, which the service imports when no tree is configured.
 */
@WebMvcTest(CatalogController.class)
@TestPropertySource(properties = "rebaser.operator.token=test-token")
@Import({ CurrentCatalog.class, CatalogImports.class, TargetChoice.class, RewriteConfiguration.class,
		SecurityConfiguration.class })
@org.springframework.test.context.TestPropertySource(properties = "rebaser.operator.token=test-token")
class CatalogControllerTest {

	@Autowired
	MockMvc mvc;

	private BuildContext download(String path) throws Exception {
		byte[] archive = mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/gzip"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return ContextArchive.read(new ByteArrayInputStream(archive), ArchiveLimits.defaults());
	}

	@Test
	void listsTheCatalogInDependencyOrder() throws Exception {
		mvc.perform(get("/api/images"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("agnhost"))
			.andExpect(jsonPath("$[0].children", containsInAnyOrder("kitten", "nautilus")))
			.andExpect(jsonPath("$[?(@.id == 'kitten')].parents[0]").value(hasItem("agnhost")))
			.andExpect(jsonPath("$[?(@.id == 'kitten')].buildable").value(hasItem(true)));
	}

	@Test
	void showsOneImage() throws Exception {
		mvc.perform(get("/api/images/kitten"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value("registry.k8s.io/e2e-test-images/kitten:1.7"))
			.andExpect(jsonPath("$.contextPath").value("test/images/kitten"))
			.andExpect(jsonPath("$.parents[0]").value("agnhost"))
			.andExpect(jsonPath("$.baseImages['linux/amd64']").value("REGISTRY/agnhost:2.53-linux-amd64"));
	}

	@Test
	void unknownImageIs404() throws Exception {
		mvc.perform(get("/api/images/no-such-image")).andExpect(status().isNotFound());
		mvc.perform(get("/api/images/no-such-image/context.tar.gz")).andExpect(status().isNotFound());
	}

	@Test
	void downloadsOneRewrittenContext() throws Exception {
		BuildContext context = download("/api/images/kitten/context.tar.gz");
		assertThat(context.text("BASEIMAGE")).hasValueSatisfying(
				text -> assertThat(text).contains("linux/mips64le=REGISTRY/agnhost:2.53-linux-mips64le"));
		assertThat(context.text("REWRITE-REPORT.md")).isPresent();
		assertThat(context.text("Dockerfile"))
			.hasValueSatisfying(d -> assertThat(d).doesNotContain("CROSS_BUILD_COPY"));
	}

	@Test
	void downloadsEveryContextWithABuildScript() throws Exception {
		BuildContext bundle = download("/api/catalog/contexts.tar.gz?arch=amd64");
		assertThat(bundle.text("build.sh")).hasValueSatisfying(script -> assertThat(script).contains("ARCH=amd64")
			.contains("build 'agnhost'")
			.contains("build 'kitten'"));
		assertThat(bundle.get("build.sh").orElseThrow().mode()).isEqualTo(0755);
		assertThat(bundle.text("agnhost/Dockerfile")).isPresent();
	}

	@Test
	void importingNeedsTheOperatorToken(@TempDir Path tree) throws Exception {
		mvc.perform(post("/api/catalog/import?path=" + tree)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/catalog")).andExpect(jsonPath("$.origin").value("classpath:example-tree"));
	}

	@Test
	void importsAFolderAndAnUploadAndRefusesATreeWithoutImages(@TempDir Path root) throws Exception {
		Path tree = root.resolve("kubernetes");
		ContextDirectory.write(ContextArchive.read(new ByteArrayInputStream(CatalogImporter.exampleSnapshot().tarGz()),
				ArchiveLimits.defaults()), tree);
		Files.writeString(tree.resolve("test/utils/image/manifest.go"),
				Files.readString(tree.resolve("test/utils/image/manifest.go"))
					.replace("configs[DNSUtils] = Config{list.PromoterE2eRegistry, \"dnsutils\", \"1.3\"}\n", ""));

		mvc.perform(post("/api/catalog/import?path=" + tree).header("Authorization", "Bearer test-token"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.origin").value(tree.toString()))
			.andExpect(jsonPath("$.images").value(7));
		mvc.perform(get("/api/images/dnsutils")).andExpect(status().isNotFound());
		mvc.perform(get("/api/catalog")).andExpect(jsonPath("$.origin").value(tree.toString()));

		mvc.perform(post("/api/catalog/import").header("Authorization", "Bearer test-token")
			.contentType("application/gzip")
			.content(CatalogImporter.exampleSnapshot().tarGz()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.origin").value("upload"))
			.andExpect(jsonPath("$.images").value(8));
		mvc.perform(get("/api/images/dnsutils")).andExpect(status().isOk());

		Path empty = Files.createDirectories(root.resolve("empty"));
		mvc.perform(post("/api/catalog/import?path=" + empty).header("Authorization", "Bearer test-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Nothing to import"))
			.andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.containsString("manifest.go")));
		mvc.perform(get("/api/catalog")).andExpect(jsonPath("$.origin").value("upload"));
	}

	@Test
	void refusesUrlsOfPrivateAddressesAndOtherSchemes() throws Exception {
		mvc.perform(post("/api/catalog/import?url=http://10.1.2.3/kubernetes.tar.gz").header("Authorization",
				"Bearer test-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("private address")));
		// refused from the address alone: nothing is connected to
		for (String url : new String[] { "http://127.0.0.1:9/k.tar.gz", "http://100.100.100.200/latest/meta-data",
				"http://[::ffff:10.0.0.1]/k.tar.gz", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:c0a8:101::1]/",
				"http://192.0.0.1/" }) {
			mvc.perform(post("/api/catalog/import").param("url", url).header("Authorization", "Bearer test-token"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("private address")));
		}
		mvc.perform(post("/api/catalog/import?url=file:///etc/passwd").header("Authorization", "Bearer test-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only http and https")));
	}

	@Test
	void importsAnUploadedTreeAndRefusesAPrivateUrl() throws Exception {
		byte[] tree = dev.rebaser.catalog.CatalogImporter.exampleSnapshot().tarGz();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/catalog/import")
			.header("Authorization", "Bearer test-token")
			.contentType("application/gzip")
			.content(tree))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.origin").value("upload"))
			.andExpect(jsonPath("$.actor").value("operator via API"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/catalog/import")
			.header("Authorization", "Bearer test-token")
			.param("url", "http://192.168.1.1/kubernetes.tar.gz"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("private address")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/catalog/import")
			.header("Authorization", "Bearer test-token")
			.content(new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("give path=, url= or a .tar.gz body"));
	}

}
