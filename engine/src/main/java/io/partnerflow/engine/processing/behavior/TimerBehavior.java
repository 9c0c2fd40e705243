package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.FeelEvaluator;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Timers of timer catch events: entering the element evaluates the duration (counted from the
 * engine clock's now) or date and stores a timer; the scheduler fires it when due.
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
    Instant due =
        definition.type() == TimerDefinition.Type.DURATION
            ? TimeValues.toInterval(value).after(clock.now())
            : TimeValues.toInstant(value);
    timers.insert(
        new TimerRecord(
            keys.next(),
            elementInstanceKey,
            elementId,
            instance.key(),
            instance.processDefinitionKey(),
            instance.tenantId(),
            OffsetDateTime.ofInstant(due, ZoneOffset.UTC),
            TimerRecord.CREATED),
        clock.nowAtUtc());
    events.publishEvent(new SchedulerWakeUp("timer created"));
  }

  /** The element instance is left another way (terminated): its timer will not fire. */
  public void cancel(long elementInstanceKey) {
    timers.cancelFor(elementInstanceKey);
  }
}
