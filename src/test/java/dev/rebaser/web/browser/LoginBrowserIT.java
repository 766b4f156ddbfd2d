package dev.rebaser.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/** Logging in and out with the operator token, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rebaser.operator.token=test-token", "rebaser.packages.check=false",
				"spring.datasource.url=jdbc:h2:mem:login-browser;DB_CLOSE_DELAY=-1" })
class LoginBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	private void logIn(String token) {
		browser.open("/");
		browser.find(By.linkText("Log in")).click();
		browser.waitFor(By.id("password")).sendKeys(token);
		browser.find(By.cssSelector("main form button[type=submit]")).click();
	}

	@Test
	void theTokenLogsTheOperatorInAndOut() {
		browser.open("/login");
		assertThat(browser.find(By.id("username")).getDomProperty("value")).isEqualTo("operator");
		browser.screenshot("login");
		logIn("test-token");

		assertThat(browser.waitFor(By.cssSelector(".logout-form button")).getText()).isEqualTo("Log out");
		assertThat(browser.find(By.cssSelector(".session")).getText()).contains("operator");
		assertThat(browser.driver().findElements(By.linkText("Log in"))).isEmpty();

		browser.find(By.cssSelector(".logout-form button")).click();
		assertThat(browser.waitFor(By.linkText("Log in")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector(".logout-form"))).isEmpty();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedWithAnExplanation() {
		browser.open("/login");
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.querySelector('main form input[name=_csrf]').remove()");
		browser.find(By.id("password")).sendKeys("test-token");
		browser.find(By.cssSelector("main form button[type=submit]")).click();

		assertThat(browser.waitFor(By.id("problem")).getText()).contains("security token");
		assertThat(browser.driver().findElements(By.cssSelector(".logout-form"))).isEmpty();
	}

	@Test
	void aWrongTokenShowsTheError() {
		logIn("not-the-token");

		assertThat(browser.waitFor(By.cssSelector(".alert-error")).getText()).contains("Log in failed");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/login?error");
		assertThat(browser.driver().findElements(By.cssSelector(".logout-form"))).isEmpty();
	}

}
