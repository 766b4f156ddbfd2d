package dev.rebaser.web.browser;

import static dev.rebaser.context.TarFixtures.file;
import static dev.rebaser.context.TarFixtures.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/** The rewrite page in a real browser against the running service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rebaser.operator.token=test-token", "rebaser.packages.check=false",
				"spring.datasource.url=jdbc:h2:mem:rewrite-page-browser;DB_CLOSE_DELAY=-1",
				// small upload limits, so that the test can cross them with a small file
				"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=96KB" })
class RewritePageBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	static String resource(String name) throws IOException {
		try (InputStream in = RewritePageBrowserIT.class.getResourceAsStream("/dashboard/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private void paste(String dockerfile) {
		WebElement text = browser.find(By.id("dockerfile"));
		text.clear();
		text.sendKeys(dockerfile);
	}

	private void submit() {
		browser.find(By.cssSelector("form.rewrite-form button[type=submit]")).click();
	}

	@Test
	void pastedAlpineDockerfileIsRewrittenForDebianWithItsReport() throws IOException {
		browser.open("/rewrite");
		assertThat(browser.find(By.id("target")).getDomProperty("value")).isEqualTo("debian-bookworm");
		assertThat(browser.find(By.id("arch")).getDomProperty("value")).isEqualTo("mips64le");
		paste(resource("alpine.Dockerfile"));
		browser.screenshot("rewrite-form");
		submit();

		browser.waitFor(By.id("result"));
		String rewritten = browser.find(By.id("rewritten-text")).getDomProperty("value");
		assertThat(rewritten).contains("apt-get install").contains("dnsutils").doesNotContain("apk ");
		String rightSide = browser.find(By.cssSelector("table.diff")).getText();
		assertThat(rightSide).contains("apt-get install").contains("apk add --no-cache curl bind-tools");
		String report = browser.find(By.cssSelector("table.changes")).getText();
		assertThat(report).contains("package:bind-tools").contains("bind-tools");
		WebElement ruleLink = browser.find(By.linkText("package:bind-tools"));
		assertThat(ruleLink.getDomAttribute("href")).isEqualTo("/rules#package:bind-tools");
		assertThat(browser.find(By.id("copy-result")).isDisplayed()).as("the script shows the Copy button").isTrue();
		browser.screenshot("rewrite-result");

		ruleLink.click();
		assertThat(browser.waitFor(By.id("package:bind-tools")).getText()).startsWith("  bind-tools:");
	}

	@Test
	void resultFitsANarrowScreen() throws IOException {
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(360, 780));
		browser.open("/rewrite");
		paste(resource("alpine.Dockerfile"));
		submit();

		browser.waitFor(By.id("result"));
		Object width = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
		assertThat(width).as("no sideways scrolling of the page at 360 px").isEqualTo(Boolean.TRUE);
		browser.screenshot("rewrite-narrow");
	}

	@Test
	void malformedDockerfileShowsTheErrorWithItsLine() throws IOException {
		browser.open("/rewrite");
		paste(resource("unterminated-heredoc.Dockerfile"));
		submit();

		WebElement problem = browser.waitFor(By.id("problem"));
		assertThat(problem.getText()).contains("Dockerfile syntax error").contains("Line 2");
		assertThat(browser.find(By.cssSelector("#problem .offending-line")).getText()).isEqualTo("RUN <<EOF");
		assertThat(browser.driver().findElements(By.id("result"))).isEmpty();
		browser.screenshot("rewrite-error");
	}

	@Test
	void scriptInTheDockerfileIsShownAsTextAndNeverRuns() throws IOException {
		browser.open("/rewrite");
		paste(resource("alpine.Dockerfile"));
		submit();

		browser.waitFor(By.id("result"));
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(browser.find(By.cssSelector("table.diff")).getText())
			.contains("# <script>alert(1)</script> stays a comment");
		assertThat(browser.driver().findElements(By.xpath("//main//script[contains(., 'alert')]"))).isEmpty();
	}

	@Test
	void uploadedContextOffersTheRewrittenContext() throws Exception {
		String dockerfile = resource("alpine.Dockerfile");
		Path archive = Files.createTempFile("context-", ".tar.gz");
		Files.write(archive, tarGz(tar -> file(tar, "Dockerfile", dockerfile)));
		browser.open("/rewrite");
		browser.find(By.id("upload")).sendKeys(archive.toAbsolutePath().toString());
		submit();

		browser.waitFor(By.id("result"));
		assertThat(browser.find(By.id("rewritten-text")).getDomProperty("value")).contains("apt-get install");
		String href = browser.find(By.id("context-download")).getDomProperty("href");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).startsWith((byte) 0x1f, (byte) 0x8b);
		Files.delete(archive);
	}

	@Test
	void uploadOverTheLimitSaysSoOnThePage() throws Exception {
		Path big = Files.createTempFile("Dockerfile-", "");
		Files.writeString(big, "FROM alpine:3.20\n" + "# padding padding padding padding padding\n".repeat(5000));
		browser.open("/rewrite");
		browser.find(By.id("upload")).sendKeys(big.toAbsolutePath().toString());
		submit();

		WebElement problem = browser.waitFor(By.id("problem"));
		assertThat(problem.getText()).contains("Too large").contains("larger than").contains("64KB per file");
		browser.screenshot("rewrite-too-large");
		Files.delete(big);
	}

}
