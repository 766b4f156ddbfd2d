package dev.rebaser.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebaser.build.Rebuilds;
import dev.rebaser.catalog.Catalog;
import dev.rebaser.catalog.CatalogImage;
import dev.rebaser.imports.CurrentCatalog;
import dev.rebaser.rules.RuleSet;
import dev.rebaser.rules.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The overview in a real browser: the example catalog the first start imports, one column
 * per architecture, rows in build order, and the filter form used the way a person uses
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rebaser.operator.token=test-token", "rebaser.packages.check=false",
				"rebaser.scheduler.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:overview-browser;DB_CLOSE_DELAY=-1" })
class OverviewBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	CurrentCatalog catalog;

	@Autowired
	RuleSet rules;

	@Autowired
	Rebuilds rebuilds;

	private static boolean queued;

	/**
	 * Queues kitten once (no scheduler runs, so nothing builds): kitten waits on agnhost,
	 * which is queued with it, and every other image has no build, so the states differ
	 * from row to row.
	 */
	@BeforeEach
	void queueKittenWithItsParent() {
		if (!queued) {
			rebuilds.start(List.of("kitten"), "mips64le", false, "overview browser test");
			queued = true;
		}
	}

	private List<String> rowNames() {
		return browser.driver()
			.findElements(By.cssSelector("#board-grid table.buildd tbody th.image-cell > a"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private WebElement row(String name) {
		return browser.find(By.xpath("//table[@class='buildd']/tbody/tr[th/a[normalize-space()='" + name + "']]"));
	}

	/** Submits the filter form and waits for the new page. */
	private void show() {
		followTo(browser.find(By.cssSelector("form.board-filter button[type=submit]")));
	}

	/**
	 * The page that answers is a new document, so a mark left on the old window is gone.
	 * Asking whether the old grid went stale instead can fail in Chromium while the
	 * document is being replaced ("Node with given id does not belong to the document").
	 */
	private void followTo(WebElement control) {
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		script.executeScript("window.rebaserPreviousPage = true;");
		control.click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(WebDriverException.class)
			.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
					"return window.rebaserPreviousPage === undefined && document.readyState === 'complete';")));
		browser.waitFor(By.id("board-grid"));
	}

	@Test
	void gridShowsEveryCatalogImageAgainstEveryArchitectureInBuildOrder() {
		Catalog current = catalog.get();
		List<String> arches = rules.targets()
			.stream()
			.filter(target -> target.name().equals(rules.defaultTarget().name()))
			.map(Target::arch)
			.distinct()
			.toList();
		browser.open("/");

		List<String> header = browser.driver()
			.findElements(By.cssSelector("table.buildd thead th"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(header.get(0)).isEqualTo("Image");
		assertThat(header.subList(1, header.size())).startsWith("mips64le").containsExactlyInAnyOrderElementsOf(arches);
		assertThat(rowNames())
			.containsExactlyInAnyOrderElementsOf(current.images().stream().map(CatalogImage::name).toList())
			.contains("agnhost", "kitten", "httpd", "sample-frontend");
		assertThat(browser.find(By.cssSelector(".board-shown")).getText())
			.startsWith(current.images().size() + " of " + current.images().size() + " images shown");
		assertThat(row("kitten").findElements(By.cssSelector("td.cell"))).hasSize(arches.size());

		// build order: what an image waits on comes before it, and says so
		List<String> order = rowNames();
		assertThat(order.indexOf("agnhost")).isLessThan(order.indexOf("kitten"));
		assertThat(order.indexOf("httpd")).isLessThan(order.indexOf("sample-frontend"));
		assertThat(row("kitten").findElement(By.cssSelector(".waits-on")).getText()).isEqualTo("waits on: agnhost");
		assertThat(row("kitten").findElement(By.cssSelector(".level")).getText()).isEqualTo("level 1");
		assertThat(row("agnhost").findElement(By.cssSelector(".level")).getText()).isEqualTo("level 0");
		assertThat(row("agnhost").findElements(By.cssSelector(".waits-on"))).isEmpty();

		// the queued jobs are in their cells, linked to their build pages
		WebElement kittenCell = row("kitten").findElement(By.cssSelector("td.cell"));
		assertThat(kittenCell.getDomAttribute("class")).contains("state-DEP_WAIT");
		assertThat(kittenCell.findElement(By.tagName("a")).getDomAttribute("href")).matches("/builds/\\d+");
		assertThat(row("agnhost").findElement(By.cssSelector("td.cell")).getText()).contains("NEEDS_BUILD");
		assertThat(row("httpd").findElement(By.cssSelector("td.cell")).getText()).contains("no build");
		browser.screenshot("overview");
	}

	@Test
	void typingPartOfANameNarrowsTheRows() {
		browser.open("/");
		WebElement text = browser.find(By.id("filter-q"));
		text.sendKeys("kit");
		show();

		assertThat(rowNames()).containsExactly("kitten");
		assertThat(browser.find(By.id("filter-q")).getDomProperty("value")).as("the form keeps what was typed")
			.isEqualTo("kit");
		assertThat(browser.find(By.cssSelector(".board-shown")).getText()).startsWith("1 of ");
		followTo(browser.find(By.linkText("Show all")));
		assertThat(rowNames()).hasSize(catalog.get().images().size());
	}

	@Test
	void choosingAStateNarrowsTheRows() {
		browser.open("/");
		new Select(browser.find(By.id("filter-state"))).selectByValue("DEP_WAIT");
		new Select(browser.find(By.id("filter-arch"))).selectByValue("mips64le");
		show();

		assertThat(rowNames()).containsExactly("kitten");
		assertThat(browser.driver().findElements(By.cssSelector("table.buildd thead th")))
			.extracting(WebElement::getText)
			.containsExactly("Image", "mips64le");

		new Select(browser.find(By.id("filter-state"))).selectByVisibleText("no build");
		show();
		assertThat(rowNames()).isNotEmpty().doesNotContain("kitten", "agnhost").contains("httpd");
		assertThat(rowNames()).hasSize(catalog.get().images().size() - 2);

		new Select(browser.find(By.id("filter-state"))).selectByValue("BUILT");
		show();
		assertThat(rowNames()).isEmpty();
		assertThat(browser.find(By.cssSelector(".board-shown")).getText()).startsWith("0 of ");
	}

	@Test
	void sortingByNameAndCombiningWithText() {
		browser.open("/");
		new Select(browser.find(By.id("filter-sort"))).selectByVisibleText("name");
		browser.find(By.id("filter-q")).sendKeys("a");
		show();

		List<String> names = rowNames();
		assertThat(names).isNotEmpty().isSorted().allSatisfy(name -> assertThat(name).containsIgnoringCase("a"));
		assertThat(browser.driver().getCurrentUrl()).contains("sort=name").contains("q=a");
	}

	@Test
	void anImageOpensFromTheGrid() {
		browser.open("/");
		row("kitten").findElement(By.linkText("kitten")).click();

		assertThat(browser.waitFor(By.tagName("h1")).getText()).startsWith("kitten");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/images/kitten");
		assertThat(browser.find(By.linkText("agnhost")).getDomAttribute("href")).startsWith("/images/agnhost");
	}

}
