package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ErrorDefinition;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.state.ElementInstanceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the catch event of a thrown BPMN error within one process instance: the innermost scope
 * first — the element where it was thrown, then each enclosing sub-process out to the process. At
 * each element instance: the error event sub-processes it contains (when it is a container), then
 * the error boundary events attached to it; within one level an event with the error's code wins
 * over a catch-all. Beyond the process root, the search goes on in the calling instance, from its
 * call activity (EventTriggers#catchInCaller).
 */
final class ErrorCatcher {

  /** Where an error is caught: the catch event and the element instance it belongs to. */
  record Catch(ElementInstanceRecord scope, ExecutableElement catchEvent) {

    /** A boundary event (its host is {@code scope}) rather than an event sub-process start. */
    boolean boundary() {
      return catchEvent.kind() == ElementKind.BOUNDARY_ERROR_EVENT;
    }
  }

  /** The search's result: the catch, if any, and every error catch event it passed. */
  record Result(Optional<Catch> found, List<String> available) {}

  private ErrorCatcher() {}

  static Result find(
      ExecutableProcess graph, List<ElementInstanceRecord> scopesInnermostFirst, String code) {
    List<String> available = new ArrayList<>();
    boolean fromEventSubProcess = false;
    for (ElementInstanceRecord scope : scopesInnermostFirst) {
      ExecutableElement element = graph.element(scope.elementId(), scope.elementType());
      List<ExecutableElement> candidates = new ArrayList<>();
      // an error thrown inside an event sub-process is not caught by its siblings
      List<String> eventSubProcesses =
          fromEventSubProcess ? List.of() : element.eventSubProcessIds();
      fromEventSubProcess = element.kind() == ElementKind.EVENT_SUB_PROCESS;
      for (String id : eventSubProcesses) {
        ExecutableElement start = graph.element(graph.element(id).eventStartEventId());
        if (start.kind() == ElementKind.ERROR_START_EVENT) {
          candidates.add(start);
        }
      }
      for (String id : element.boundaryEventIds()) {
        ExecutableElement boundary = graph.element(id);
        if (boundary.kind() == ElementKind.BOUNDARY_ERROR_EVENT) {
          candidates.add(boundary);
        }
      }
      candidates.forEach(c -> available.add(c.id()));
      Optional<ExecutableElement> match =
          candidates.stream()
              .filter(c -> matchesCode(c, code))
              .findFirst()
              .or(() -> candidates.stream().filter(ErrorCatcher::catchesAll).findFirst());
      if (match.isPresent()) {
        return new Result(Optional.of(new Catch(scope, match.get())), available);
      }
    }
    return new Result(Optional.empty(), available);
  }

  private static boolean matchesCode(ExecutableElement candidate, String code) {
    ErrorDefinition error = candidate.settings(ErrorDefinition.class);
    return error != null && !error.catchesAll() && error.catches(code);
  }

  private static boolean catchesAll(ExecutableElement candidate) {
    ErrorDefinition error = candidate.settings(ErrorDefinition.class);
    return error != null && error.catchesAll();
  }
}
