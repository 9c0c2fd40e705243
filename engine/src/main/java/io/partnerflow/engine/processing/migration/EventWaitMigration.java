package io.partnerflow.engine.processing.migration;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.SignalSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.TimerBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.MigrationRepository;
import io.partnerflow.engine.state.MigrationRepository.HeldWait;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The timers and subscriptions of a migrated element instance, as Camunda migrates them. Its own
 * (an intermediate catch event's, a receive task's) follow the element. Those of its boundary
 * events (and of the start events of its event sub-processes) follow their mapping instruction,
 * keeping due date, message name and correlation key; an event without an instruction stops
 * waiting; an event of the target that no source event is mapped to starts waiting, evaluated in
 * the element's scope now (a buffered message may correlate at once: returned as triggered).
 */
@Component
class EventWaitMigration {

  /** A new message subscription that a buffered message correlated with as it opened. */
  record Triggered(long ownerKey, String eventId, Map<String, Object> variables) {}

  /** What one element's migration needs to know besides the element. */
  record Scope(
      long processInstanceKey,
      ProcessInstanceRecord migrated,
      ExecutableProcess source,
      ExecutableProcess target,
      Map<String, String> instructions,
      List<Long> scopeChain) {}

  private final MigrationRepository repository;
  private final TimerBehavior timers;
  private final MessageSubscriptionBehavior messages;
  private final SignalSubscriptionBehavior signals;
  private final VariableBehavior variables;

  EventWaitMigration(
      MigrationRepository repository,
      TimerBehavior timers,
      MessageSubscriptionBehavior messages,
      SignalSubscriptionBehavior signals,
      VariableBehavior variables) {
    this.repository = repository;
    this.timers = timers;
    this.messages = messages;
    this.signals = signals;
    this.variables = variables;
  }

  List<Triggered> migrate(MigratedElement element, Scope scope) {
    long owner = element.instance().key();
    Set<String> targetEvents = heldEvents(element.target(), scope.target());
    Map<String, String> covered = coveredTargetEvents(element, scope, targetEvents);
    for (HeldWait wait : repository.heldWaits(owner)) {
      String targetEventId =
          wait.elementId().equals(element.source().id())
              ? element.target().id()
              : scope.instructions().get(wait.elementId());
      if (targetEventId == null) {
        close(owner, wait);
      } else {
        repository.migrateWait(
            wait,
            targetEventId,
            scope.migrated().processDefinitionKey(),
            scope.target().bpmnProcessId());
      }
    }
    List<Triggered> triggered = new ArrayList<>();
    for (String eventId : targetEvents) {
      if (!covered.containsKey(eventId)) {
        open(owner, scope.target().element(eventId), scope).ifPresent(triggered::add);
      }
    }
    return triggered;
  }

  /**
   * Target event → the source event mapped to it, for the source element's events that have an
   * instruction; refused when it points elsewhere than an event of the target element, to another
   * kind of event, or when two events are mapped to one.
   */
  private Map<String, String> coveredTargetEvents(
      MigratedElement element, Scope scope, Set<String> targetEvents) {
    Map<String, String> covered = new HashMap<>();
    for (String sourceEventId : heldEvents(element.source(), scope.source())) {
      String targetEventId = scope.instructions().get(sourceEventId);
      if (targetEventId == null) {
        continue;
      }
      if (!targetEvents.contains(targetEventId)) {
        throw rejected(
            scope,
            ("the event '%s' of active element '%s' is mapped to '%s', which is neither a boundary"
                    + " event of '%s' nor the start event of one of its event sub-processes")
                .formatted(
                    sourceEventId, element.source().id(), targetEventId, element.target().id()));
      }
      ExecutableElement from = scope.source().element(sourceEventId);
      ExecutableElement to = scope.target().element(targetEventId);
      if (from.kind() != to.kind()) {
        throw rejected(
            scope,
            ("the event '%s' (%s) is mapped to '%s' of a different type (%s). Events must be mapped"
                    + " to events of the same type.")
                .formatted(sourceEventId, from.kind(), targetEventId, to.kind()));
      }
      String other = covered.putIfAbsent(targetEventId, sourceEventId);
      if (other != null) {
        throw rejected(
            scope,
            "the events '%s' and '%s' are both mapped to '%s'; map each to its own event"
                .formatted(other, sourceEventId, targetEventId));
      }
    }
    return covered;
  }

  private java.util.Optional<Triggered> open(long owner, ExecutableElement event, Scope scope) {
    VariableLookup lookup = () -> variables.visible(scope.scopeChain());
    try {
      TimerDefinition timer = event.settings(TimerDefinition.class);
      if (timer != null) {
        timers.schedule(scope.migrated(), owner, event.id(), timer, lookup);
      }
      SignalDefinition signal = event.settings(SignalDefinition.class);
      if (signal != null) {
        signals.open(scope.migrated(), owner, event.id(), signal, lookup);
      }
      MessageDefinition message = event.settings(MessageDefinition.class);
      if (message != null) {
        return messages
            .openFor(scope.migrated(), owner, event.id(), message, lookup)
            .map(values -> new Triggered(owner, event.id(), values));
      }
    } catch (ExpressionException e) {
      throw rejected(
          scope,
          "the target's event '%s' cannot start waiting: %s".formatted(event.id(), e.getMessage()));
    }
    return java.util.Optional.empty();
  }

  private void close(long owner, HeldWait wait) {
    switch (wait.kind()) {
      case TIMER -> timers.cancel(owner, wait.elementId());
      case MESSAGE -> messages.close(owner, wait.elementId());
      case SIGNAL -> signals.close(owner, wait.elementId());
    }
  }

  /** The boundary events of an element, then the start events of its event sub-processes. */
  private static Set<String> heldEvents(ExecutableElement element, ExecutableProcess graph) {
    Set<String> events = new LinkedHashSet<>(element.boundaryEventIds());
    for (String id : element.eventSubProcessIds()) {
      events.add(graph.element(id).eventStartEventId());
    }
    return events;
  }

  private static RuntimeException rejected(Scope scope, String detail) {
    return ElementMapping.rejected(scope.processInstanceKey(), detail);
  }
}
