package io.partnerflow.engine.command;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.SignalSubscriptionRecord;
import io.partnerflow.engine.state.SignalSubscriptionRepository;
import org.springframework.stereotype.Component;

/**
 * Signal start events, as in Camunda 8: subscriptions exist for the latest version of a process
 * only; deploying a version subscribes its signal start events and deletes those of the previous
 * versions. A broadcast then creates an instance at each (SignalBroadcaster).
 */
@Component
class SignalStartEvents {

  private final SignalSubscriptionRepository subscriptions;
  private final KeyGenerator keys;
  private final EngineClock clock;

  SignalStartEvents(
      SignalSubscriptionRepository subscriptions, KeyGenerator keys, EngineClock clock) {
    this.subscriptions = subscriptions;
    this.keys = keys;
    this.clock = clock;
  }

  void subscribe(ProcessDefinitionRecord definition, ExecutableProcess graph) {
    subscriptions.deleteStartEvents(definition.tenantId(), definition.bpmnProcessId());
    for (ExecutableElement element : graph.elements().values()) {
      SignalDefinition signal = element.settings(SignalDefinition.class);
      if (element.kind() == ElementKind.SIGNAL_START_EVENT && signal != null) {
        subscriptions.insert(
            new SignalSubscriptionRecord(
                keys.next(),
                signal.name().source(),
                definition.tenantId(),
                definition.key(),
                definition.bpmnProcessId(),
                element.id(),
                null,
                null,
                clock.nowAtUtc()));
      }
    }
  }
}
