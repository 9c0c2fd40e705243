package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.PinnedClock;
import io.partnerflow.engine.state.SchedulerWakeUp;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * PUT /v2/clock and POST /v2/clock/reset: pins the engine clock at an instant (it stands still
 * there) or returns it to the system clock, for all nodes (PinnedClock). The scheduler polls at
 * once, so timers that are due at the new time fire promptly.
 */
@Component
public class ClockCommand {

  private final PinnedClock pinnedClock;
  private final ApplicationEventPublisher events;

  public ClockCommand(PinnedClock pinnedClock, ApplicationEventPublisher events) {
    this.pinnedClock = pinnedClock;
    this.events = events;
  }

  public void pin(Long epochMillis) {
    if (epochMillis == null || epochMillis < 0) {
      throw EngineException.invalid(
          "Expected a timestamp (epoch milliseconds, zero or positive), but was " + epochMillis);
    }
    pinnedClock.pin(epochMillis);
    moved();
  }

  public void reset() {
    pinnedClock.reset();
    moved();
  }

  private void moved() {
    events.publishEvent(new SchedulerWakeUp("clock moved"));
  }
}
