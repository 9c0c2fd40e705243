package io.partnerflow.app.support;

import java.io.IOException;

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
    // every host's cookies: localhost for staff, 127.0.0.x for applicants
    browser.clearCookies();
    return browser;
  }
}
