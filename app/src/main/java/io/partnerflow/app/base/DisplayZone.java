package io.partnerflow.app.base;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The zone times are shown and dates are read in: the injected {@link Clock}'s, for formatting
 * helpers that Spring does not create. Set once at startup by {@link ClockConfiguration}, so moving
 * the clock's zone in a test moves what screens and e-mails show.
 */
public final class DisplayZone {

  private static volatile ZoneId zone = ZoneOffset.UTC;

  private DisplayZone() {}

  public static ZoneId get() {
    return zone;
  }

  static void follow(Clock clock) {
    zone = clock.getZone();
  }
}
