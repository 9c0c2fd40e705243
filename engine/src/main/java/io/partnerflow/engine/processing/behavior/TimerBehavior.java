package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.expression.TimeCycle;
import io.partnerflow.engine.expression.TimeValues;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.SchedulerWakeUp;
import io.partnerflow.engine.state.TimerRecord;
import io.partnerflow.engine.state.TimerRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Timers of timer events: entering the element evaluates the duration (counted from the engine
 * clock's now), date or cycle and stores a timer; the scheduler fires it when due. A cycle's timer
 * carries its remaining repetitions and interval; {@link #scheduleNextOccurrence} stores the next
 * one after it fired.
 */
@Component
public class TimerBehavior {

  private final FeelEvaluator feel;
  private final TimerRepository timers;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  public TimerBehavior(
      FeelEvaluator feel,
      TimerRepository timers,
      KeyGenerator keys,
      EngineClock clock,
      ApplicationEventPublisher events) {
    this.feel = feel;
    this.timers = timers;
    this.keys = keys;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Stores the timer of an element instance that was just entered. Throws ExpressionException when
   * the timer value cannot be evaluated (the caller raises an incident).
   */
  public void schedule(
      ProcessInstanceRecord instance,
      long elementInstanceKey,
      String elementId,
      TimerDefinition definition,
      VariableLookup lookup) {
    Object value = feel.evaluate(definition.expression(), lookup);
    Instant due;
    Integer repetitions = null;
    String interval = null;
    switch (definition.type()) {
      case DURATION -> due = TimeValues.toInterval(value).after(clock.now());
      case DATE -> due = TimeValues.toInstant(value);
      default -> {
        TimeCycle cycle = TimeCycle.toCycle(value);
        due = cycle.firstDue(clock.now());
        repetitions = cycle.repetitions();
        interval = cycle.stepText();
      }
    }
    insert(
        new TimerRecord(
            keys.next(),
            elementInstanceKey,
            elementId,
            instance.key(),
            instance.processDefinitionKey(),
            instance.tenantId(),
            OffsetDateTime.ofInstant(due, ZoneOffset.UTC),
            TimerRecord.CREATED,
            repetitions,
            interval));
  }

  /**
   * After a cycle's timer fired: schedules its next occurrence, one interval after the fired one's
   * due date, for the same element instance and event, when repetitions are left. Callers decide
   * whether the owner still waits (a non-interrupting boundary event's host is still active, a
   * timer start event's process is still deployed). Returns the new timer, if any.
   */
  public Optional<TimerRecord> scheduleNextOccurrence(TimerRecord fired) {
    if (!fired.repeats()) {
      return Optional.empty();
    }
    Instant due = TimeCycle.nextAfter(fired.cycleInterval(), fired.dueDate().toInstant());
    TimerRecord next =
        new TimerRecord(
            keys.next(),
            fired.elementInstanceKey(),
            fired.elementId(),
            fired.processInstanceKey(),
            fired.processDefinitionKey(),
            fired.tenantId(),
            OffsetDateTime.ofInstant(due, ZoneOffset.UTC),
            TimerRecord.CREATED,
            fired.repetitions() < 0 ? fired.repetitions() : fired.repetitions() - 1,
            fired.cycleInterval());
    insert(next);
    return Optional.of(next);
  }

  private void insert(TimerRecord timer) {
    timers.insert(timer, clock.nowAtUtc());
    events.publishEvent(new SchedulerWakeUp("timer created"));
  }

  /** The element instance no longer waits for one of the events it holds timers for. */
  public void cancel(long elementInstanceKey, String eventId) {
    timers.cancelFor(elementInstanceKey, eventId);
  }

  /** The element instance is left another way (terminated): its timer will not fire. */
  public void cancel(long elementInstanceKey) {
    timers.cancelFor(elementInstanceKey);
  }
}
