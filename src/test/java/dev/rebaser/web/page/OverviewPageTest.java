package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildJobs;
import dev.rebaser.build.Rebuilds;
import dev.rebaser.build.queue.BuildBoard;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.QueuedImage;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rewriting.RewriteConfiguration;
import dev.rebaser.rewriting.TargetArchitectures;
import dev.rebaser.rewriting.TargetChoice;
import dev.rebaser.web.SecurityConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The overview on the bundled example catalog; the build tables are stood in for by the
 * board.
 */
@WebMvcTest(OverviewController.class)
@Import({ CurrentCatalog.class, TargetChoice.class, TargetArchitectures.class, Rebuilds.class,
		RewriteConfiguration.class, SecurityConfiguration.class })
@TestPropertySource(properties = "rebaser.operator.token=test-token")
class OverviewPageTest {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BuildBoard board;

	@MockitoBean
	BuildQueue queue;

	@BeforeEach
	void jobs() {
		when(board.latest()).thenReturn(List.of(entry(41, "agnhost", "mips64le", BuildState.BUILT, 95),
				entry(42, "kitten", "amd64", BuildState.FAILED, 12),
				entry(43, "kitten", "mips64le", BuildState.DEP_WAIT, -1)));
	}

	static BuildBoard.Entry entry(long id, String image, String arch, BuildState state, int seconds) {
		Instant started = seconds < 0 ? null : T0.plusSeconds(id);
		Instant finished = started == null ? null : started.plusSeconds(seconds);
		return new BuildBoard.Entry(id, image, arch, "unix:///var/run/docker.sock", state, 1, T0, started, finished,
				null, null, null);
	}

	/** The image ids of the grid's rows, top to bottom. */
	static List<String> rows(String html) {
		return java.util.regex.Pattern.compile("class=\"image-cell\"[^>]*>\\s*<a href=\"/images/([^\"]+)\"")
			.matcher(html)
			.results()
			.map(m -> m.group(1))
			.toList();
	}

	private String page(String url) throws Exception {
		return PageRequests.anonymous(mvc, url);
	}

	private String operatorPage(String url) throws Exception {
		return PageRequests.asOperator(mvc, url);
	}

	@Test
	void gridHasARowPerImageInBuildOrderAndAColumnPerArchMips64leFirst() throws Exception {
		String html = page("/");

		assertThat(html).contains("<h1>Build overview</h1>");
		assertThat(html.indexOf(">mips64le</th>")).isPositive().isLessThan(html.indexOf(">amd64</th>"));
		assertThat(html.indexOf(">arm64</th>")).isPositive();
		// agnhost is level 0 and kitten is built on it
		assertThat(html.indexOf("href=\"/images/agnhost\"")).isPositive()
			.isLessThan(html.indexOf("href=\"/images/kitten\""));
		assertThat(html).containsPattern("waits on:\\s*<a href=\"/images/agnhost\">agnhost</a>");
		assertThat(html).contains("href=\"/builds/41\"", "href=\"/builds/42\"", "href=\"/builds/43\"");
		assertThat(html).contains("class=\"cell state-BUILT\"", "class=\"cell state-FAILED\"",
				"class=\"cell state-DEP_WAIT\"", "class=\"cell state-NONE\"");
		assertThat(html).contains("2026-03-01 10:02:16 UTC").contains("1m 35s").contains("12s");
	}

	@Test
	void countsAreOverTheWholeGrid() throws Exception {
		String html = page("/?state=FAILED");

		assertThat(html)
			.containsPattern("<span class=\"state-name\">BUILT</span>\\s*<span class=\"state-count\">1</span>");
		assertThat(html)
			.containsPattern("<span class=\"state-name\">FAILED</span>\\s*<span class=\"state-count\">1</span>");
		assertThat(html)
			.containsPattern("<span class=\"state-name\">BUILDING</span>\\s*<span class=\"state-count\">0</span>");
	}

	@Test
	void filtersByStateArchAndNameAndSortsByName() throws Exception {
		String failed = page("/?state=FAILED");
		assertThat(rows(failed)).containsExactly("kitten");
		assertThat(failed).contains("1 of ");

		String amd64 = page("/?arch=amd64");
		assertThat(amd64).contains(">amd64</th>")
			.doesNotContain(">mips64le</th>")
			.doesNotContain("href=\"/builds/41\"");

		String named = page("/?q=KIT");
		assertThat(rows(named)).containsExactly("kitten");

		String byName = page("/?sort=name");
		assertThat(rows(byName)).isSorted().hasSize(8);
		List<String> byGraph = rows(page("/"));
		assertThat(byGraph).hasSize(8).isNotEqualTo(rows(byName));
		assertThat(byGraph.indexOf("agnhost")).isLessThan(byGraph.indexOf("kitten"));
		assertThat(byGraph.indexOf("agnhost")).isLessThan(byGraph.indexOf("nautilus"));
	}

