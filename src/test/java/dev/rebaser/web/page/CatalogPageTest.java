package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildHosts;
import dev.rebaser.build.DockerHostsProperties;
import dev.rebaser.build.HostBase;
import dev.rebaser.build.HostBaseImages;
import dev.rebaser.build.HostStatus;
import dev.rebaser.build.Scheduler;
import dev.rebaser.build.base.BaseImageBootstraps;
import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.context.ArchiveLimits;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextDirectory;
import dev.rebaser.imports.CatalogImports;
import dev.rebaser.imports.CatalogStore;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.web.SecurityConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalog page against the real importer and the bundled example tree; the database
 * that keeps imports, the scheduler and the Docker daemons are stand-ins.
 */
@WebMvcTest(CatalogPageController.class)
@Import({ CurrentCatalog.class, CatalogImports.class, CatalogPage.class, RewriteConfiguration.class,
		SecurityConfiguration.class, BuildHosts.class })
@EnableConfigurationProperties(DockerHostsProperties.class)
@TestPropertySource(properties = { "rebaser.operator.token=test-token",
		"rebaser.docker.hosts[0].uri=tcp://builder.example:2376", "rebaser.docker.hosts[0].concurrency=3",
		"rebaser.docker.hosts[1].uri=tcp://mips.example:2376", "rebaser.docker.hosts[1].concurrency=1" })
class CatalogPageTest {

	static final String BUILDER = "tcp://builder.example:2376";

	static final String MIPS = "tcp://mips.example:2376";

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentCatalog catalog;

	@Autowired
	BuildHosts hosts;

	@MockitoBean
	CatalogStore store;

	@MockitoBean
	Scheduler scheduler;

	@MockitoBean
	HostBaseImages bases;

	/** What the stand-in database kept, newest first. */
	final List<CatalogStore.CatalogImport> kept = new ArrayList<>();

	@BeforeEach
	void startFromTheExampleTree() throws Exception {
		when(store.save(any(), anyString(), anyInt(), anyInt(), any())).thenAnswer(call -> {
			CatalogImporter.Snapshot snapshot = call.getArgument(0);
			CatalogStore.CatalogImport record = new CatalogStore.CatalogImport(kept.size() + 1L, snapshot.origin(),
					call.getArgument(4), call.getArgument(1), call.getArgument(2), call.getArgument(3));
			kept.add(0, record);
			return record;
		});
		when(store.history(anyInt())).thenAnswer(call -> List.copyOf(kept));
		catalog.replace(CatalogImporter.exampleSnapshot(), "first start");
		when(scheduler.hostStatuses()).thenReturn(List.of(new HostStatus(BUILDER, true, null, T0, 2, 3),
				new HostStatus(MIPS, false, "connection refused", T0.plusSeconds(60), 0, 1)));
		when(bases.statuses()).thenReturn(List.of(
				new HostBase(BUILDER, "debian-bookworm/mips64le", "rebaser/debian:bookworm-mips64le", "bookworm",
						"mips64le", true, true, "sha256:1111aaaa", "mips64le", null),
				new HostBase(MIPS, "debian-bookworm/mips64le", "rebaser/debian:bookworm-mips64le", "bookworm",
						"mips64le", true, false, "sha256:2222bbbb", "amd64", null)));
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder operator(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return request.with(user("operator").roles("OPERATOR")).with(csrf());
	}

	private static byte[] exampleTarGz() throws Exception {
		return CatalogImporter.exampleSnapshot().tarGz();
	}

	@Test
	void showsTheCurrentCatalogItsProblemsAndTheHistory() throws Exception {
		String html = page(get("/catalog"));

		assertThat(html).contains("<code>classpath:example-tree</code>").contains("first start");
		assertThat(html).contains("<td>" + catalog.get().images().size() + "</td>");
		assertThat(catalog.get().problems()).isNotEmpty();
		assertThat(html).contains(catalog.get()
			.problems()
			.get(0)
			.message()
			.replace("'", "&#39;")
			.replace("\"", "&quot;")
			.replace("<", "&lt;")
			.replace(">", "&gt;"));
		// the example tree has notes only: they are there to open, not in the way
		assertThat(html).contains("<details class=\"problems-details\">")
			.contains(catalog.get().problems().size() + " findings of the import: 0 errors and warnings");
		assertThat(html).contains("id=\"import-history\"").contains("(current)");
	}

	@Test
	void importsAFolderOnTheServerAndShowsItAtTheTopOfTheHistory(@TempDir Path root) throws Exception {
		ContextDirectory.write(ContextArchive.read(new ByteArrayInputStream(exampleTarGz()), ArchiveLimits.defaults()),
				root);

		mvc.perform(operator(post("/catalog/import")).param("path", root.toString()))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("message", allOf(containsString("Imported " + root),
					containsString(catalog.get().images().size() + " images"))));

		assertThat(catalog.source().origin()).isEqualTo(root.toString());
		assertThat(catalog.source().actor()).isEqualTo("operator via dashboard");
		String html = page(get("/catalog"));
		String history = html.substring(html.indexOf("id=\"import-history\""));
		assertThat(history.indexOf(root.toString())).isPositive().isLessThan(history.indexOf("classpath:example-tree"));
	}

