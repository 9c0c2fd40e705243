package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.SignalSubscriptionRecord;
import io.partnerflow.engine.state.SignalSubscriptionRepository;
import org.springframework.stereotype.Component;

/**
 * Signal subscriptions of element instances: opened when the element (catch event, boundary event's
 * host, event sub-process's scope, event-based gateway) is entered, with the signal name evaluated
 * in its scope, and deleted when it ends. Unlike a message subscription, one is not used up by a
 * signal: a non-interrupting boundary event or event sub-process keeps waiting for the next one.
 */
@Component
public class SignalSubscriptionBehavior {

  private final FeelEvaluator feel;
  private final SignalSubscriptionRepository subscriptions;
  private final KeyGenerator keys;
  private final EngineClock clock;

  public SignalSubscriptionBehavior(
      FeelEvaluator feel,
      SignalSubscriptionRepository subscriptions,
      KeyGenerator keys,
      EngineClock clock) {
    this.feel = feel;
    this.subscriptions = subscriptions;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Subscribes the element instance {@code ownerKey} to the signal of the event {@code eventId}.
   * Throws ExpressionException when the name cannot be evaluated (the caller raises an incident).
   */
  public void open(
      ProcessInstanceRecord instance,
      long ownerKey,
      String eventId,
      SignalDefinition signal,
      VariableLookup lookup) {
    String name = feel.evaluateString(signal.name(), lookup);
    subscriptions.insert(
        new SignalSubscriptionRecord(
            keys.next(),
            name,
            instance.tenantId(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            eventId,
            instance.key(),
            ownerKey,
            clock.nowAtUtc()));
  }

  /** The element instance has ended: none of its events waits for a signal any more. */
  public void close(long ownerKey) {
    subscriptions.deleteByOwner(ownerKey);
  }

  /** The element instance no longer waits for the signal of one of its events. */
  public void close(long ownerKey, String eventId) {
    subscriptions.deleteByOwner(ownerKey, eventId);
  }
}
