package dev.rebaser.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rebaser.budget.CpuBudget;
import jakarta.servlet.ServletException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request that is not the operator's stops at its processor-time budget with a 422 that
 * names the setting, through the real filters, controllers and core; the operator's does
 * not. The budget here is a millisecond, so that an ordinary large Dockerfile passes it.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:request-budget-test;DB_CLOSE_DELAY=-1",
		"rebaser.scheduler.enabled=false", "rebaser.packages.check=false", "rebaser.operator.token=budget-token",
		"rebaser.request.cpu-budget=1ms" })
@AutoConfigureMockMvc
class RequestBudgetTest {

	@Autowired
	MockMvc mvc;

	/**
	 * A realistic Dockerfile, long enough to take far more than a millisecond to rewrite.
	 */
	private static String longDockerfile() {
		StringBuilder text = new StringBuilder("FROM alpine:3.19\n");
		for (int i = 0; i < 4_000; i++) {
			text.append("RUN apk add --no-cache curl-").append(i).append(" && echo step ").append(i).append('\n');
		}
		return text.toString();
	}

	@Test
	void anAnonymousRewritePastTheBudgetIsA422ProblemNamingIt() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/api/rewrite").contentType(MediaType.TEXT_PLAIN).content(longDockerfile()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("urn:rebaser:problem:cpu-budget")
			.contains("budget of 1 ms of processor time")
			.contains("rebaser.request.cpu-budget");
	}

	@Test
	void theOperatorsRequestsHaveNoBudget() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/api/rewrite").header("Authorization", "Bearer budget-token")
				.contentType(MediaType.TEXT_PLAIN)
				.content(longDockerfile()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void theRewritePageSaysSoWithA422() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(multipart("/rewrite").param("dockerfile", longDockerfile()).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Too much work").contains("rebaser.request.cpu-budget");
	}

	/** Work under a controller no problem handler covers reaches the filter itself. */
	@Test
	void theFilterAnswersWhatNoHandlerCaught() throws Exception {
		RequestBudgetFilter filter = new RequestBudgetFilter(Duration.ofMillis(1), Duration.ofMinutes(1));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/images/x/context.tar.gz");
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, (req, res) -> {
			try {
				while (true) {
					CpuBudget.check();
				}
			}
			catch (CpuBudget.Exceeded ex) {
				throw new ServletException("Request processing failed", ex);
			}
		});

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":422").contains("1 ms");
	}

	@Test
	void aPageTheFilterAnswersIsTheErrorPage() throws Exception {
		RequestBudgetFilter filter = new RequestBudgetFilter(Duration.ofMillis(1), Duration.ofMinutes(1));
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(new MockHttpServletRequest("GET", "/images/x"), response, (req, res) -> {
			while (true) {
				CpuBudget.check();
			}
		});

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getErrorMessage()).contains("rebaser.request.cpu-budget");
	}

	/** Work that waits rather than computes ends at the timeout, with a 503 naming it. */
	@Test
	void workStillGoingAfterTheTimeoutIsA503NamingIt() throws Exception {
		RequestBudgetFilter filter = new RequestBudgetFilter(Duration.ofMinutes(1), Duration.ofMillis(50));
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(new MockHttpServletRequest("POST", "/api/rewrite"), response, (req, res) -> {
			while (true) {
				try {
					Thread.sleep(5); // waiting, as for a lock or the database, spends no
										// processor time
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < 1_000; i++) {
					CpuBudget.check();
				}
			}
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503")
			.contains("urn:rebaser:problem:timeout")
			.contains("timeout of 50 ms")
			.contains("rebaser.request.timeout");
	}

}
