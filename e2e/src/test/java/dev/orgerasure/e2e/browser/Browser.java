package dev.orgerasure.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's own headless Chromium, driven through its own ChromeDriver (Debian's {@code
 * chromium} and {@code chromium-driver}; {@code .ci/run} installs them). A fresh profile per
 * browser, so no cookie or session leaks from one test into the next.
 */
public final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("erasure.e2e.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("erasure.e2e.chromedriver", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("erasure.e2e.screenshots-dir", "target/screenshots"));

  /**
   * The tests speak WebDriver only, never the DevTools protocol, so Selenium's warning that it has
   * no DevTools bindings for this Chromium version is noise. Held here: JUL keeps loggers weakly.
   */
  private static final Logger CDP_VERSION_FINDER =
      quiet("org.openqa.selenium.devtools.CdpVersionFinder");

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;
  private final Path downloads;

  private Browser(ChromeDriver driver, Path profile, Path screenshots, Path downloads) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
    this.downloads = downloads;
  }

  /** Starts a browser whose screenshots go to {@code <screenshots-dir>/<scenario>/}. */
  public static Browser start(String scenario) {
    requireExecutable(CHROMIUM);
    requireExecutable(CHROMEDRIVER);
    try {
      Path profile = Files.createTempDirectory("org-erasure-chromium-");
      Path downloads = Files.createDirectory(profile.resolve("downloads"));
      ChromeOptions options =
          new ChromeOptions()
              .setBinary(CHROMIUM)
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--user-data-dir=" + profile,
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--window-size=1400,1000",
                  "--lang=en")
              .setExperimentalOption(
                  "prefs",
                  Map.of(
                      "download.default_directory",
                      downloads.toString(),
                      "download.prompt_for_download",
                      false));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      Path screenshots = Files.createDirectories(SCREENSHOTS.resolve(scenario));
      return new Browser(new ChromeDriver(service, options), profile, screenshots, downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /**
   * Waits until the browser has saved a download named {@code name} (Chromium writes a {@code
   * .crdownload} file first and renames it when done); returns the file.
   */
  public Path downloaded(String name, Duration timeout) {
    Path file = downloads.resolve(name);
    waiting(timeout).until(webDriver -> Files.isRegularFile(file));
    return file;
  }

  /** Saves what the browser shows now as {@code <name>.png}; returns the file. */
  public Path screenshot(String name) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      return Files.copy(
          shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the page's HTML now as {@code <name>.html}, beside the screenshots; returns the file. */
  public Path pageSource(String name) {
    try {
      return Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static void requireExecutable(String path) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(
          path
              + " is missing: install Debian's chromium and chromium-driver"
              + " (.ci/run does), or point -Derasure.e2e.chromium / -Derasure.e2e.chromedriver at them");
    }
  }
}
