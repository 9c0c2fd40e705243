package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import io.partnerflow.engine.state.SignalSubscriptionRecord;
import io.partnerflow.engine.state.SignalSubscriptionRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Broadcasts a signal inside the caller's transaction, as Camunda 8 does in one command: every
 * subscription with the signal's name and tenant that exists when the broadcast begins is triggered
 * — a signal start event creates an instance of its (latest) version, a waiting element instance
 * takes the signal (catch event completes, boundary event or event sub-process fires). All in one
 * transaction: triggered all or none. Subscriptions opened by the broadcast itself (e.g. a token
 * moving on to another catch event of the same signal) are not triggered by it, and a subscription
 * whose element an earlier trigger of the same broadcast ended is skipped.
 */
@Component
class SignalBroadcaster {

  private final SignalSubscriptionRepository subscriptions;
  private final ProcessInstanceRepository processInstances;
  private final ElementInstanceRepository elementInstances;
  private final ProcessDefinitionRepository definitions;
  private final TokenMachine machine;

  SignalBroadcaster(
      SignalSubscriptionRepository subscriptions,
      ProcessInstanceRepository processInstances,
      ElementInstanceRepository elementInstances,
      ProcessDefinitionRepository definitions,
      TokenMachine machine) {
    this.subscriptions = subscriptions;
    this.processInstances = processInstances;
    this.elementInstances = elementInstances;
    this.definitions = definitions;
    this.machine = machine;
  }

  void broadcast(String tenantId, String signalName, Map<String, Object> variables) {
    List<SignalSubscriptionRecord> found = subscriptions.findByName(tenantId, signalName);
    Map<Long, ProcessInstanceRecord> locked = lockInstances(found);
    for (SignalSubscriptionRecord subscription : found) {
      if (subscription.startEvent()) {
        ProcessDefinitionRecord definition =
            definitions
                .findByKey(subscription.processDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("No definition for " + subscription));
        machine.createInstanceAt(definition, subscription.elementId(), variables);
      } else {
        trigger(subscription, locked.get(subscription.processInstanceKey()), variables);
      }
    }
  }

  private void trigger(
      SignalSubscriptionRecord subscription,
      ProcessInstanceRecord instance,
      Map<String, Object> variables) {
    if (instance == null || !subscriptions.exists(subscription.key())) {
      return;
    }
    // the instance row is locked: read its state as this transaction sees it now
    boolean active =
        processInstances.find(instance.key()).map(ProcessInstanceRecord::isActive).orElse(false);
    boolean waiting =
        elementInstances
            .find(subscription.elementInstanceKey())
            .map(ElementInstanceRecord::isActive)
            .orElse(false);
    if (active && waiting) {
      machine.triggerEvent(
          instance, subscription.elementInstanceKey(), subscription.elementId(), variables);
    }
  }

  /**
   * Locks the instances of the subscriptions, each tree's root first and the trees in the order of
   * their roots' keys, so that two broadcasts never wait for each other's locks in a cycle; every
   * other command locks one tree only.
   */
  private Map<Long, ProcessInstanceRecord> lockInstances(List<SignalSubscriptionRecord> found) {
    List<ProcessInstanceRecord> instances =
        found.stream()
            .map(SignalSubscriptionRecord::processInstanceKey)
            .filter(Objects::nonNull)
            .distinct()
            .map(processInstances::find)
            .flatMap(Optional::stream)
            .sorted(
                Comparator.comparingLong(ProcessInstanceRecord::lockKey)
                    .thenComparingLong(ProcessInstanceRecord::key))
            .toList();
    Map<Long, ProcessInstanceRecord> locked = new HashMap<>();
    for (ProcessInstanceRecord instance : instances) {
      processInstances.lock(instance.key()).ifPresent(l -> locked.put(l.key(), l));
    }
    return locked;
  }
}
