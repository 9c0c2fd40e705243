package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.BoundaryEventDefinition;
import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.EscalationDefinition;
import io.partnerflow.engine.deployment.EventSubProcessStart;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.state.ElementInstanceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the catch event of a thrown escalation within one process instance, as Camunda 8 does: from
 * the innermost enclosing scope outwards, at each element instance the escalation event
 * sub-processes it contains and the escalation boundary events attached to it; within one level an
 * event with the escalation's code wins over a catch-all. The event sub-processes of a scope that
 * an interrupting event sub-process has taken over wait no longer and catch nothing. Beyond the
 * process root, the search goes on in the calling instance (EventTriggers#throwEscalation).
 */
final class EscalationCatcher {

  /** Where an escalation is caught: the catch event and the element instance it belongs to. */
  record Catch(ElementInstanceRecord scope, ExecutableElement catchEvent, boolean interrupting) {

    /** A boundary event (its host is {@code scope}) rather than an event sub-process start. */
    boolean boundary() {
      return catchEvent.kind() == ElementKind.BOUNDARY_ESCALATION_EVENT;
    }
  }

  private EscalationCatcher() {}

  static Optional<Catch> find(
      ExecutableProcess graph, List<ElementInstanceRecord> scopesInnermostFirst, String code) {
    boolean interrupted = false;
    for (ElementInstanceRecord scope : scopesInnermostFirst) {
      ExecutableElement element = graph.element(scope.elementId(), scope.elementType());
      List<ExecutableElement> candidates = new ArrayList<>();
      if (!interrupted) {
        for (String id : element.eventSubProcessIds()) {
          ExecutableElement start = graph.element(graph.element(id).eventStartEventId());
          if (start.kind() == ElementKind.EVENT_SUB_PROCESS_ESCALATION_START_EVENT) {
            candidates.add(start);
          }
        }
      }
      for (String id : element.boundaryEventIds()) {
        ExecutableElement boundary = graph.element(id);
        if (boundary.kind() == ElementKind.BOUNDARY_ESCALATION_EVENT) {
          candidates.add(boundary);
        }
      }
      Optional<ExecutableElement> match =
          candidates.stream()
              .filter(c -> c.settings(EscalationDefinition.class).matches(code))
              .findFirst()
              .or(
                  () ->
                      candidates.stream()
                          .filter(c -> c.settings(EscalationDefinition.class).catchesAll())
                          .findFirst());
      if (match.isPresent()) {
        return Optional.of(new Catch(scope, match.get(), interrupting(match.get())));
      }
      interrupted = isInterruptingEventSubProcess(element, graph);
    }
    return Optional.empty();
  }

  /** Whether the element is an interrupting event sub-process (its scope was taken over). */
  private static boolean isInterruptingEventSubProcess(
      ExecutableElement element, ExecutableProcess graph) {
    return element.kind() == ElementKind.EVENT_SUB_PROCESS
        && graph
            .element(element.eventStartEventId())
            .settings(EventSubProcessStart.class)
            .interrupting();
  }

  private static boolean interrupting(ExecutableElement catchEvent) {
    EventSubProcessStart start = catchEvent.settings(EventSubProcessStart.class);
    if (start != null) {
      return start.interrupting();
    }
    return catchEvent.settings(BoundaryEventDefinition.class).interrupting();
  }
}
