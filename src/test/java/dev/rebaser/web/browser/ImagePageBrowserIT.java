package dev.rebaser.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An image's page in a real browser: its Dockerfile before and after the rewrite, side by
 * side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rebaser.operator.token=test-token", "rebaser.packages.check=false",
				"rebaser.scheduler.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:image-page-browser;DB_CLOSE_DELAY=-1" })
class ImagePageBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	private List<WebElement> diffRows() {
		return browser.driver().findElements(By.cssSelector("table.diff tbody tr"));
	}

	private static String left(WebElement row) {
		return row.findElement(By.cssSelector("td.diff-left code")).getText();
	}

	private static String right(WebElement row) {
		return row.findElement(By.cssSelector("td.diff-right code")).getText();
	}

	/**
	 * What a screen reader reads before a cell's code: the visually hidden marker, if
	 * any.
	 */
	private static String marker(WebElement row, String side) {
		List<WebElement> hidden = row.findElements(By.cssSelector("td.diff-" + side + " .visually-hidden"));
		return hidden.isEmpty() ? "" : hidden.get(0).getDomProperty("textContent");
	}

	private static String kind(WebElement row) {
		return row.getDomAttribute("class");
	}

	@Test
	void agnhostShowsTheOriginalAndTheRewrittenDockerfileSideBySide() {
		browser.open("/images/agnhost");
		assertThat(browser.find(By.tagName("h1")).getText()).startsWith("agnhost");
		assertThat(browser.find(By.cssSelector("table.diff thead")).getText()).contains("Original")
			.contains("Rewritten");

		List<WebElement> rows = diffRows();
		assertThat(rows).isNotEmpty();
		WebElement apk = rows.stream().filter(row -> left(row).contains("apk ")).findFirst().orElseThrow();
		assertThat(left(apk)).isEqualTo("RUN apk --update add --no-cache curl");
		assertThat(kind(apk)).isIn("diff-changed", "diff-removed");
		assertThat(marker(apk, "left")).isEqualTo("removed: ");

		WebElement apt = rows.stream().filter(row -> right(row).contains("apt-get")).findFirst().orElseThrow();
		assertThat(right(apt)).contains("apt-get install").contains("curl");
		assertThat(kind(apt)).isIn("diff-changed", "diff-added");
		assertThat(marker(apt, "right")).isEqualTo("added: ");
		assertThat(rows.stream().map(ImagePageBrowserIT::right)).noneMatch(line -> line.contains("apk "));

		// unchanged lines stand on both sides without a marker
		WebElement copy = rows.stream()
			.filter(row -> left(row).equals("COPY agnhost.sh /agnhost"))
			.findFirst()
			.orElseThrow();
		assertThat(kind(copy)).isEqualTo("diff-same");
		assertThat(right(copy)).isEqualTo("COPY agnhost.sh /agnhost");
		assertThat(marker(copy, "left")).isEmpty();
		assertThat(marker(copy, "right")).isEmpty();
		assertThat(rows).filteredOn(row -> kind(row).equals("diff-same")).hasSizeLessThan(rows.size());

		// side by side: the rewritten line is on the same row, to the right of the
		// original column
		Rectangle leftCell = apk.findElement(By.cssSelector("td.diff-left")).getRect();
		Rectangle rightCell = apt.findElement(By.cssSelector("td.diff-right")).getRect();
		assertThat(rightCell.getX()).isGreaterThanOrEqualTo(leftCell.getX() + leftCell.getWidth());

		// the markers are for screen readers only: not drawn
		WebElement hidden = apk.findElement(By.cssSelector("td.diff-left .visually-hidden"));
		assertThat(hidden.getRect().getWidth()).isLessThanOrEqualTo(1);
		assertThat(hidden.getCssValue("position")).isEqualTo("absolute");
		assertThat(hidden.getCssValue("clip")).isEqualTo("rect(0px, 0px, 0px, 0px)");

		assertThat(browser.find(By.cssSelector("table.changes")).getText()).contains("apk");
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
				browser.find(By.xpath("//h2[normalize-space()='Dockerfile']")));
		browser.screenshot("image");
	}

	@Test
	void httpdIsRewrittenOntoDebianWithItsBaseImageLine() {
		browser.open("/images/httpd");

		List<WebElement> rows = diffRows();
		WebElement from = rows.stream().filter(row -> left(row).startsWith("FROM ")).findFirst().orElseThrow();
		assertThat(left(from)).isEqualTo("FROM alpine:3.19");
		assertThat(kind(from)).isIn("diff-changed", "diff-removed");
		assertThat(rows.stream().map(ImagePageBrowserIT::right))
			.anyMatch(line -> line.startsWith("FROM debian:bookworm"));
	}

	@Test
	void anotherArchitectureIsChosenWithTheForm() {
		browser.open("/images/agnhost");
		Select arch = new Select(browser.find(By.id("image-arch")));
		assertThat(arch.getFirstSelectedOption().getText()).isEqualTo("mips64le");
		String other = arch.getOptions()
			.stream()
			.map(WebElement::getText)
			.filter(name -> !name.equals("mips64le"))
			.findFirst()
			.orElseThrow();
		arch.selectByVisibleText(other);
		browser.find(By.cssSelector("form.arch-choice button[type=submit]")).click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("arch=" + other));

		assertThat(browser.waitFor(By.xpath("//h2[starts-with(normalize-space(), 'Builds on')]")).getText())
			.isEqualTo("Builds on " + other);
		assertThat(browser.driver().getCurrentUrl()).endsWith("arch=" + other);
		assertThat(diffRows()).anyMatch(row -> right(row).contains("apt-get"));
	}

}
