package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.MessageRecord;
import io.partnerflow.engine.state.MessageRepository;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Message subscriptions of message catch events and receive tasks. Entering the element evaluates
 * the message name and correlation key and opens a subscription; when a buffered message matches
 * (not expired, not yet correlated to this BPMN process) it is correlated at once.
 */
@Component
public class MessageSubscriptionBehavior {

  private final FeelEvaluator feel;
  private final MessageRepository messages;
  private final MessageSubscriptionRepository subscriptions;
  private final VariableBehavior variables;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final JsonValues json;

  public MessageSubscriptionBehavior(
      FeelEvaluator feel,
      MessageRepository messages,
      MessageSubscriptionRepository subscriptions,
      VariableBehavior variables,
      KeyGenerator keys,
      EngineClock clock,
      JsonValues json) {
    this.feel = feel;
    this.messages = messages;
    this.subscriptions = subscriptions;
    this.variables = variables;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Opens the subscription of an element instance that was just entered. When a buffered message
   * matches, it is correlated at once: its variables are set (see {@link #applyMessageVariables})
   * and true is returned, and the caller completes the element. Throws ExpressionException when the
   * name or correlation key cannot be evaluated (the caller raises an incident).
   *
   * @param scopeChain the element instance's key, then its flow scopes out to the process instance
   */
  public boolean open(
      ProcessInstanceRecord instance,
      String elementId,
      List<Long> scopeChain,
      boolean hasOutputMappings,
      MessageDefinition definition,
      VariableLookup lookup) {
    Optional<Map<String, Object>> correlated =
        openFor(instance, scopeChain.get(0), elementId, definition, lookup);
    correlated.ifPresent(
        values -> applyMessageVariables(instance.key(), scopeChain, hasOutputMappings, values));
    return correlated.isPresent();
  }

  /**
   * Opens a subscription that the element instance {@code ownerKey} holds for the event {@code
   * eventId}: its own message, or (event-based gateway) the message of one of the events after it.
   * When a buffered message matches it is correlated at once and its variables are returned,
   * nothing is set. Throws ExpressionException when the name or correlation key cannot be
   * evaluated.
   */
  public Optional<Map<String, Object>> openFor(
      ProcessInstanceRecord instance,
      long ownerKey,
      String eventId,
      MessageDefinition definition,
      VariableLookup lookup) {
    String name = feel.evaluateString(definition.name(), lookup);
    String correlationKey = correlationKey(definition, lookup, eventId);
    return subscribe(instance, ownerKey, eventId, name, correlationKey);
  }

  /**
   * Opens the subscription of {@code ownerKey} for {@code eventId} again, with the message name and
   * correlation key of its last one (evaluated when it was first opened): a non-interrupting
   * boundary event waits for the next message after one was correlated. As {@link #openFor}, a
   * matching buffered message correlates at once and its variables are returned.
   */
  public Optional<Map<String, Object>> reopen(
      ProcessInstanceRecord instance, long ownerKey, String eventId) {
    MessageSubscriptionRecord last =
        subscriptions
            .findLatest(ownerKey, eventId)
            .orElseThrow(() -> new IllegalStateException("No subscription for " + eventId));
    return subscribe(instance, ownerKey, eventId, last.messageName(), last.correlationKey());
  }

  private Optional<Map<String, Object>> subscribe(
      ProcessInstanceRecord instance,
      long ownerKey,
      String eventId,
      String name,
      String correlationKey) {
    OffsetDateTime now = clock.nowAtUtc();
    messages.lockCorrelation(instance.tenantId(), name, correlationKey);
    Optional<MessageRecord> buffered =
        messages.findFirstUncorrelated(
            instance.tenantId(), name, correlationKey, instance.bpmnProcessId(), now);
    boolean correlated =
        buffered.isPresent()
            && messages.claimCorrelation(
                buffered.get().key(), instance.bpmnProcessId(), instance.key());
    subscriptions.insert(
        new MessageSubscriptionRecord(
            keys.next(),
            ownerKey,
            eventId,
            instance.key(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            name,
            correlationKey,
            instance.tenantId(),
            correlated ? MessageSubscriptionRecord.CORRELATED : MessageSubscriptionRecord.WAITING,
            correlated ? buffered.get().key() : null,
            now));
    return correlated
        ? Optional.of(json.readObject(buffered.get().variablesJson()))
        : Optional.empty();
  }

  /** The element instance no longer waits for this one of its events' messages. */
  public void close(long elementInstanceKey, String eventId) {
    subscriptions.deleteWaitingFor(elementInstanceKey, eventId, clock.nowAtUtc());
  }

  /** The element instance is left without its message: its subscription is deleted. */
  public void close(long elementInstanceKey) {
    subscriptions.deleteWaitingFor(elementInstanceKey, clock.nowAtUtc());
  }

  /**
   * Message variables as Camunda 8 sets them (the same rule as TokenMachine.completeElement): local
   * to the element when it has output mappings, which then pick what leaves; otherwise propagated.
   */
  private void applyMessageVariables(
      long processInstanceKey,
      List<Long> scopeChain,
      boolean hasOutputMappings,
      Map<String, Object> values) {
    if (values.isEmpty()) {
      return;
    }
    if (hasOutputMappings) {
      variables.setLocal(scopeChain.get(0), processInstanceKey, values);
    } else {
      variables.propagate(scopeChain, processInstanceKey, values);
    }
  }

  private String correlationKey(
      MessageDefinition definition, VariableLookup lookup, String elementId) {
    Object value = feel.evaluate(definition.correlationKey(), lookup);
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    throw new ExpressionException(
        ("Failed to evaluate the correlation key of element '%s' ('%s'): expected a string or a"
                + " number, but was %s")
            .formatted(
                elementId,
                definition.correlationKey(),
                value == null ? "null" : value.getClass().getSimpleName()));
  }
}
