package io.partnerflow.app.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The app's clock in the demo profile: the system clock shifted by an offset, so that the demo
 * history can set the app back a year and move it forward in steps, then return it to real time. It
 * keeps ticking between steps, as people's time does. Production keeps the plain system clock.
 */
public final class DemoClock extends Clock {

  private final Clock system;
  private volatile Duration offset = Duration.ZERO;

  DemoClock(Clock system) {
    this.system = system;
  }

  /** From now on the clock reads {@code at}, and ticks on from there. */
  public void moveTo(Instant at) {
    offset = Duration.between(system.instant(), at);
  }

  /** Back to real time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  /** What the system clock reads, wherever this clock was moved. */
  public Instant realInstant() {
    return system.instant();
  }

  public boolean isShifted() {
    return !offset.isZero();
  }

  @Override
  public Instant instant() {
    return system.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return system.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // callers asking for another zone get a copy that still follows this clock's offset
    return new Clock() {
      @Override
      public Instant instant() {
        return DemoClock.this.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return DemoClock.this.withZone(other);
      }
    };
  }
}
