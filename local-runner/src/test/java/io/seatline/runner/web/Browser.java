package io.seatline.runner.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven by the Debian chromedriver, both named explicitly so that Selenium Manager
 * never runs and nothing is downloaded. Each browser has a fresh profile: its own cookies, like a second person.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path PROFILES = Path.of("target", "chromium-profiles");

	final ChromeDriver driver;

	private final String base;

	private final Path profile;

	private Browser(ChromeDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
	}

	static Browser open(String base, int width, int height) {
		return open(base, width, height, false, null);
	}

	/** A phone-sized screen (390 x 844 CSS pixels, touch): Chromium's windows are never narrower than 500. */
	static Browser phone(String base) {
		return open(base, 390, 844, true, null);
	}

	/** A browser whose clocks are in this time zone (the TZ of its process). */
	static Browser inTimeZone(String base, int width, int height, String timeZone) {
		return open(base, width, height, false, timeZone);
	}

	private static Browser open(String base, int width, int height, boolean phone, String timeZone) {
		if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
			throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install -y chromium chromium-driver (.ci/run does)");
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		var profile = PROFILES.resolve(UUID.randomUUID().toString()).toAbsolutePath();
		try {
			Files.createDirectories(profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-quic", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
				"--window-size=" + Math.max(width, 500) + "," + height);
		var logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.WARNING);
		options.setCapability("goog:loggingPrefs", logging);
		if (phone) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
		}
		var builder = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort();
		if (timeZone != null) {
			// Chromium inherits the driver's environment, and takes its zone from TZ
			builder.withEnvironment(Map.of("TZ", timeZone));
		}
		var service = builder.build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		return new Browser(driver, base, profile);
	}

	void go(String path) {
		this.driver.get(this.base + path);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	/** Waits until the element is there and shown. */
	WebElement waitFor(String css) {
		return waitUntil(Duration.ofSeconds(10), (driver) -> {
			var found = driver.findElements(By.cssSelector(css));
			return (!found.isEmpty() && found.get(0).isDisplayed()) ? found.get(0) : null;
		});
	}

	<T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
		// a page that redraws while it is looked at (the live dashboard) is no failure: look again
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(10))
			.ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Waits until a page's live seat stream has delivered its snapshot. */
	void waitUntilLive() {
		waitUntil(Duration.ofSeconds(10),
				(driver) -> "live".equals(driver.findElement(By.id("live-status")).getDomAttribute("data-state")));
	}

	WebElement seat(String label) {
		return find("button.seat[data-seat='" + label + "']");
	}

	String seatStatus(String label) {
		return seat(label).getDomAttribute("data-status");
	}

	void type(String css, String text) {
		var field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	void signIn(String username, String password) {
		go("/login.html");
		type("#login-username", username);
		type("#login-password", password);
		find("#login-submit").click();
		waitFor("#signed-in-user");
	}

	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			var target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the page wrote to the console at warning level or above, or failed to load. */
	List<String> consoleProblems() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (var files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a leftover profile under target/ harms nothing
			}
		}
	}
}
