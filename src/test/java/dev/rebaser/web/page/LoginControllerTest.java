package dev.rebaser.web.page;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.web.LoginThrottle;
import dev.rebaser.web.OperatorToken;
import dev.rebaser.web.SecurityConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(value = LoginController.class, properties = "rebaser.operator.token=test-token")
@Import(SecurityConfiguration.class)
class LoginControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	LoginThrottle throttle;

	/** Every request here comes from one address, and the context outlives a test. */
	@BeforeEach
	void noFailuresYet() {
		throttle.succeeded("127.0.0.1");
	}

	@Test
	void loginPageHasTheFormWithCsrfAndSaysWhereTheTokenComesFrom() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("action=\"/login\""), containsString("name=\"username\""),
					containsString("name=\"password\""), containsString("name=\"_csrf\""),
					containsString("rebaser.operator.token"), containsString("prints it once"))))
			.andExpect(content().string(not(containsString("Log in failed"))));
	}

	@Test
	void anAddressThatFailsTooOftenMayNotTryAgainForAWhileNotEvenWithTheToken() throws Exception {
		for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
			mvc.perform(
					post("/login").with(csrf()).param("username", OperatorToken.USER).param("password", "guess" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").with(csrf()).param("username", OperatorToken.USER).param("password", "test-token"))
			.andExpect(status().isTooManyRequests());
		mvc.perform(post("/api/builds").header("Authorization", "Bearer test-token"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
	}

	@Test
	void errorParameterShowsTheFailure() throws Exception {
		mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("Log in failed")));
	}

	@Test
	void anonymousNavOffersLogInAndNoLogOut() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(content()
				.string(allOf(containsString("href=\"/login\">Log in</a>"), containsString("Skip to content"),
						containsString("href=\"/rewrite\""), containsString("href=\"/catalog\""),
						containsString("/css/rebaser.css"), containsString("/css/board.css"))))
			.andExpect(content().string(not(containsString("Log out"))));
	}

	@Test
	void operatorNavOffersLogOutAsAPostFormWithCsrf() throws Exception {
		String page = mvc.perform(get("/login").with(user(OperatorToken.USER).roles(SecurityConfiguration.OPERATOR)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String form = page.substring(page.indexOf("<form class=\"logout-form\""));
		form = form.substring(0, form.indexOf("</form>"));
		org.assertj.core.api.Assertions.assertThat(form)
			.contains("method=\"post\"", "action=\"/logout\"", "name=\"_csrf\"", "Log out", "operator");
		org.assertj.core.api.Assertions.assertThat(page).doesNotContain(">Log in</a>");
	}

	@Test
	void rightTokenLogsInAndWrongTokenComesBackWithError() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "operator").param("password", "test-token"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").with(csrf()).param("username", "operator").param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "operator").param("password", "test-token"))
			.andExpect(status().isForbidden());
	}

	@Test
	void operatorFormWithoutLoginIsSentToTheLoginPage() throws Exception {
		mvc.perform(post("/images/agnhost/rebuild").with(csrf()).param("arch", "mips64le"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void logoutWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/logout").with(user(OperatorToken.USER).roles(SecurityConfiguration.OPERATOR)))
			.andExpect(status().isForbidden());
	}

}
