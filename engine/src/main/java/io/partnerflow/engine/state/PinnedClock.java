package io.partnerflow.engine.state;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pinned engine clock (PUT /v2/clock) kept in {@code engine.clock}, so that every node sharing
 * the database and a restarted node use it too. A pinned clock stands still at its instant, as
 * Camunda's does; reset returns to the system clock. Each node applies the stored value to its
 * {@link EngineClock} at startup and whenever the scheduler sees it change ({@link #refresh}).
 */
@Component
public class PinnedClock implements InitializingBean {

  /** Marks "not read yet", distinct from null (= system clock). */
  private static final Long UNKNOWN = Long.MIN_VALUE;

  private final JdbcClient jdbc;
  private final EngineClock clock;
  private Long applied = UNKNOWN;

  public PinnedClock(JdbcClient jdbc, EngineClock clock, EngineSchemaMigration migrated) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    refresh();
  }

  /** Stores and applies a pinned instant (epoch milliseconds). */
  public synchronized void pin(long epochMillis) {
    store(epochMillis);
    apply(epochMillis);
  }

  /** Stores and applies the system clock. */
  public synchronized void reset() {
    store(null);
    apply(null);
  }

  /** Applies the stored value when it differs from what this node applied last. */
  public synchronized void refresh() {
    Long stored =
        jdbc.sql("SELECT pinned_epoch_millis FROM engine.clock WHERE id = 1")
            .query((rs, row) -> Timestamps.nullableLong(rs, "pinned_epoch_millis"))
            .optional()
            .orElse(null);
    if (!Objects.equals(stored, applied)) {
      apply(stored);
    }
  }

  private void store(Long epochMillis) {
    jdbc.sql("UPDATE engine.clock SET pinned_epoch_millis = ?, changed = now() WHERE id = 1")
        .param(epochMillis)
        .update();
  }

  private void apply(Long epochMillis) {
    clock.use(
        epochMillis == null
            ? Clock.systemUTC()
            : Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    applied = epochMillis;
  }
}
