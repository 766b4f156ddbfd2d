package dev.rebaser.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildJobs;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.build.queue.FailureCategory;
import dev.rebaser.build.queue.LogSlice;
import dev.rebaser.web.SecurityConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(BuildPageController.class)
@Import(SecurityConfiguration.class)
@TestPropertySource(properties = "rebaser.operator.token=test-token")
class BuildPageTest {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	static final String LOG = "#1 [internal] load build definition\n#2 RUN <b>apt-get</b> install curl\nstep 3 of 3";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BuildQueue queue;

	@MockitoBean
	BuildLog logs;

	BuildJob failed;

	BuildJob building;

	@BeforeEach
	void jobs() {
		failed = BuildJobs.finished(
				BuildJobs.started(BuildJobs.job(7, "kitten", "mips64le", BuildState.FAILED, T0), "tcp://builder:2375",
						3, T0.plusSeconds(30)),
				T0.plusSeconds(30 + 125), FailureCategory.BUILD_FAILED, "step 2 exited with 100");
		building = BuildJobs.started(BuildJobs.job(8, "agnhost", "amd64", BuildState.BUILDING, T0),
				"tcp://builder:2375", 1, T0.plusSeconds(5));
		when(queue.job(7)).thenReturn(failed);
		when(queue.job(8)).thenReturn(building);
		when(queue.job(999)).thenThrow(new NoSuchElementException("no build job 999"));
		when(queue.history(7))
			.thenReturn(List.of(BuildJobs.event(7, T0, "user:operator", null, BuildState.NEEDS_BUILD, "queued"),
					BuildJobs.event(7, T0.plusSeconds(30), "scheduler@a", BuildState.NEEDS_BUILD, BuildState.BUILDING,
							"attempt 3 of 3 on tcp://builder:2375"),
					BuildJobs.event(7, T0.plusSeconds(155), "scheduler@a", BuildState.BUILDING, BuildState.FAILED,
							"BUILD_FAILED: step 2 exited with 100")));
		when(logs.read(7, 0)).thenReturn(new LogSlice(LOG, LOG.length()));
		when(logs.read(8, 0)).thenReturn(new LogSlice("", 0));
		when(logs.read(7, 12)).thenReturn(new LogSlice(LOG.substring(12), LOG.length()));
	}

	private String page(String url) throws Exception {
		return PageRequests.anonymous(mvc, url);
	}

	private String operatorPage(String url) throws Exception {
		return PageRequests.asOperator(mvc, url);
	}

	@Test
	void showsWhereAndHowTheBuildRanAndWhyItFailed() throws Exception {
		String html = page("/builds/7");

		assertThat(html).contains("href=\"/images/kitten?arch=mips64le\"").contains("tcp://builder:2375");
		assertThat(html).contains("class=\"state state-FAILED\">FAILED<").contains("3 of 3");
		assertThat(html).contains("2026-03-01 10:00:00 UTC", "2026-03-01 10:00:30 UTC", "2026-03-01 10:02:35 UTC",
				"2m 5s");
		assertThat(html).contains("BUILD_FAILED").contains("step 2 exited with 100");
		assertThat(html).containsPattern("NEEDS_BUILD → </span><span class=\"state-BUILDING\">BUILDING</span>")
			.contains("attempt 3 of 3 on tcp://builder:2375")
			.contains("scheduler@a");
	}

	@Test
	void everyLogLineHasAnAnchorAndALinkToItself() throws Exception {
		String html = page("/builds/7");

		assertThat(html).contains(
				"<li id=\"L1\"><a class=\"line-number\" href=\"#L1\">1</a><code>#1 [internal] load build definition</code></li>");
		assertThat(html)
			.contains("<li id=\"L3\"><a class=\"line-number\" href=\"#L3\">3</a><code>step 3 of 3</code></li>");
		assertThat(html).doesNotContain("id=\"L4\"");
		assertThat(html).contains("&lt;b&gt;apt-get&lt;/b&gt;").doesNotContain("<b>apt-get");
	}

	@Test
	void aFinishedBuildIsNotPolledAndOffersRetry() throws Exception {
		String html = operatorPage("/builds/7");

		assertThat(html).doesNotContain("data-log-src").contains("data-active=\"false\"");
		assertThat(html).contains("action=\"/builds/7/retry\"").doesNotContain("action=\"/builds/7/cancel\"");
		assertThat(html).doesNotContain(">Refresh<");
	}

