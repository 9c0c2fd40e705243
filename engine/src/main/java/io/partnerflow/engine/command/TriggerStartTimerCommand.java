package io.partnerflow.engine.command;

import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.deployment.TimerStartDefinition;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.StartTimerRecord;
import io.partnerflow.engine.state.StartTimerRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires one due timer start event for the scheduler: claims its row with SKIP LOCKED (so it fires
 * once across nodes), creates an instance at the start event and, for a cycle with firings left,
 * schedules the next one an interval after this firing.
 */
@Component
public class TriggerStartTimerCommand {

  private final StartTimerRepository timers;
  private final ProcessDefinitionRepository definitions;
  private final ProcessGraphCache graphs;
  private final TimerStartEvents startEvents;
  private final TokenMachine machine;
  private final EngineClock clock;

  public TriggerStartTimerCommand(
      StartTimerRepository timers,
      ProcessDefinitionRepository definitions,
      ProcessGraphCache graphs,
      TimerStartEvents startEvents,
      TokenMachine machine,
      EngineClock clock) {
    this.timers = timers;
    this.definitions = definitions;
    this.graphs = graphs;
    this.startEvents = startEvents;
    this.machine = machine;
    this.clock = clock;
  }

  /** Keys of start timers due now, earliest first (not locked: {@link #trigger} claims each). */
  public List<Long> due(int max) {
    return timers.findDue(clock.nowAtUtc(), max);
  }

  /** True when this call fired the timer. */
  @Transactional
  public boolean trigger(long timerKey) {
    Optional<StartTimerRecord> claimed = timers.claimIfDue(timerKey, clock.nowAtUtc());
    if (claimed.isEmpty()) {
      return false;
    }
    StartTimerRecord timer = claimed.get();
    timers.setState(timer.key(), StartTimerRecord.TRIGGERED);
    ProcessDefinitionRecord definition =
        definitions
            .findByKey(timer.processDefinitionKey())
            .orElseThrow(() -> new IllegalStateException("No definition " + timer.bpmnProcessId()));
    TimerStartDefinition settings =
        graphs
            .get(definition.key())
            .element(timer.elementId())
            .settings(TimerStartDefinition.class);
    if (settings.cycle() != null && (timer.repetitions() == null || timer.repetitions() > 1)) {
      startEvents.insert(
          definition,
          timer.elementId(),
          settings.cycle().nextAfter(clock.now()),
          timer.repetitions() == null ? null : timer.repetitions() - 1);
    }
    machine.createInstanceAt(definition, timer.elementId(), Map.of());
    return true;
  }
}
