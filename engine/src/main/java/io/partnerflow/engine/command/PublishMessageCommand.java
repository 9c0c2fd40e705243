package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.MessageRecord;
import io.partnerflow.engine.state.MessageRepository;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POST /v2/messages/publication. First transaction, under the correlation lock of the message's
 * name and correlation key: reject a duplicate messageId, buffer the message (time-to-live > 0),
 * find the waiting subscriptions and claim the message for their BPMN processes. Then one
 * transaction per process delivers it (MessageCorrelator). A subscription opened later finds the
 * buffered message itself (MessageSubscriptionBehavior), under the same lock.
 */
@Component
public class PublishMessageCommand {

  /** As the client sends it; {@code timeToLiveMillis} 0 means "not buffered". */
  public record Request(
      String name,
      String correlationKey,
      long timeToLiveMillis,
      String messageId,
      Map<String, Object> variables,
      String tenantId) {}

  private final MessageRepository messages;
  private final MessageSubscriptionRepository subscriptions;
  private final MessageCorrelator correlator;
  private final MessageStartEvents startEvents;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final JsonValues json;
  private final TransactionTemplate transaction;

  public PublishMessageCommand(
      MessageRepository messages,
      MessageSubscriptionRepository subscriptions,
      MessageCorrelator correlator,
      MessageStartEvents startEvents,
      KeyGenerator keys,
      EngineClock clock,
      JsonValues json,
      PlatformTransactionManager transactionManager) {
    this.messages = messages;
    this.subscriptions = subscriptions;
    this.correlator = correlator;
    this.startEvents = startEvents;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Returns the message key. */
  public long execute(Request request) {
    if (request.name() == null || request.name().isBlank()) {
      throw EngineException.invalid("Expected a message name, but none given");
    }
    if (request.timeToLiveMillis() < 0) {
      throw EngineException.invalid(
          "Expected timeToLive to be zero or positive, but was " + request.timeToLiveMillis());
    }
    Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
    long messageKey = keys.next();
    boolean buffered = request.timeToLiveMillis() > 0;
    Map<String, List<MessageSubscriptionRecord>> candidates =
        transaction.execute(status -> buffer(messageKey, buffered, request, variables));
    for (List<MessageSubscriptionRecord> process : candidates.values()) {
      correlator.deliver(messageKey, buffered, process, variables);
    }
    return messageKey;
  }

  private Map<String, List<MessageSubscriptionRecord>> buffer(
      long messageKey, boolean buffered, Request request, Map<String, Object> variables) {
    String tenant = request.tenantId();
    String name = request.name();
    String correlationKey = request.correlationKey();
    String messageId = blankToNull(request.messageId());
    OffsetDateTime now = clock.nowAtUtc();
    messages.lockCorrelation(tenant, name, correlationKey);
    if (messageId != null) {
      messages.deleteExpiredWithId(tenant, name, correlationKey, messageId, now);
      if (messages.existsBuffered(tenant, name, correlationKey, messageId, now)) {
        throw new EngineException(
            409,
            "ALREADY_EXISTS",
            ("Expected to publish a new message with id '%s', but a message with that id was"
                    + " already published for name '%s' and correlation key '%s' and is still"
                    + " buffered")
                .formatted(messageId, name, correlationKey));
      }
    }
    if (buffered) {
      messages.insert(
          new MessageRecord(
              messageKey,
              name,
              correlationKey,
              messageId,
              json.write(variables),
              tenant,
              now,
              now.plusNanos(request.timeToLiveMillis() * 1_000_000)));
    }
    Map<String, List<MessageSubscriptionRecord>> candidates =
        MessageCorrelator.byProcess(subscriptions.findWaiting(tenant, name, correlationKey));
    if (buffered) {
      candidates.forEach(
          (processId, waiting) ->
              messages.claimCorrelation(
                  messageKey, processId, waiting.get(0).processInstanceKey()));
    }
    // message start events of processes that do not take it at a waiting subscription
    startEvents.start(
        messageKey, buffered, tenant, name, correlationKey, variables, candidates.keySet());
    return candidates;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
