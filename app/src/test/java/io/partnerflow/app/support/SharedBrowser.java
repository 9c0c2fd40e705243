package io.partnerflow.app.support;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One headless browser for all browser tests of the test JVM, started on first use and closed when
 * the JVM ends: starting Chromium costs seconds, and the journeys need no fresh profile, only no
 * cookies (nobody logged in).
 */
public final class SharedBrowser {

  private static Browser browser;

  private SharedBrowser() {}

  /**
   * The shared browser without cookies of any host; skips the calling test (from a
   * {@code @BeforeEach}) where Chromium is not installed.
   */
  public static synchronized Browser get() throws IOException {
    if (browser == null) {
      Browser started = Browser.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "close-shared-browser"));
      browser = started;
    }
    // the cookies of every host: nobody is logged in, whoever used the browser before
    browser.clearCookies();
    return browser;
  }

  /**
   * Saves what the shared browser showed when a test failed, as {@code
   * target/screenshots/failed-<test method>.png}:
   * {@code @ExtendWith(SharedBrowser.ScreenshotOnFailure.class)}.
   */
  public static final class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      synchronized (SharedBrowser.class) {
        if (browser != null) {
          browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
      }
    }
  }
}
