package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.TimerBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an activity with boundary events waits for besides its own work: the timers of its timer
 * boundary events and the subscriptions of its message boundary events, both held by the activity's
 * element instance (with the boundary event's id) and evaluated in its scope when it is activated,
 * and cancelled/closed when it ends. Error boundary events wait for nothing (see ErrorCatcher).
 */
@Component
class BoundaryEventWaits {

  /** A message boundary event whose buffered message correlated as its subscription opened. */
  record Correlated(String boundaryEventId, Map<String, Object> variables) {}

  private final TimerBehavior timers;
  private final MessageSubscriptionBehavior subscriptions;

  BoundaryEventWaits(TimerBehavior timers, MessageSubscriptionBehavior subscriptions) {
    this.timers = timers;
    this.subscriptions = subscriptions;
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
    if (element.boundaryEventIds().isEmpty()) {
      return Optional.of(List.of());
    }
    close(context.key());
    List<Correlated> correlated = new ArrayList<>();
    for (String boundaryId : element.boundaryEventIds()) {
      ExecutableElement boundary = graph.element(boundaryId);
      try {
        TimerDefinition timer = boundary.settings(TimerDefinition.class);
        if (timer != null) {
          timers.schedule(
              context.processInstance(), context.key(), boundaryId, timer, context.variables());
        }
        if (boundary.kind() == ElementKind.BOUNDARY_MESSAGE_EVENT) {
          subscriptions
              .openFor(
                  context.processInstance(),
                  context.key(),
                  boundaryId,
                  boundary.settings(MessageDefinition.class),
                  context.variables())
              .ifPresent(values -> correlated.add(new Correlated(boundaryId, values)));
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

  /** The element ended (completed or terminated): its boundary events no longer wait. */
  void close(long elementInstanceKey) {
    timers.cancel(elementInstanceKey);
    subscriptions.close(elementInstanceKey);
  }
}
