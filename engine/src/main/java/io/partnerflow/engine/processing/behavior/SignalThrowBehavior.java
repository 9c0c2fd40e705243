package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.PendingSignalRepository;
import io.partnerflow.engine.state.PendingSignalRepository.PendingSignal;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.SchedulerWakeUp;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Signal throw and end events, as in Camunda 8: the signal carries the throw event's local
 * variables (what its input mappings created; none without them) and is broadcast after the
 * throwing command, as Zeebe writes the broadcast as a follow-up command. Here it is stored with
 * the command (engine.pending_signal) and broadcast in a transaction of its own once the command
 * has committed, so that the thrower never waits for the locks of the instances it signals and a
 * signal survives a crash in between.
 */
@Component
public class SignalThrowBehavior {

  private final FeelEvaluator feel;
  private final VariableBehavior variables;
  private final PendingSignalRepository pending;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final JsonValues json;
  private final ApplicationEventPublisher events;

  public SignalThrowBehavior(
      FeelEvaluator feel,
      VariableBehavior variables,
      PendingSignalRepository pending,
      KeyGenerator keys,
      EngineClock clock,
      JsonValues json,
      ApplicationEventPublisher events) {
    this.feel = feel;
    this.variables = variables;
    this.pending = pending;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
    this.events = events;
  }

  /**
   * Throws the signal of the element instance {@code elementInstanceKey}. Throws
   * ExpressionException when the name cannot be evaluated (the caller raises an incident).
   */
  public void throwSignal(
      ProcessInstanceRecord instance,
      long elementInstanceKey,
      SignalDefinition signal,
      VariableLookup lookup) {
    String name = feel.evaluateString(signal.name(), lookup);
    Map<String, Object> signalVariables = variables.local(elementInstanceKey);
    long key = keys.next();
    pending.insert(
        new PendingSignal(key, name, instance.tenantId(), json.write(signalVariables)),
        clock.nowAtUtc());
    events.publishEvent(new SchedulerWakeUp("signal thrown"));
  }
}
