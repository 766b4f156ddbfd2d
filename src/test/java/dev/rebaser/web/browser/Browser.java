package dev.rebaser.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A headless Debian Chromium driving the application of a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test. Register it as
 * {@code @RegisterExtension static final Browser browser = new Browser();}: one browser
 * per test class, with a fresh profile, cookies cleared before every test, and the
 * server's port taken from the Spring context. {@link #screenshot(String)} writes
 * {@code target/screenshots/<name>.png}.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private ChromeDriverService service;

	private WebDriver driver;

	private Path profile;

	private String baseUrl;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": apt-get install chromium chromium-driver (scripts/test installs them)");
		}
		profile = Files.createTempDirectory("rebaser-chromium-");
		service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1280,900");
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("Browser needs @SpringBootTest(webEnvironment = RANDOM_PORT)");
		}
		baseUrl = "http://127.0.0.1:" + port;
		driver.manage().window().setSize(new Dimension(1280, 900)); // a test may have
																	// made it narrow
		driver.get(baseUrl + "/login"); // cookies can only be cleared for the site the
										// browser is on
		driver.manage().deleteAllCookies();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		try {
			if (driver != null) {
				driver.quit();
			}
		}
		finally {
			if (service != null) {
				service.stop();
			}
			if (profile != null) {
				try (Stream<Path> paths = Files.walk(profile)) {
					paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** The server's address, e.g. {@code http://127.0.0.1:41234}. */
	public String baseUrl() {
		return baseUrl;
	}

	/** Opens a path of the application, e.g. {@code /rewrite}. */
	public void open(String path) {
		driver.get(baseUrl + path);
	}

	public WebElement find(By by) {
		return driver.findElement(by);
	}

	/** Waits (up to 10 s) until the element is on the page and visible. */
	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Saves what the browser shows as target/screenshots/{name}.png. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
