package dev.rebaser.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.MipsBaseImage;
import dev.rebaser.catalog.CatalogImporter;
import dev.rebaser.context.BuildContext;
import dev.rebaser.context.ContextArchive;
import dev.rebaser.context.ContextFile;
import dev.rebaser.imports.CurrentCatalog;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An operator rebuilds an image from its page on the real local daemon
 * (scripts/start-docker) and follows the build on its page, which live.js keeps current
 * without a reload: the state moves on to BUILT and the log grows while the build runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rebaser.operator.token=test-token", "rebaser.packages.check=false",
				"rebaser.scheduler.enabled=true", "rebaser.scheduler.poll-interval=300ms",
				"spring.datasource.url=jdbc:h2:mem:build-live-browser;DB_CLOSE_DELAY=-1" })
class BuildLiveBrowserIT {

	/**
	 * An image of a tree the test imports: its build prints a line a second for a dozen
	 * seconds, so the page is sure to see it running and its log growing.
	 */
	static final String IMAGE = "sleeper";

	@Autowired
	CurrentCatalog catalog;

	@BeforeEach
	void tickingTree() throws Exception {
		BuildContext tree = new BuildContext();
		tree.put(ContextFile.file("test/utils/image/manifest.go", 0644,
				BuildLiveBrowserIT.class.getResourceAsStream("/faults/manifest.go").readAllBytes()));
		tree.putText("test/images/sleeper/VERSION", "1.0\n");
		tree.putText("test/images/sleeper/Dockerfile", """
				FROM alpine:3.19
				RUN for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "tick $i"; sleep 1; done
				CMD ["true"]
				""");
		ByteArrayOutputStream archive = new ByteArrayOutputStream();
		ContextArchive.write(tree, archive);
		catalog.replace(new CatalogImporter.Snapshot("ticking tree", archive.toByteArray()), "test");
	}

	static final Set<String> ACTIVE = Set.of("NEEDS_BUILD", "DEP_WAIT", "BUILDING");

	@RegisterExtension
	static final Browser browser = new Browser();

	@BeforeAll
	static void baseImage() {
		MipsBaseImage.ensure();
	}

	/** What the page shows at one moment. */
	record Sample(Instant at, String state, int logLines, boolean samePage) {
	}

	private JavascriptExecutor script() {
		return (JavascriptExecutor) browser.driver();
	}

	/**
	 * Read in one script, since live.js may replace the state part between two WebDriver
	 * calls.
	 */
	private Sample sample() {
		List<?> seen = (List<?>) script().executeScript("""
				return [document.querySelector('#build-state .state').textContent.trim(),
				        document.querySelectorAll('ol.log > li').length,
				        window.rebaserTestMarker === 'not reloaded'];""");
		return new Sample(Instant.now(), (String) seen.get(0), ((Number) seen.get(1)).intValue(),
				Boolean.TRUE.equals(seen.get(2)));
	}

	/** Scrolls the log's heading to the top, for the screenshots. */
	private void showLog() {
		script().executeScript("document.querySelector('.build-log').scrollIntoView()");
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	private void logIn() {
		browser.open("/login");
		browser.waitFor(By.id("password")).sendKeys("test-token");
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(By.cssSelector(".logout-form button"));
	}

	@Test
	void rebuildFromTheImagePageIsFollowedLiveOnTheBuildPage() throws Exception {
		logIn();
		browser.open("/images/" + IMAGE);
		// forced: built from scratch without the layer cache, so the build really runs
		browser.find(By.id("rebuild-force")).click();
		browser.find(By.xpath("//form[contains(@action, '/rebuild')]//button[normalize-space()='Rebuild']")).click();

		assertThat(browser.waitFor(By.cssSelector(".flash-ok")).getText())
			.isEqualTo("Queued " + IMAGE + " for mips64le, forced.");
		WebElement buildLink = browser.find(By.cssSelector("table.history tbody tr td a"));
		String buildId = buildLink.getText();
		buildLink.click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/builds/" + buildId + "$"));
		// first look at once: the build takes only seconds
		script().executeScript("window.rebaserTestMarker = 'not reloaded'");
		List<Sample> samples = new ArrayList<>();
		samples.add(sample());
		assertThat(browser.find(By.tagName("h1")).getText())
			.isEqualTo("Build " + buildId + ": " + IMAGE + " on mips64le");
		assertThat(samples.get(0).state()).as("the build page opened while the build was still to come or running")
			.isIn(ACTIVE);
		int firstCount = samples.get(0).logLines();
		boolean runningShot = false;
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (ACTIVE.contains(samples.get(samples.size() - 1).state()) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			Sample now = sample();
			samples.add(now);
			if (!runningShot && now.state().equals("BUILDING") && now.logLines() > firstCount) {
				showLog();
				browser.screenshot("build-running");
				runningShot = true;
			}
		}
		System.out.println("The build page while " + IMAGE + " was built: " + samples);
		Sample last = samples.get(samples.size() - 1);
		assertThat(last.state()).as("state after %s", samples).isEqualTo("BUILT");
		assertThat(samples).as("no reload: the page was kept current by live.js").allMatch(Sample::samePage);
		assertThat(samples).extracting(Sample::state).contains("BUILDING");
		assertThat(runningShot).as("a running build whose log had grown was seen: %s", samples).isTrue();
		assertThat(samples).as("the log grew while the build ran: %s", samples)
			.anyMatch(sample -> sample.state().equals("BUILDING") && sample.logLines() > firstCount);

		// the state part was replaced with the finished one: its history and the built
		// image
		assertThat(browser.find(By.cssSelector("#build-state table.history")).getText()).contains("BUILDING")
			.contains("BUILT");
		String imageId = browser.find(By.xpath("//dt[.='Image id']/following-sibling::dd[1]")).getText();
		assertThat(imageId).startsWith("sha256:");

		// after the end, one last read brings the rest of the log: the page ends up with
		// all of it
		String plain = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/api/builds/" + buildId + "/log")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		List<String> plainLines = plain.lines().toList();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
			.until(driver -> driver.findElements(By.cssSelector("ol.log > li")).size() == plainLines.size());
		List<WebElement> lines = browser.driver().findElements(By.cssSelector("ol.log > li"));
		assertThat(lines.size()).isGreaterThan(firstCount);
		for (int i = 0; i < lines.size(); i++) {
			WebElement line = lines.get(i);
			assertThat(line.getDomAttribute("id")).isEqualTo("L" + (i + 1));
			assertThat(line.findElement(By.cssSelector("a.line-number")).getDomAttribute("href"))
				.isEqualTo("#L" + (i + 1));
			assertThat(normalized(line.findElement(By.tagName("code")).getText()))
				.isEqualTo(normalized(plainLines.get(i)));
		}
		assertThat(plain).startsWith("=== attempt 1 of ")
			.contains("tick 12")
			.contains(imageId.substring(7, 19))
			.as("forced: every step ran again")
			.doesNotContain("Using cache");
		assertThat(sample().samePage()).isTrue();
		showLog();
		browser.screenshot("build-done");

		// a line anchor is a link to that line
		lines.get(1).findElement(By.cssSelector("a.line-number")).click();
		assertThat(browser.driver().getCurrentUrl()).endsWith("/builds/" + buildId + "#L2");
		browser.open("/builds/" + buildId + "#L2");
		assertThat(browser.find(By.cssSelector("ol.log > li:target")).getDomAttribute("id")).isEqualTo("L2");
	}

}
