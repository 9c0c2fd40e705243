package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

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
  private final KeyGenerator keys;

  public CorrelateMessageCommand(
      MessageSubscriptionRepository subscriptions,
      MessageCorrelator correlator,
      KeyGenerator keys) {
    this.subscriptions = subscriptions;
    this.correlator = correlator;
    this.keys = keys;
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
    for (List<MessageSubscriptionRecord> process : candidates.values()) {
      Optional<Long> instance = correlator.deliver(messageKey, false, process, request.variables());
      if (first == null && instance.isPresent()) {
        first = instance.get();
      }
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
