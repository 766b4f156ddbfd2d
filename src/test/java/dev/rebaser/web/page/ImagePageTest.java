package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The image page on the bundled example catalog, with the real rewrite. */
@WebMvcTest(ImagePageController.class)
@Import({ CurrentCatalog.class, TargetChoice.class, TargetArchitectures.class, Rebuilds.class, ImagePage.class,
		RewriteConfiguration.class, SecurityConfiguration.class })
@TestPropertySource(properties = "rebaser.operator.token=test-token")
class ImagePageTest {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BuildBoard board;

	@MockitoBean
	BuildQueue queue;

	@BeforeEach
	void noBuilds() {
		when(board.history(anyString(), anyInt(), anyInt()))
			.thenAnswer(call -> new BuildBoard.Page(List.of(), 0, call.getArgument(1), call.getArgument(2)));
		when(board.events(anyList())).thenReturn(Map.of());
		when(queue.latest(anyString(), anyString())).thenReturn(Optional.empty());
	}

	private String page(String url) throws Exception {
		return PageRequests.anonymous(mvc, url);
	}

	private String operatorPage(String url) throws Exception {
		return PageRequests.asOperator(mvc, url);
	}

	@Test
	void showsTheSourceAndWhereTheImageSitsInTheGraph() throws Exception {
		String html = page("/images/kitten");

		assertThat(html).contains("registry.k8s.io/e2e-test-images/kitten:1.7")
			.contains("test/images/kitten")
			.contains(">MANIFEST<")
			.contains(">1.7<");
		assertThat(html).contains("href=\"/images/agnhost?arch=mips64le\">agnhost</a>");
		assertThat(page("/images/agnhost")).contains("href=\"/images/kitten?arch=mips64le\">kitten</a>")
			.contains("href=\"/images/nautilus?arch=mips64le\">nautilus</a>");
	}

	@Test
	void showsTheDockerfileBeforeAndAfterWithTheChangesAndTheirRules() throws Exception {
		String html = page("/images/agnhost");

		assertThat(html).contains("<table class=\"diff\">").contains("Original").contains("Rewritten");
		assertThat(html).contains("diff-changed").contains("RUN apk --update add --no-cache curl");
		assertThat(html).containsPattern("<a href=\"/rules#[^\"]+\">[^<]+</a>");
		assertThat(html).contains("REWRITE-REPORT.md");
	}

	@Test
	void showsTheBaseImageFileBeforeAndAfterForTheChosenArch() throws Exception {
		String mips = page("/images/kitten");
		assertThat(mips).contains("linux/amd64=REGISTRY/agnhost:2.53-linux-amd64")
			.contains("linux/mips64le=REGISTRY/agnhost:2.53-linux-mips64le");

		String amd64 = page("/images/kitten?arch=amd64");
		assertThat(amd64).contains("<option value=\"amd64\" selected=\"selected\">amd64</option>")
			.contains("href=\"/api/images/kitten/context.tar.gz?arch=amd64\"");
	}

	@Test
	void buildHistoryIsPagedNewestFirstWithEachJobsStateChanges() throws Exception {
		BuildBoard.Entry newest = new BuildBoard.Entry(31, "kitten", "amd64", "tcp://b:2375", BuildState.BUILT, 1, T0,
				T0.plusSeconds(10), T0.plusSeconds(70), null, null, null);
		BuildBoard.Entry older = new BuildBoard.Entry(30, "kitten", "mips64le", null, BuildState.CANCELLED, 0, T0, null,
				T0.plusSeconds(5), null, null, null);
		when(board.history("kitten", 20, 20)).thenReturn(new BuildBoard.Page(List.of(newest, older), 45, 20, 20));
		when(board.events(List.of(31L, 30L))).thenReturn(Map.of(31L,
				List.of(new BuildBoard.Event(31, T0, "user:operator", null, BuildState.NEEDS_BUILD, "queued"),
						new BuildBoard.Event(31, T0.plusSeconds(70), "scheduler@a", BuildState.BUILDING,
								BuildState.BUILT, "built")),
				30L, List.of(new BuildBoard.Event(30, T0.plusSeconds(5), "user:operator", BuildState.NEEDS_BUILD,
						BuildState.CANCELLED, "cancelled"))));

		String html = page("/images/kitten?offset=20");

		assertThat(html).contains("Builds 21 to 22 of 45, newest first");
		assertThat(html.indexOf("href=\"/builds/31\"")).isPositive().isLessThan(html.indexOf("href=\"/builds/30\""));
		assertThat(html).contains("1m 0s").contains("(scheduler@a)").contains("(user:operator)");
		assertThat(html).contains("href=\"/images/kitten?arch=mips64le&amp;offset=0\">Newer builds")
			.contains("href=\"/images/kitten?arch=mips64le&amp;offset=40\">Older builds");
	}