	@Test
	void importsAnUploadedTarGz() throws Exception {
		mvc.perform(multipart("/catalog/import")
			.file(new MockMultipartFile("upload", "kubernetes.tar.gz", "application/gzip", exampleTarGz()))
			.with(user("operator").roles("OPERATOR"))
			.with(csrf()))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("message", containsString("Imported upload kubernetes.tar.gz")));

		assertThat(catalog.source().origin()).isEqualTo("upload kubernetes.tar.gz");
		assertThat(kept).hasSize(2);
	}

	@Test
	void aBrokenUploadIsAFlashErrorNotAServerError() throws Exception {
		mvc.perform(multipart("/catalog/import")
			.file(new MockMultipartFile("upload", "notes.tar.gz", "application/gzip", "not gzip at all".getBytes()))
			.with(user("operator").roles("OPERATOR"))
			.with(csrf()))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("error", containsString("Nothing was imported: not a gzip-compressed tar")));
		assertThat(catalog.source().origin()).isEqualTo("classpath:example-tree");
	}

	@Test
	void urlsThatAreNotHttpOrPointIntoThePrivateNetworkAreRefused() throws Exception {
		mvc.perform(operator(post("/catalog/import")).param("url", "file:///etc/passwd"))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("error", containsString("only http and https URLs")));
		mvc.perform(operator(post("/catalog/import")).param("url", "http://10.1.2.3/kubernetes.tar.gz"))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("error", containsString("10.1.2.3 is a private address")));
		assertThat(kept).hasSize(1);
	}

	@Test
	void aTreeWithoutImagesIsRefusedWithItsProblems(@TempDir Path root) throws Exception {
		Files.writeString(root.resolve("README.md"), "no images here");

		mvc.perform(operator(post("/catalog/import")).param("path", root.toString()))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("error", containsString(root + " holds no image to import")));
		assertThat(catalog.source().origin()).isEqualTo("classpath:example-tree");
	}

	@Test
	void aMissingFolderOrNoSourceAtAllIsAFlashError() throws Exception {
		mvc.perform(operator(post("/catalog/import")).param("path", "/no/such/kubernetes"))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("error", containsString("/no/such/kubernetes")));
		mvc.perform(operator(post("/catalog/import")))
			.andExpect(redirectedUrl("/catalog"))
			.andExpect(flash().attribute("error", containsString("give path=, url= or a .tar.gz body")));
		assertThat(kept).hasSize(1);
	}

	@Test
	void theFlashIsShownAndEscaped() throws Exception {
		String html = page(get("/catalog").flashAttr("error", "Nothing was imported: <script>"));
		assertThat(html).contains("role=\"alert\">Nothing was imported: &lt;script&gt;</p>");
	}

	@Test
	void importingNeedsTheOperatorAndACsrfToken() throws Exception {
		mvc.perform(post("/catalog/import").with(csrf()).param("path", "/tmp")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/catalog/import").with(user("operator").roles("OPERATOR")).param("path", "/tmp"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/catalog/base-images/bootstrap").with(csrf())
			.param("target", "debian-bookworm")
			.param("arch", "mips64le")).andExpect(redirectedUrl("/login"));
		assertThat(kept).hasSize(1);
		verify(bases, never()).bootstrap(anyString(), anyString(), any());
	}

	@Test
	void theFormsAreForTheOperatorOnly() throws Exception {
		String anonymous = page(get("/catalog"));
		assertThat(anonymous).doesNotContain("action=\"/catalog/import\"")
			.doesNotContain("action=\"/catalog/base-images/bootstrap\"")
			.contains("as the operator to import a tree")
			.contains(">Log in to bootstrap<");

		String operator = page(get("/catalog").with(user("operator").roles("OPERATOR")));
		assertThat(operator).contains("action=\"/catalog/import\"")
			.contains("enctype=\"multipart/form-data\"")
			.contains("name=\"_csrf\"");
	}

	@Test
	void showsEveryHostWithItsHealthConcurrencyAndBaseImages() throws Exception {
		String html = page(get("/catalog").with(user("operator").roles("OPERATOR")));
		String hostTable = html.substring(html.indexOf("id=\"docker-hosts\""), html.indexOf("id=\"base-images\""));

		assertThat(hostTable).containsPattern("(?s)" + BUILDER + ".*health-ok\">reachable<.*<td>2</td>\\s*<td>3</td>");
		assertThat(hostTable).containsPattern("(?s)" + MIPS + ".*health-bad\">unreachable<.*connection refused"
				+ ".*since 2026-03-01 10:01:00 UTC.*<td>0</td>\\s*<td>1</td>");
		String baseTable = html.substring(html.indexOf("id=\"base-images\""), html.indexOf("id=\"bootstraps\""));
		assertThat(baseTable).contains("base-usable\">present and usable<").contains("sha256:1111aaaa");
		assertThat(baseTable).contains("base-wrong-arch\">wrong architecture<")
			.contains("(the image is amd64, builds need mips64le)")
			.contains("sha256:2222bbbb");
		// only the unusable image is offered a bootstrap, on its own host
		assertThat(baseTable.split("action=\"/catalog/base-images/bootstrap\"", -1)).hasSize(2);
		assertThat(baseTable).contains("name=\"host\" value=\"" + MIPS + "\"")
			.doesNotContain("name=\"host\" value=\"" + BUILDER + "\"")
			.contains("name=\"target\" value=\"debian-bookworm\"");
	}

	@Test
	void aHostWhoseDaemonDoesNotAnswerSaysSo() throws Exception {
		when(bases.statuses()).thenReturn(List
			.of(new HostBase(BUILDER, "debian-bookworm/mips64le", "rebaser/debian:bookworm-mips64le", "bookworm",
					"mips64le", false, false, null, null, "the Docker daemon does not answer: connection refused")));

		String html = page(get("/catalog").with(user("operator").roles("OPERATOR")));
		String baseTable = html.substring(html.indexOf("id=\"base-images\""), html.indexOf("id=\"bootstraps\""));
		assertThat(baseTable).contains("base-unknown\">unknown<")
			.contains("the Docker daemon does not answer")
			.doesNotContain("action=\"/catalog/base-images/bootstrap\"");
	}

	@Test
	void bootstrapStartsARunAndRedirectsWithItsNumber() throws Exception {
		when(bases.bootstrap("debian-bookworm", "mips64le", MIPS))
			.thenReturn(new BaseImageBootstraps.Run(4, MIPS, "bookworm", "mips64le", "rebaser/debian:bookworm-mips64le",
					BaseImageBootstraps.Run.State.RUNNING, T0, null, "bootstrapping", null));

		mvc.perform(operator(post("/catalog/base-images/bootstrap")).param("target", "debian-bookworm")
			.param("arch", "mips64le")
			.param("host", MIPS))
			.andExpect(redirectedUrl("/catalog#bootstraps"))
			.andExpect(flash().attribute("message", containsString("Bootstrap 4 started")));
	}

	@Test
	void aBootstrapThatCannotStartIsAFlashError() throws Exception {
		when(bases.bootstrap("debian-trixie", "riscv64", null)).thenThrow(new ResponseStatusException(
				HttpStatus.BAD_REQUEST, "Rebaser bootstraps no base image for debian-trixie/riscv64"));

		mvc.perform(operator(post("/catalog/base-images/bootstrap")).param("target", "debian-trixie")
			.param("arch", "riscv64"))
			.andExpect(redirectedUrl("/catalog#bootstraps"))
			.andExpect(flash().attribute("error",
					"No bootstrap was started: Rebaser bootstraps no base image for debian-trixie/riscv64"));
	}

	@Test
	void aRunningBootstrapIsFollowedLiveAndAFinishedOneIsListed() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		BaseImageBootstraps.Run run = hosts.bootstraps()
			.start(MIPS, "bookworm", "mips64le", "rebaser/debian:bookworm-mips64le", () -> {
				release.await(10, TimeUnit.SECONDS);
				throw new IllegalStateException("no Debian mirror for bookworm");
			});
		try {
			String html = page(get("/catalog"));
			assertThat(html).contains("data-live-src=\"/catalog?fragment=bootstraps\"")
				.contains("run-RUNNING\">RUNNING<")
				.contains("class=\"refresh\">Refresh<")
				.contains("/js/live.js");

			String fragment = page(get("/catalog").param("fragment", "bootstraps"));
			assertThat(fragment).startsWith("<section")
				.contains("data-live-src=\"/catalog?fragment=bootstraps\"")
				.doesNotContain("<html")
				.doesNotContain("id=\"base-images\"");
		}
		finally {
			release.countDown();
		}
		for (int i = 0; i < 100 && hosts.bootstraps().run(run.id()).orElseThrow().finishedAt() == null; i++) {
			Thread.sleep(50);
		}

		String html = page(get("/catalog"));
		assertThat(html).doesNotContain("data-live-src")
			.contains("run-FAILED\">FAILED<")
			.contains("no Debian mirror for bookworm");
	}

}
