package io.partnerflow.engine.command;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.TimerStartDefinition;
import io.partnerflow.engine.expression.TimeCycle;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.SchedulerWakeUp;
import io.partnerflow.engine.state.StartTimerRecord;
import io.partnerflow.engine.state.StartTimerRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Timer start events, as in Camunda 8: deploying a version schedules its timer start events and
 * cancels those of the previous versions (TriggerStartTimerCommand fires them).
 */
@Component
class TimerStartEvents {

  private final StartTimerRepository timers;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  TimerStartEvents(
      StartTimerRepository timers,
      KeyGenerator keys,
      EngineClock clock,
      ApplicationEventPublisher events) {
    this.timers = timers;
    this.keys = keys;
    this.clock = clock;
    this.events = events;
  }

  /** A new version of a process was deployed: its timer start events replace the old ones. */
  void schedule(ProcessDefinitionRecord definition, ExecutableProcess graph) {
    timers.cancelForProcess(definition.tenantId(), definition.bpmnProcessId());
    boolean scheduled = false;
    for (ExecutableElement element : graph.elements().values()) {
      TimerStartDefinition timer = element.settings(TimerStartDefinition.class);
      if (element.kind() == ElementKind.TIMER_START_EVENT
          && timer != null
          && graph.bpmnProcessId().equals(element.flowScopeId())) {
        Instant due = timer.date() != null ? timer.date() : timer.cycle().firstDue(clock.now());
        Integer repetitions =
            timer.date() != null ? Integer.valueOf(1) : repetitions(timer.cycle());
        insert(definition, element.id(), due, repetitions);
        scheduled = true;
      }
    }
    if (scheduled) {
      events.publishEvent(new SchedulerWakeUp("start timer scheduled"));
    }
  }

  /** Firings of a cycle; null when unbounded (as stored in engine.start_timer). */
  private static Integer repetitions(TimeCycle cycle) {
    return cycle.repetitions() == TimeCycle.UNBOUNDED ? null : cycle.repetitions();
  }

  void insert(
      ProcessDefinitionRecord definition, String elementId, Instant due, Integer repetitions) {
    timers.insert(
        new StartTimerRecord(
            keys.next(),
            definition.key(),
            definition.bpmnProcessId(),
            elementId,
            definition.tenantId(),
            OffsetDateTime.ofInstant(due, ZoneOffset.UTC),
            repetitions,
            StartTimerRecord.CREATED),
        clock.nowAtUtc());
  }
}
