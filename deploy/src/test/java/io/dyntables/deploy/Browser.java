package io.dyntables.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The machine's headless Chromium, driven through its chromedriver, for the console's
 * tests. Nothing is downloaded: the browser and the driver are the Debian packages
 * {@code chromium} and {@code chromium-driver} (other paths with
 * {@code -Dconsole.chromium} and {@code -Dconsole.chromedriver}). Keeps what the page
 * logs, so a test can insist on a console without errors.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final Path downloads;

	private final List<LogEntry> log = new ArrayList<>();

	private Browser(ChromeDriver driver, Path downloads) {
		this.driver = driver;
		this.downloads = downloads;
	}

	/** Skips the test, saying why, when the machine has no Chromium or chromedriver. */
	static void assumeInstalled() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!installed) {
			System.out.println("Browser tests skipped: no executable " + CHROMIUM + " and " + DRIVER
					+ " (install the Debian packages chromium and chromium-driver)");
		}
		assumeTrue(installed, () -> "no executable " + CHROMIUM + " and " + DRIVER);
	}

	/** Starts Chromium with a fresh profile and download folder under the directory. */
	static Browser start(Path directory) {
		try {
			Path profile = Files.createDirectories(directory.resolve("profile"));
			Path downloads = Files.createDirectories(directory.resolve("downloads"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,860");
			options.setExperimentalOption("prefs",
					Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
			LoggingPreferences logging = new LoggingPreferences();
			logging.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
			return new Browser(new ChromeDriver(service, options), downloads);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void open(String url) {
		this.driver.get(url);
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** The visible element, once it is there. */
	WebElement waitFor(String css) {
		return new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** The element once its text contains the text. */
	WebElement waitForText(String css, String text) {
		new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
		return find(css);
	}

	void waitUntilGone(String css) {
		new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
	}

	void waitForUrl(String fragment) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.urlContains(fragment));
	}

	/**
	 * Clicks the enabled button (or link) inside the container whose text is the label.
	 */
	void click(String container, String label) {
		By button = By.xpath("//" + container + "//*[(self::button or self::a) and normalize-space()='" + label
				+ "' and not(@disabled)]");
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(button)).click();
	}

	/**
	 * Runs the action again when the element it found was replaced meanwhile (views
	 * rebuild their content after a change).
	 */
	void act(Runnable action) {
		new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until((driver) -> {
			action.run();
			return true;
		});
	}

	/**
	 * Waits until the condition holds, reading the page again while elements are
	 * replaced.
	 */
	void waitUntil(Supplier<Boolean> condition) {
		new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.get());
	}

	WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves a screenshot of the window as PNG. */
	void screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The downloaded file of the name, once it is complete. */
	Path downloaded(String name) {
		Path file = this.downloads.resolve(name);
		new WebDriverWait(this.driver, WAIT).until((driver) -> Files.isRegularFile(file));
		return file;
	}

	/** Everything the page logged since the last call, kept for {@link #errors()}. */
	List<LogEntry> log() {
		List<LogEntry> entries = this.driver.manage().logs().get(LogType.BROWSER).getAll();
		this.log.addAll(entries);
		return entries;
	}

	/** The errors the page logged since it was opened. */
	List<String> errors() {
		log();
		return this.log.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
