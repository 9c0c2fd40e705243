package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.MessageRecord;
import io.partnerflow.engine.state.MessageRepository;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final JsonValues json;
  private final TransactionTemplate transaction;

  MessageCorrelator(
      ProcessInstanceRepository processInstances,
      MessageSubscriptionRepository subscriptions,
      MessageRepository messages,
      TokenMachine machine,
      EngineClock clock,
      JsonValues json,
      PlatformTransactionManager transactionManager) {
    this.processInstances = processInstances;
    this.subscriptions = subscriptions;
    this.messages = messages;
    this.machine = machine;
    this.clock = clock;
    this.json = json;
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

  private enum Delivery {
    DELIVERED,
    /** the subscription has gone or its instance has ended: try the next one */
    NOT_WAITING,
    /** another subscription of the process took this buffered message already */
    ALREADY_DELIVERED
  }

  /**
   * Delivers the message to the first candidate (all of one BPMN process) that still waits.
   *
   * @param buffered whether the message is buffered and claimed for the process: when no candidate
   *     waits any more, subscriptions of the process opened meanwhile are tried next, and with none
   *     the claim is released, so that a later subscription takes the message itself
   * @return the process instance that took the message
   */
  Optional<Long> deliver(
      long messageKey,
      boolean buffered,
      List<MessageSubscriptionRecord> candidates,
      Map<String, Object> variables) {
    Set<Long> tried = new HashSet<>();
    List<MessageSubscriptionRecord> remaining = candidates;
    while (!remaining.isEmpty()) {
      for (MessageSubscriptionRecord candidate : remaining) {
        tried.add(candidate.key());
        Delivery delivery =
            transaction.execute(status -> deliverTo(messageKey, buffered, candidate, variables));
        if (delivery == Delivery.DELIVERED) {
          return Optional.of(candidate.processInstanceKey());
        }
        if (delivery == Delivery.ALREADY_DELIVERED) {
          return Optional.empty();
        }
      }
      if (!buffered) {
        return Optional.empty();
      }
      MessageSubscriptionRecord sample = remaining.get(0);
      remaining = transaction.execute(status -> waitingSinceOrRelease(messageKey, sample, tried));
    }
    return Optional.empty();
  }

  /**
   * None of the candidates took the claimed message. A subscription of the process that opened
   * after the publication saw the message claimed and left it to the claim's delivery, so under the
   * correlation lock (which opening a subscription takes too) such subscriptions are the next
   * candidates; with none, the claim is released and a subscription opened later takes the message
   * itself. Without this, a message claimed for a subscription that closed at the same time stayed
   * buffered while a newer subscription waited for it.
   */
  private List<MessageSubscriptionRecord> waitingSinceOrRelease(
      long messageKey, MessageSubscriptionRecord sample, Set<Long> tried) {
    messages.lockCorrelation(sample.tenantId(), sample.messageName(), sample.correlationKey());
    List<MessageSubscriptionRecord> waiting =
        subscriptions
            .findWaiting(sample.tenantId(), sample.messageName(), sample.correlationKey())
            .stream()
            .filter(s -> s.bpmnProcessId().equals(sample.bpmnProcessId()))
            .filter(s -> !tried.contains(s.key()))
            .toList();
    if (waiting.isEmpty()) {
      messages.releaseCorrelation(messageKey, sample.bpmnProcessId());
    }
    return waiting;
  }

  /**
   * For the scheduler: delivers buffered messages that were claimed for a process but never
   * delivered (the publishing node stopped in between) to a subscription of the process that waits
   * for them. Returns how many were delivered.
   */
  int redeliver(int max) {
    int delivered = 0;
    for (MessageRepository.Undelivered undelivered :
        messages.findUndelivered(clock.nowAtUtc(), max)) {
      Optional<MessageRecord> message = messages.find(undelivered.messageKey());
      Optional<MessageSubscriptionRecord> subscription =
          subscriptions.find(undelivered.subscriptionKey());
      if (message.isEmpty() || subscription.isEmpty()) {
        continue;
      }
      Map<String, Object> variables = json.readObject(message.get().variablesJson());
      Delivery delivery =
          transaction.execute(
              status -> deliverTo(undelivered.messageKey(), true, subscription.get(), variables));
      if (delivery == Delivery.DELIVERED) {
        delivered++;
      }
    }
    return delivered;
  }

  private Delivery deliverTo(
      long messageKey,
      boolean buffered,
      MessageSubscriptionRecord candidate,
      Map<String, Object> variables) {
    Optional<ProcessInstanceRecord> instance =
        processInstances.lock(candidate.processInstanceKey());
    if (instance.isEmpty() || !instance.get().isActive()) {
      return Delivery.NOT_WAITING;
    }
    // read again under the instance lock: a migration may have moved it to another event id
    Optional<MessageSubscriptionRecord> current =
        subscriptions
            .find(candidate.key())
            .filter(s -> MessageSubscriptionRecord.WAITING.equals(s.state()));
    if (current.isEmpty()) {
      return Delivery.NOT_WAITING;
    }
    if (buffered) {
      // deliveries of one message to one process, by the publisher or the scheduler's
      // redelivery, go one after the other: the first one wins
      messages.lockClaim(messageKey, current.get().bpmnProcessId());
      if (subscriptions.deliveredToProcess(messageKey, current.get().bpmnProcessId())) {
        return Delivery.ALREADY_DELIVERED;
      }
      messages.setCorrelatedInstance(
          messageKey, current.get().bpmnProcessId(), candidate.processInstanceKey());
    }
    subscriptions.correlated(current.get().key(), messageKey, clock.nowAtUtc());
    machine.triggerEvent(
        instance.get(),
        current.get().elementInstanceKey(),
        current.get().elementId(),
        variables == null ? Map.of() : variables);
    return Delivery.DELIVERED;
  }
}
