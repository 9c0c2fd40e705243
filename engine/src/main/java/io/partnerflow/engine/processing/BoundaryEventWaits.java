package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.SignalSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.TimerBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an element waits for besides its own work: the timers, message and signal subscriptions of
 * its boundary events and — for a container — of the start events of its event sub-processes, held
 * by the element's instance (with the event's id), evaluated in its scope when it is activated, and
 * cancelled/closed when it ends. Error events wait for nothing (see ErrorCatcher).
 */
@Component
class BoundaryEventWaits {

  /** A message boundary event whose buffered message correlated as its subscription opened. */
  record Correlated(String boundaryEventId, Map<String, Object> variables) {}

  private final TimerBehavior timers;
  private final MessageSubscriptionBehavior subscriptions;
  private final SignalSubscriptionBehavior signals;

  BoundaryEventWaits(
      TimerBehavior timers,
      MessageSubscriptionBehavior subscriptions,
      SignalSubscriptionBehavior signals) {
    this.timers = timers;
    this.subscriptions = subscriptions;
    this.signals = signals;
  }

  /**
   * Schedules the boundary timers and opens the boundary subscriptions of a just activated element
   * (again, after an incident: what an earlier attempt opened is closed first). Empty when one
   * cannot be evaluated: an incident is open on the element and nothing stays open. Otherwise the
   * boundary events whose buffered message correlated at once — the caller triggers them after the
   * element's own activation.
   */
  Optional<List<Correlated>> open(ElementContext context, ExecutableProcess graph) {
    ExecutableElement element = context.element();
    if (!holdsEvents(element)) {
      return Optional.of(List.of());
    }
    close(context.key());
    List<Correlated> correlated = new ArrayList<>();
    for (ExecutableElement boundary : heldEvents(element, graph)) {
      String boundaryId = boundary.id();
      try {
        TimerDefinition timer = boundary.settings(TimerDefinition.class);
        if (timer != null) {
          timers.schedule(
              context.processInstance(), context.key(), boundaryId, timer, context.variables());
        }
        if (boundary.settings(MessageDefinition.class) != null) {
          subscriptions
              .openFor(
                  context.processInstance(),
                  context.key(),
                  boundaryId,
                  boundary.settings(MessageDefinition.class),
                  context.variables())
              .ifPresent(values -> correlated.add(new Correlated(boundaryId, values)));
        }
        SignalDefinition signal = boundary.settings(SignalDefinition.class);
        if (signal != null) {
          signals.open(
              context.processInstance(), context.key(), boundaryId, signal, context.variables());
        }
      } catch (ExpressionException e) {
        close(context.key());
        context.raiseIncident(
            IncidentBehavior.EXTRACT_VALUE_ERROR,
            "Boundary event '%s': %s".formatted(boundaryId, e.getMessage()));
        return Optional.empty();
      }
    }
    return Optional.of(correlated);
  }

  /**
   * A non-interrupting message boundary event was triggered while its host goes on: it waits for
   * the next message (same name and correlation key). A buffered one correlates at once: its
   * variables are returned.
   */
  Optional<Map<String, Object>> reopen(ElementContext host, String boundaryEventId) {
    return subscriptions.reopen(host.processInstance(), host.key(), boundaryEventId);
  }

  /** Whether the element holds timers or subscriptions for events (boundary, event sub-process). */
  static boolean holdsEvents(ExecutableElement element) {
    return !element.boundaryEventIds().isEmpty() || !element.eventSubProcessIds().isEmpty();
  }

  /** Its boundary events, then the start events of the event sub-processes it contains. */
  private static List<ExecutableElement> heldEvents(
      ExecutableElement element, ExecutableProcess graph) {
    List<ExecutableElement> events = new ArrayList<>();
    for (String id : element.boundaryEventIds()) {
      events.add(graph.element(id));
    }
    for (String id : element.eventSubProcessIds()) {
      events.add(graph.element(graph.element(id).eventStartEventId()));
    }
    return events;
  }

  /**
   * An interrupting event sub-process of {@code scope} was triggered: the scope's other event
   * sub-processes stop waiting (its boundary events still wait).
   */
  void closeEventSubProcesses(long scopeKey, ExecutableElement scope, ExecutableProcess graph) {
    for (String id : scope.eventSubProcessIds()) {
      String startId = graph.element(id).eventStartEventId();
      timers.cancel(scopeKey, startId);
      subscriptions.close(scopeKey, startId);
      signals.close(scopeKey, startId);
    }
  }

  /** The element ended (completed or terminated): its boundary events no longer wait. */
  void close(long elementInstanceKey) {
    timers.cancel(elementInstanceKey);
    subscriptions.close(elementInstanceKey);
    signals.close(elementInstanceKey);
  }
}
