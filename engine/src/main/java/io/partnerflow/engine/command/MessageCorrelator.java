package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.MessageRepository;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a message to waiting subscriptions, at most one per BPMN process id (Camunda 8: "a
 * message is correlated only once to a process, across all versions"): for each process the oldest
 * waiting subscription takes it; if that one has gone meanwhile, the next one of the same process.
 * Each delivery runs in its own transaction that locks the subscription's process instance, so that
 * publishing never holds the correlation lock while waiting for an instance lock.
 */
@Component
class MessageCorrelator {

  private final ProcessInstanceRepository processInstances;
  private final MessageSubscriptionRepository subscriptions;
  private final MessageRepository messages;
  private final TokenMachine machine;
  private final EngineClock clock;
  private final TransactionTemplate transaction;

  MessageCorrelator(
      ProcessInstanceRepository processInstances,
      MessageSubscriptionRepository subscriptions,
      MessageRepository messages,
      TokenMachine machine,
      EngineClock clock,
      PlatformTransactionManager transactionManager) {
    this.processInstances = processInstances;
    this.subscriptions = subscriptions;
    this.messages = messages;
    this.machine = machine;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Waiting subscriptions grouped by BPMN process id, each group and the groups oldest first. */
  static Map<String, List<MessageSubscriptionRecord>> byProcess(
      List<MessageSubscriptionRecord> waiting) {
    Map<String, List<MessageSubscriptionRecord>> groups = new LinkedHashMap<>();
    for (MessageSubscriptionRecord subscription : waiting) {
      groups
          .computeIfAbsent(subscription.bpmnProcessId(), id -> new ArrayList<>())
          .add(subscription);
    }
    return groups;
  }

  /**
   * Delivers the message to the first candidate (all of one BPMN process) that still waits.
   *
   * @param buffered whether the message is buffered: its correlation record then names the instance
   *     that took it, or is released when none did
   * @return the process instance that took the message
   */
  Optional<Long> deliver(
      long messageKey,
      boolean buffered,
      List<MessageSubscriptionRecord> candidates,
      Map<String, Object> variables) {
    for (MessageSubscriptionRecord candidate : candidates) {
      Boolean delivered =
          transaction.execute(status -> deliverTo(messageKey, buffered, candidate, variables));
      if (Boolean.TRUE.equals(delivered)) {
        return Optional.of(candidate.processInstanceKey());
      }
    }
    if (buffered && !candidates.isEmpty()) {
      messages.releaseCorrelation(messageKey, candidates.get(0).bpmnProcessId());
    }
    return Optional.empty();
  }

  private boolean deliverTo(
      long messageKey,
      boolean buffered,
      MessageSubscriptionRecord candidate,
      Map<String, Object> variables) {
    Optional<ProcessInstanceRecord> instance =
        processInstances.lock(candidate.processInstanceKey());
    if (instance.isEmpty() || !instance.get().isActive()) {
      return false;
    }
    boolean waiting =
        subscriptions
            .find(candidate.key())
            .map(s -> MessageSubscriptionRecord.WAITING.equals(s.state()))
            .orElse(false);
    if (!waiting) {
      return false;
    }
    subscriptions.correlated(candidate.key(), messageKey, clock.nowAtUtc());
    if (buffered) {
      messages.setCorrelatedInstance(
          messageKey, candidate.bpmnProcessId(), candidate.processInstanceKey());
    }
    machine.completeElement(
        instance.get(), candidate.elementInstanceKey(), variables == null ? Map.of() : variables);
    return true;
  }
}
