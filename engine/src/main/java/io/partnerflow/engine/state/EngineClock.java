package io.partnerflow.engine.state;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The engine's notion of now. Every deadline, back-off and date goes through it so that a later
 * {@code /v2/clock} can pin it. Lives in {@code state} because every layer reads it.
 */
@Component
public class EngineClock {

  private volatile Clock clock = Clock.systemUTC();

  public Instant now() {
    return clock.instant();
  }

  public OffsetDateTime nowAtUtc() {
    return OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
  }

  /** Replaces the clock (tests, and the later /v2/clock endpoint). */
  public void use(Clock clock) {
    this.clock = clock;
  }
}
