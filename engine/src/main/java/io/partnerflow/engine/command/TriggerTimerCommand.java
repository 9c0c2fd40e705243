package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.processing.behavior.TimerBehavior;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import io.partnerflow.engine.state.TimerRecord;
import io.partnerflow.engine.state.TimerRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires one due timer for the scheduler: claims the timer row with SKIP LOCKED, then tries the
 * process instance lock without waiting (an instance busy with another command is retried at the
 * next poll), marks the timer TRIGGERED and completes its element. A timer fires exactly once: a
 * second scheduler either skips the locked row or finds it no longer CREATED.
 */
@Component
public class TriggerTimerCommand {

  /** What one attempt did. */
  public enum Outcome {
    FIRED,
    /** locked by another scheduler, already fired or cancelled, or not due */
    NOT_CLAIMED,
    /** its process instance is busy: try again later */
    INSTANCE_BUSY,
    /** its element is no longer waiting: cancelled without firing */
    DISCARDED
  }

  private final TimerRepository timers;
  private final ElementInstanceRepository elementInstances;
  private final ProcessInstanceRepository processInstances;
  private final TokenMachine machine;
  private final EngineClock clock;
  private final TimerBehavior timerBehavior;

  public TriggerTimerCommand(
      TimerRepository timers,
      ElementInstanceRepository elementInstances,
      ProcessInstanceRepository processInstances,
      TokenMachine machine,
      EngineClock clock,
      TimerBehavior timerBehavior) {
    this.timerBehavior = timerBehavior;
    this.timers = timers;
    this.elementInstances = elementInstances;
    this.processInstances = processInstances;
    this.machine = machine;
    this.clock = clock;
  }

  /** Keys of timers due now, earliest first (not locked: {@link #trigger} claims each). */
  public List<Long> due(int max) {
    return timers.findDue(clock.nowAtUtc(), max);
  }

  @Transactional
  public Outcome trigger(long timerKey) {
    OffsetDateTime now = clock.nowAtUtc();
    Optional<TimerRecord> claimed = timers.claimIfDue(timerKey, now);
    if (claimed.isEmpty()) {
      return Outcome.NOT_CLAIMED;
    }
    TimerRecord timer = claimed.get();
    Optional<ProcessInstanceRecord> instance = processInstances.tryLock(timer.processInstanceKey());
    if (instance.isEmpty()) {
      boolean exists = processInstances.find(timer.processInstanceKey()).isPresent();
      if (exists) {
        return Outcome.INSTANCE_BUSY;
      }
      timers.setState(timer.key(), TimerRecord.CANCELED);
      return Outcome.DISCARDED;
    }
    Optional<ElementInstanceRecord> element =
        elementInstances.find(timer.elementInstanceKey()).filter(ElementInstanceRecord::isActive);
    if (!instance.get().isActive() || element.isEmpty()) {
      timers.setState(timer.key(), TimerRecord.CANCELED);
      return Outcome.DISCARDED;
    }
    timers.setState(timer.key(), TimerRecord.TRIGGERED);
    // the element's own timer, or one it holds for another event (a boundary event on it, an
    // event after an event-based gateway): stored on the waiting instance with the event's id
    machine.triggerEvent(instance.get(), timer.elementInstanceKey(), timer.elementId(), Map.of());
    // a cycle fires again while its element still waits for it (non-interrupting events)
    if (timer.repeats()
        && machine.waitsAgainFor(
            timer.processDefinitionKey(), timer.elementInstanceKey(), timer.elementId())) {
      timerBehavior.scheduleNextOccurrence(timer);
    }
    return Outcome.FIRED;
  }
}