	@Test
	void offersTheImageDownloadOnlyWhenTheLatestBuildGaveOne() throws Exception {
		assertThat(page("/images/kitten")).doesNotContain("/api/images/kitten/image.tar").contains("Never built");

		when(queue.latest("kitten", "mips64le"))
			.thenReturn(Optional.of(BuildJobs.job(12, "kitten", "mips64le", BuildState.FAILED, T0)));
		String failed = operatorPage("/images/kitten");
		assertThat(failed).doesNotContain("/api/images/kitten/image.tar")
			.contains("action=\"/builds/12/retry\"")
			.doesNotContain("action=\"/builds/12/cancel\"");

		when(queue.latest("kitten", "mips64le"))
			.thenReturn(Optional.of(BuildJobs.job(13, "kitten", "mips64le", BuildState.UP_TO_DATE, T0)));
		assertThat(page("/images/kitten")).contains("href=\"/api/images/kitten/image.tar?arch=mips64le\"");

		when(queue.latest("kitten", "mips64le"))
			.thenReturn(Optional.of(BuildJobs.job(14, "kitten", "mips64le", BuildState.BUILDING, T0)));
		assertThat(operatorPage("/images/kitten")).contains("action=\"/builds/14/cancel\"")
			.doesNotContain("/api/images/kitten/image.tar");
	}

	@Test
	void anUnknownImageIs404AndAnArchWithoutTargetIs400() throws Exception {
		assertThat(mvc.perform(get("/images/no-such-image"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("no image no-such-image in the catalog");
		mvc.perform(get("/images/kitten").param("arch", "sparc")).andExpect(status().isBadRequest());
	}

	@Test
	void rebuildQueuesTheImageWithTheAncestorsItNeedsAndRedirectsBack() throws Exception {
		when(queue.enqueue(anyList(), eq("amd64"), eq(false), anyString())).thenAnswer(call -> {
			List<QueuedImage> images = call.getArgument(0);
			return images.stream().map(i -> BuildJobs.job(1, i.key(), "amd64", BuildState.NEEDS_BUILD, T0)).toList();
		});

		mvc.perform(post("/images/kitten/rebuild").param("arch", "amd64")
			.with(user("operator").roles("OPERATOR"))
			.with(csrf()))
			.andExpect(redirectedUrl("/images/kitten?arch=amd64"))
			.andExpect(flash().attribute("message", "Queued kitten for amd64, with 1 image it builds on."));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<QueuedImage>> images = ArgumentCaptor.forClass(List.class);
		verify(queue).enqueue(images.capture(), eq("amd64"), eq(false), eq("operator via dashboard"));
		assertThat(images.getValue()).extracting(QueuedImage::key).containsExactly("agnhost", "kitten");
	}

	@Test
	void rebuildOfAnUnknownImageIs404AndNeedsTheOperator() throws Exception {
		mvc.perform(post("/images/nope/rebuild").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/images/kitten/rebuild").with(csrf())).andExpect(redirectedUrl("/login"));
		verify(queue, never()).enqueue(anyList(), anyString(), eq(false), anyString());
	}

	@Test
	void rebuildForAnArchWithoutTargetIsAFlashError() throws Exception {
		mvc.perform(post("/images/kitten/rebuild").param("arch", "sparc")
			.with(user("operator").roles("OPERATOR"))
			.with(csrf()))
			.andExpect(redirectedUrl("/images/kitten"))
			.andExpect(flash().attribute("error", containsString("no target")));
	}

	@Test
	void anAnonymousVisitorIsOfferedTheLoginInsteadOfControlsThatWouldRefuseThem() throws Exception {
		when(queue.latest("kitten", "mips64le"))
			.thenReturn(Optional.of(BuildJobs.job(12, "kitten", "mips64le", BuildState.FAILED, T0)));

		assertThat(page("/images/kitten")).doesNotContain("action=\"/images/kitten/rebuild\"")
			.doesNotContain("action=\"/builds/12/retry\"")
			.contains("<a href=\"/login\">Log in</a> as the operator to rebuild.");
		assertThat(operatorPage("/images/kitten")).contains("action=\"/images/kitten/rebuild\"")
			.contains("action=\"/builds/12/retry\"")
			.doesNotContain("as the operator to rebuild");
	}

}
