package io.partnerflow.engine.command;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.MessageStartDefinition;
import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.MessageRecord;
import io.partnerflow.engine.state.MessageRepository;
import io.partnerflow.engine.state.MessageStartInstanceRepository;
import io.partnerflow.engine.state.MessageStartSubscriptionRepository;
import io.partnerflow.engine.state.MessageStartSubscriptionRepository.Subscription;
import io.partnerflow.engine.state.MessageSubscriptionRecord;
import io.partnerflow.engine.state.MessageSubscriptionRepository;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.ProcessInstanceEnded;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Message start events, as in Camunda 8: deploying a version subscribes its message start events
 * and closes those of the previous versions; a message with a subscribed name creates an instance
 * of that (latest) version. With a correlation key, at most one instance per process id and key is
 * active at a time: a further message is not correlated meanwhile, and when the instance ends a
 * buffered message with that key (and one of the process's start message names) starts the next
 * one. Callers hold the correlation lock of the message's name and key.
 */
@Component
class MessageStartEvents {

  private final MessageStartSubscriptionRepository subscriptions;
  private final MessageStartInstanceRepository startedInstances;
  private final ProcessDefinitionRepository definitions;
  private final ProcessInstanceRepository processInstances;
  private final MessageRepository messages;
  private final TokenMachine machine;
  private final EngineClock clock;
  private final JsonValues json;
  private final MessageSubscriptionRepository catchSubscriptions;
  private final KeyGenerator keys;
  private final ProcessGraphCache graphs;

  MessageStartEvents(
      MessageStartSubscriptionRepository subscriptions,
      MessageStartInstanceRepository startedInstances,
      ProcessDefinitionRepository definitions,
      ProcessInstanceRepository processInstances,
      MessageRepository messages,
      TokenMachine machine,
      EngineClock clock,
      JsonValues json,
      MessageSubscriptionRepository catchSubscriptions,
      KeyGenerator keys,
      ProcessGraphCache graphs) {
    this.graphs = graphs;
    this.catchSubscriptions = catchSubscriptions;
    this.keys = keys;
    this.subscriptions = subscriptions;
    this.startedInstances = startedInstances;
    this.definitions = definitions;
    this.processInstances = processInstances;
    this.messages = messages;
    this.machine = machine;
    this.clock = clock;
    this.json = json;
  }

  /** A new version of a process was deployed: its message start events replace the old ones. */
  void subscribe(ProcessDefinitionRecord definition, ExecutableProcess graph) {
    subscriptions.deleteForProcess(definition.tenantId(), definition.bpmnProcessId());
    for (ExecutableElement element : graph.messageStartEvents()) {
      MessageStartDefinition start = element.settings(MessageStartDefinition.class);
      if (start != null) {
        subscriptions.insert(
            new Subscription(
                definition.key(),
                element.id(),
                definition.bpmnProcessId(),
                start.messageName(),
                definition.tenantId()));
      }
    }
  }

  /**
   * Creates an instance of every process with a message start event for this message, except the
   * processes in {@code alreadyCorrelated} and those with an active instance for the (non-empty)
   * correlation key. A buffered message is claimed for each process it starts. Returns the keys of
   * the created instances.
   */
  List<Long> start(
      long messageKey,
      boolean buffered,
      String tenantId,
      String name,
      String correlationKey,
      Map<String, Object> variables,
      Set<String> alreadyCorrelated) {
    List<Long> started = new ArrayList<>();
    for (Subscription subscription : subscriptions.findByName(tenantId, name)) {
      if (alreadyCorrelated.contains(subscription.bpmnProcessId())
          || (!correlationKey.isEmpty()
              && startedInstances.isHeld(tenantId, subscription.bpmnProcessId(), correlationKey))) {
        continue;
      }
      if (buffered && !messages.claimCorrelation(messageKey, subscription.bpmnProcessId(), 0)) {
        continue;
      }
      long instanceKey = createInstance(subscription, correlationKey, variables);
      if (buffered) {
        recordDelivery(messageKey, subscription, correlationKey, instanceKey);
      }
      started.add(instanceKey);
    }
    return started;
  }

  /**
   * A buffered message started an instance: its claim names the instance, and a correlated
   * subscription of the start event records the delivery, so that neither a catch event of the
   * process nor the scheduler's redelivery hands the same message to the process again.
   */
  private void recordDelivery(
      long messageKey, Subscription start, String correlationKey, long instanceKey) {
    messages.setCorrelatedInstance(messageKey, start.bpmnProcessId(), instanceKey);
    OffsetDateTime now = clock.nowAtUtc();
    catchSubscriptions.insert(
        new MessageSubscriptionRecord(
            keys.next(),
            instanceKey,
            start.elementId(),
            instanceKey,
            start.processDefinitionKey(),
            start.bpmnProcessId(),
            start.messageName(),
            correlationKey,
            start.tenantId(),
            MessageSubscriptionRecord.CORRELATED,
            messageKey,
            now));
  }

  private long createInstance(
      Subscription subscription, String correlationKey, Map<String, Object> variables) {
    ProcessDefinitionRecord definition =
        definitions
            .findByKey(subscription.processDefinitionKey())
            .orElseThrow(
                () -> new IllegalStateException("No definition " + subscription.bpmnProcessId()));
    ProcessInstanceRecord instance =
        machine.createInstanceAt(definition, subscription.elementId(), variables);
    boolean stillActive =
        processInstances.find(instance.key()).map(ProcessInstanceRecord::isActive).orElse(false);
    if (!correlationKey.isEmpty() && stillActive) {
      startedInstances.hold(
          subscription.tenantId(), subscription.bpmnProcessId(), correlationKey, instance.key());
    }
    return instance.key();
  }

  /**
   * An instance ended (in its own transaction): when it was started for a correlation key, the key
   * is free again and the oldest buffered message for it starts the next instance.
   */
  @EventListener
  void onEnded(ProcessInstanceEnded event) {
    if (graphs.get(event.processDefinitionKey()).messageStartEvents().isEmpty()) {
      return; // only instances of a definition with a message start event hold a key
    }
    Optional<MessageStartInstanceRepository.Held> held =
        startedInstances.release(event.processInstanceKey());
    if (held.isEmpty()) {
      return;
    }
    String tenantId = held.get().tenantId();
    String processId = held.get().bpmnProcessId();
    String correlationKey = held.get().correlationKey();
    List<Subscription> starts = subscriptions.findByProcess(tenantId, processId);
    for (Subscription start : starts) {
      messages.lockCorrelation(tenantId, start.messageName(), correlationKey);
    }
    Optional<MessageRecord> next = Optional.empty();
    Subscription trigger = null;
    for (Subscription start : starts) {
      Optional<MessageRecord> candidate =
          messages.findFirstUncorrelated(
              tenantId, start.messageName(), correlationKey, processId, clock.nowAtUtc());
      if (candidate.isPresent() && (next.isEmpty() || candidate.get().key() < next.get().key())) {
        next = candidate;
        trigger = start;
      }
    }
    if (next.isPresent() && messages.claimCorrelation(next.get().key(), processId, 0)) {
      long instanceKey =
          createInstance(trigger, correlationKey, json.readObject(next.get().variablesJson()));
      recordDelivery(next.get().key(), trigger, correlationKey, instanceKey);
    }
  }
}