	@Test
	void anActiveBuildIsLiveAndOffersCancelAndARefreshLink() throws Exception {
		String html = operatorPage("/builds/8");

		assertThat(html).contains("data-log-src=\"/builds/8/log\"")
			.contains("data-offset=\"0\"")
			.contains("data-active=\"true\"");
		assertThat(html).contains("action=\"/builds/8/cancel\"").doesNotContain("action=\"/builds/8/retry\"");
		assertThat(html).contains("href=\"/builds/8\" class=\"refresh\">Refresh<").contains("No log yet.");
		assertThat(html).contains("/js/live.js");
	}

	@Test
	void theStateAloneIsAFragment() throws Exception {
		String html = page("/builds/8?fragment=state");

		assertThat(html).startsWith("<section").contains("data-live-src=\"/builds/8?fragment=state\"");
		assertThat(html).doesNotContain("<html").doesNotContain("data-log-src");
	}

	@Test
	void theLogFromAnOffsetIsPlainTextWithTheNextOffsetInAHeader() throws Exception {
		mvc.perform(get("/builds/7/log").param("offset", "12"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Next-Offset", Integer.toString(LOG.length())))
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andExpect(content().string(LOG.substring(12)));
	}

	@Test
	void anUnknownBuildIsAPageSaying404() throws Exception {
		String html = mvc.perform(get("/builds/999"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("no build job 999");
		mvc.perform(get("/builds/999/log")).andExpect(status().isNotFound());
	}

	@Test
	void cancelRedirectsToTheBuildWithAMessage() throws Exception {
		when(queue.cancel(8, "user:operator")).thenReturn(building);

		mvc.perform(post("/builds/8/cancel").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/builds/8"))
			.andExpect(flash().attribute("message", "Build 8 is cancelled."));
		verify(queue).cancel(8, "user:operator");
	}

	@Test
	void anIllegalTransitionIsAFlashErrorNotAServerError() throws Exception {
		when(queue.cancel(7, "user:operator")).thenThrow(
				new IllegalStateException("BuildJob#7[kitten mips64le FAILED] has finished and cannot be cancelled"));
		when(queue.retry(8, "user:operator")).thenThrow(new IllegalStateException("BuildJob#8 is BUILDING"));

		mvc.perform(post("/builds/7/cancel").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/builds/7"))
			.andExpect(flash().attribute("error", containsString("has finished and cannot be cancelled")));
		mvc.perform(post("/builds/8/retry").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/builds/8"))
			.andExpect(flash().attribute("error", containsString("is BUILDING")));
	}

	@Test
	void retryRedirectsWithTheNewState() throws Exception {
		BuildJob again = BuildJobs.job(7, "kitten", "mips64le", BuildState.DEP_WAIT, T0);
		when(queue.retry(7, "user:operator")).thenReturn(again);

		mvc.perform(post("/builds/7/retry").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/builds/7"))
			.andExpect(flash().attribute("message", containsString("queued again (DEP_WAIT)")));
	}

	@Test
	void theFlashMessageIsShownAfterTheRedirect() throws Exception {
		String html = mvc.perform(get("/builds/7").flashAttr("error", "Build 7 was not cancelled: <finished>"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("role=\"alert\">Build 7 was not cancelled: &lt;finished&gt;</p>");
	}

	@Test
	void cancelAndRetryNeedTheOperatorAndACsrfToken() throws Exception {
		mvc.perform(post("/builds/8/cancel").with(csrf())).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/builds/7/retry").with(user("operator").roles("OPERATOR"))).andExpect(status().isForbidden());
		verify(queue, never()).cancel(anyLong(), anyString());
		verify(queue, never()).retry(eq(7L), anyString());
	}

	@Test
	void anAnonymousVisitorIsOfferedTheLoginInsteadOfCancelAndRetry() throws Exception {
		assertThat(page("/builds/7")).doesNotContain("action=\"/builds/7/retry\"")
			.contains("<a href=\"/login\">Log in</a> as the operator to cancel or retry.");
		assertThat(page("/builds/8")).doesNotContain("action=\"/builds/8/cancel\"")
			.contains("as the operator to cancel or retry.");
	}

}
