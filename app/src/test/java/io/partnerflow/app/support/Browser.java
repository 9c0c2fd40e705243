package io.partnerflow.app.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium. Tests using it are skipped, with the reason, where
 * chromium or chromedriver is not installed.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Starts a fresh headless browser, or skips the calling test when none is installed. */
  public static Browser start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed"
            + " (apt-get install -y chromium chromium-driver)");
    Path profile = Files.createTempDirectory("partnerflow-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Drops the cookies of every host, so nobody is logged in any more. */
  public void clearCookies() {
    ((HasCdp) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Clicks a button, scrolled to the middle of the window first, as a person would. */
  public void click(String id) {
    WebElement element = waitFor(By.id(id));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** Types into the input of a Vaadin field and leaves it, so the value reaches the server. */
  public void type(String fieldId, String text) {
    WebElement input = waitFor(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
    input.clear();
    input.sendKeys(text);
    input.sendKeys(org.openqa.selenium.Keys.TAB);
  }

  /** Opens a vaadin-select and clicks the item with that label. */
  public void select(String fieldId, String label) {
    click(fieldId);
    // the select shows its current value as a copy of the item (id value-...): pick the list's own
    WebElement item =
        waitFor(
            By.xpath(
                "//vaadin-select-item[not(starts-with(@id, 'value-'))][normalize-space(.)='"
                    + label
                    + "']"));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", item);
    item.click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-select-overlay")));
  }

  /** Clicks the radio button or checkbox with that label inside a Vaadin group. */
  public void choose(String groupId, String label) {
    clickInput(
        By.xpath(
            "//*[@id='"
                + groupId
                + "']//*[self::vaadin-radio-button or self::vaadin-checkbox]"
                + "[normalize-space(.)='"
                + label
                + "']//input"));
  }

  /** Ticks a Vaadin checkbox. */
  public void check(String checkboxId) {
    clickInput(By.cssSelector("#" + checkboxId + " input"));
  }

  // Vaadin hides the native input of radio buttons and checkboxes behind its own styling, so a
  // person's click arrives at the input through its label; a script click does the same here
  private void clickInput(By locator) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", input);
  }

  /** Whether any rendered cell of a Vaadin grid contains the text. */
  /**
   * Hands a file to a form's upload (element {@code form-upload-<key>}): its file input is in the
   * light DOM or, in some Vaadin versions, in the shadow root.
   */
  public void upload(String key, Path file) {
    WebElement upload = waitFor(By.id("form-upload-" + key));
    java.util.List<WebElement> inputs = upload.findElements(By.cssSelector("input[type=file]"));
    WebElement input =
        inputs.isEmpty()
            ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
            : inputs.get(0);
    input.sendKeys(file.toAbsolutePath().toString());
  }

  /** A file to upload, written under target/form-uploads. */
  public static Path uploadFile(String name, byte[] content) {
    try {
      Path directory = Files.createDirectories(Path.of("target", "form-uploads"));
      return Files.write(directory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean gridContains(String gridId, String text) {
    return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .anyMatch(cell -> cell.getText().contains(text));
  }

  public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    wait.until(condition::apply);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves a PNG under target/screenshots for a person to look at. */
  public Path screenshot(String name) {
    try {
      Path target = Path.of(System.getProperty("partnerflow.test.target", "target"), "screenshots");
      Files.createDirectories(target);
      Path file = target.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
