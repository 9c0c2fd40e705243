package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.MessageRepository;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POST /v2/messages/correlation: delivers a message to the subscriptions waiting now (at most one
 * per BPMN process) and answers with the first process instance that took it; never buffered, so
 * 404 when nothing waits.
 */
@Component
public class CorrelateMessageCommand {

  public record Request(
      String name, String correlationKey, Map<String, Object> variables, String tenantId) {}

  public record Result(long messageKey, long processInstanceKey) {}

  private final MessageSubscriptionRepository subscriptions;
  private final MessageCorrelator correlator;
  private final MessageStartEvents startEvents;
  private final MessageRepository messages;
  private final KeyGenerator keys;
  private final TransactionTemplate transaction;

  public CorrelateMessageCommand(
      MessageSubscriptionRepository subscriptions,
      MessageCorrelator correlator,
      MessageStartEvents startEvents,
      MessageRepository messages,
      KeyGenerator keys,
      PlatformTransactionManager transactionManager) {
    this.subscriptions = subscriptions;
    this.correlator = correlator;
    this.startEvents = startEvents;
    this.messages = messages;
    this.keys = keys;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  public Result execute(Request request) {
    if (request.name() == null || request.name().isBlank()) {
      throw EngineException.invalid("Expected a message name, but none given");
    }
    long messageKey = keys.next();
    Map<String, List<MessageSubscriptionRecord>> candidates =
        MessageCorrelator.byProcess(
            subscriptions.findWaiting(
                request.tenantId(), request.name(), request.correlationKey()));
    Long first = null;
    Set<String> correlated = new HashSet<>();
    for (Map.Entry<String, List<MessageSubscriptionRecord>> process : candidates.entrySet()) {
      Optional<Long> instance =
          correlator.deliver(messageKey, false, process.getValue(), request.variables());
      if (instance.isPresent()) {
        correlated.add(process.getKey());
        first = first == null ? instance.get() : first;
      }
    }
    // then message start events, as a publication would (never buffered)
    List<Long> started =
        transaction.execute(
            status -> {
              messages.lockCorrelation(
                  request.tenantId(), request.name(), request.correlationKey());
              return startEvents.start(
                  messageKey,
                  false,
                  request.tenantId(),
                  request.name(),
                  request.correlationKey(),
                  request.variables() == null ? Map.of() : request.variables(),
                  correlated);
            });
    if (first == null && !started.isEmpty()) {
      first = started.get(0);
    }
    if (first == null) {
      throw EngineException.notFound(
          ("Expected to find a subscription for the message with name '%s' and correlation key"
                  + " '%s', but none was found")
              .formatted(request.name(), request.correlationKey()));
    }
    return new Result(messageKey, first);
  }
}