	@Test
	void sortingByLastChangePutsTheNewestFirst() throws Exception {
		List<String> rows = rows(page("/?sort=change"));
		// agnhost's build finished at 10:02:16, kitten's last change was at 10:00:54, the
		// others never built
		assertThat(rows.subList(0, 2)).containsExactly("agnhost", "kitten");
		assertThat(rows).hasSize(8);
	}

	@Test
	void theGridAloneIsAFragmentForLiveUpdates() throws Exception {
		String html = page("/?fragment=grid&state=BUILT");

		assertThat(html).startsWith("<section").contains("id=\"board-grid\"").contains("href=\"/builds/41\"");
		assertThat(html).contains("data-live-src=\"/?state=BUILT&amp;fragment=grid\"");
		assertThat(html).doesNotContain("Try the API").doesNotContain("<html");
	}

	@Test
	void theFullPageWorksWithoutScriptAndEndsWithTheApiExamples() throws Exception {
		String html = page("/");

		assertThat(html).contains("<form class=\"board-filter\" method=\"get\" action=\"/\">");
		assertThat(html).contains("Try the API").contains("/api/dockerfile/parse").contains("/api/manifest");
		assertThat(html).contains("/js/live.js");
		assertThat(html.indexOf("Try the API")).isGreaterThan(html.indexOf("as the operator to rebuild"));
	}

	@Test
	void whatTheUserTypedIsEscaped() throws Exception {
		String html = mvc.perform(get("/").param("q", "<script>alert(1)</script>"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void rebuildAllQueuesEveryImageForTheArchAndRedirectsWithAMessage() throws Exception {
		when(queue.enqueue(anyList(), eq("amd64"), eq(true), anyString())).thenAnswer(call -> {
			List<QueuedImage> images = call.getArgument(0);
			return images.stream().map(i -> BuildJobs.job(1, i.key(), "amd64", BuildState.NEEDS_BUILD, T0)).toList();
		});

		mvc.perform(post("/builds").param("arch", "amd64")
			.param("force", "true")
			.with(user("operator").roles("OPERATOR"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("message", containsString("for amd64, forced")));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<QueuedImage>> images = ArgumentCaptor.forClass(List.class);
		verify(queue).enqueue(images.capture(), eq("amd64"), eq(true), eq("operator via dashboard"));
		assertThat(images.getValue()).extracting(QueuedImage::key).startsWith("agnhost").contains("kitten", "dnsutils");
	}

	@Test
	void rebuildAllForAnArchWithoutTargetIsAFlashError() throws Exception {
		mvc.perform(post("/builds").param("arch", "sparc").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("error", containsString("no target debian-bookworm for arch sparc")));
		verify(queue, never()).enqueue(anyList(), anyString(), eq(false), anyString());
	}

	@Test
	void rebuildAllNeedsTheOperatorAndACsrfToken() throws Exception {
		mvc.perform(post("/builds").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/builds").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
		verify(queue, never()).enqueue(anyList(), anyString(), eq(false), anyString());
	}

	@Test
	void theRebuildFormCarriesTheCsrfToken() throws Exception {
		assertThat(operatorPage("/")).containsPattern("action=\"/builds\">\\s*<input type=\"hidden\" name=\"_csrf\"");
	}

	@Test
	void onlyTheOperatorIsOfferedRebuildAll() throws Exception {
		assertThat(page("/")).doesNotContain("action=\"/builds\"")
			.doesNotContain("Rebuild all")
			.contains("<a href=\"/login\">Log in</a> as the operator to rebuild.");
		assertThat(operatorPage("/")).contains("action=\"/builds\"")
			.contains("Rebuild all")
			.doesNotContain("as the operator to rebuild");
	}

	@Test
	void eachRowSaysItsImagesVersionSoThatTwoVersionsOfOneImageTellApart() throws Exception {
		assertThat(page("/"))
			.containsPattern("<a href=\"/images/kitten\">kitten</a>\\s*<span class=\"version\">1\\.7</span>");
	}

}
