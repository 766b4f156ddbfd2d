package dev.rebaser.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.catalog.CatalogImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The catalog page in a real browser against the running service, its scheduler watching
 * the local Docker daemon: an upload becomes the current catalog, and the host and its
 * base images are shown as the daemon has them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rebaser.operator.token=test-token", "rebaser.packages.check=false",
				"spring.datasource.url=jdbc:h2:mem:catalog-page-browser;DB_CLOSE_DELAY=-1" })
class CatalogPageBrowserIT {

	static final String LOCAL = "unix:///var/run/docker.sock";

	@RegisterExtension
	static final Browser browser = new Browser();

	private void logIn() {
		browser.open("/login");
		browser.waitFor(By.id("password")).sendKeys("test-token");
		browser.find(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(By.cssSelector(".logout-form button"));
	}

	@Test
	void anUploadedTreeBecomesTheCurrentCatalogAtTheTopOfTheHistory(@TempDir Path folder) throws IOException {
		Path archive = folder.resolve("catalog-tree.tar.gz");
		Files.write(archive, CatalogImporter.exampleSnapshot().tarGz());
		logIn();
		browser.open("/catalog");
		List<WebElement> before = browser.driver().findElements(By.cssSelector("#import-history tbody tr"));

		browser.find(By.id("import-upload")).sendKeys(archive.toAbsolutePath().toString());
		browser.find(By.xpath("//button[normalize-space()='Import upload']")).click();

		assertThat(browser.waitFor(By.cssSelector(".flash-ok")).getText())
			.startsWith("Imported upload catalog-tree.tar.gz: 8 images");
		List<WebElement> history = browser.driver().findElements(By.cssSelector("#import-history tbody tr"));
		assertThat(history).hasSize(before.size() + 1);
		assertThat(history.get(0).getText()).contains("(current)", "upload catalog-tree.tar.gz",
				"operator via dashboard");
		assertThat(history.get(1).getText()).doesNotContain("(current)");
		assertThat(browser.find(By.id("current-catalog")).getText()).contains("upload catalog-tree.tar.gz");
	}

	@Test
	void theLocalHostIsShownWithItsHealthAndItsMipsBaseImage() {
		logIn();
		browser.open("/catalog");

		WebElement host = browser.find(By.xpath("//table[@id='docker-hosts']//tr[td/code[text()='" + LOCAL + "']]"));
		// the daemon runs on this machine: the scheduler reaches it
		assertThat(host.findElement(By.cssSelector(".health")).getText()).isEqualTo("reachable");
		assertThat(host.findElements(By.tagName("td")).get(3).getText()).isEqualTo("2");

		WebElement base = browser.find(By.cssSelector("#base-images tr[data-arch=mips64le]"));
		assertThat(base.getText()).contains(LOCAL, "debian-bookworm/mips64le");
		String state = base.findElement(By.cssSelector(".base")).getText();
		// the daemon answered, so the page knows; which answer depends on what this
		// machine has bootstrapped
		assertThat(state).isIn("present and usable", "missing", "wrong architecture");
		boolean offered = !base.findElements(By.xpath(".//button[normalize-space()='Bootstrap']")).isEmpty();
		assertThat(offered).isEqualTo(!state.equals("present and usable"));
		if (state.equals("present and usable")) {
			assertThat(base.getText()).contains("sha256:");
		}
		// the history, the hosts and their base images in one picture
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('history-heading').scrollIntoView()");
		browser.screenshot("catalog");
	}

}
