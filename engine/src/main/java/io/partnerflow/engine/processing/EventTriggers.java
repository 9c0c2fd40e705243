package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.BoundaryEventDefinition;
import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.EventSubProcessStart;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.ElementInstanceRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of one run's instance: boundary events and event sub-processes when what they wait for
 * occurs (timer, message, signal, caught error or escalation), and BPMN errors and escalations
 * thrown at an element, caught by the innermost matching catch event here or in the instances that
 * called this one. Tokens move through the run ({@link TokenMachine.Run}): it activates and
 * terminates, this decides what.
 */
final class EventTriggers {

  private final TokenMachine.Run run;
  private final BoundaryEventWaits boundaryWaits;
  private final VariableBehavior variables;

  EventTriggers(
      TokenMachine.Run run, BoundaryEventWaits boundaryWaits, VariableBehavior variables) {
    this.run = run;
    this.boundaryWaits = boundaryWaits;
    this.variables = variables;
  }

  /**
   * Events (message boundary events, message starts of event sub-processes) whose buffered message
   * correlated while their element was activated.
   */
  void triggerCorrelatedBoundaries(long hostKey, List<BoundaryEventWaits.Correlated> correlated) {
    for (BoundaryEventWaits.Correlated event : correlated) {
      ElementInstanceRecord host = run.elementInstance(hostKey);
      if (!host.isActive()) {
        return;
      }
      triggerHeldEvent(host, run.graph().element(event.boundaryEventId()), event.variables());
    }
  }

  /** An event that {@code owner} waits for occurred: a boundary event or an event sub-process. */
  void triggerHeldEvent(
      ElementInstanceRecord owner, ExecutableElement event, Map<String, Object> values) {
    if (event.settings(EventSubProcessStart.class) != null) {
      triggerEventSubProcess(owner, event, values, Map.of());
    } else {
      triggerBoundary(owner, event, values, Map.of());
    }
  }

  /**
   * The start event of an event sub-process in {@code scope} is triggered (timer, message, caught
   * error). Interrupting: the rest of the scope's content is terminated and its other event
   * sub-processes stop waiting; the scope completes after the event sub-process. Non-interrupting:
   * it runs beside the content (a message start waits for the next message). The event's variables
   * are local to the start event with output mappings (with {@code eventLocals}), otherwise they
   * propagate from the event sub-process outwards.
   */
  void triggerEventSubProcess(
      ElementInstanceRecord scope,
      ExecutableElement start,
      Map<String, Object> values,
      Map<String, Object> eventLocals) {
    ExecutableElement scopeElement = run.element(scope);
    Optional<Map<String, Object>> next = Optional.empty();
    if (start.settings(EventSubProcessStart.class).interrupting()) {
      boundaryWaits.closeEventSubProcesses(scope.key(), scopeElement, run.graph());
      run.terminateContent(scope.key(), scopeElement, null);
    } else if (start.kind() == ElementKind.EVENT_SUB_PROCESS_MESSAGE_START_EVENT) {
      next = boundaryWaits.reopen(new ElementContext(run, scopeElement, scope), start.id());
    }
    ElementInstanceRecord eventSubProcess =
        run.activate(run.graph().element(start.flowScopeId()), scope.key(), Map.of());
    if (start.outputMappings().isEmpty()) {
      if (!values.isEmpty()) {
        variables.propagate(
            run.scopeChain(eventSubProcess.key()), run.processInstance().key(), values);
      }
      run.activate(start, eventSubProcess.key(), Map.of());
    } else {
      Map<String, Object> locals = new HashMap<>(eventLocals);
      locals.putAll(values);
      run.activate(start, eventSubProcess.key(), locals);
    }
    if (next.isPresent()) {
      triggerEventSubProcess(scope, start, next.get(), Map.of());
    }
  }

  /**
   * A boundary event is triggered (timer fired, error caught, message correlated): an interrupting
   * one terminates its host first. The event's variables are local to it when it has output
   * mappings (with {@code eventLocals}, e.g. the error code, which only those mappings see),
   * otherwise they propagate into the host's flow scope.
   */
  void triggerBoundary(
      ElementInstanceRecord host,
      ExecutableElement boundary,
      Map<String, Object> values,
      Map<String, Object> eventLocals) {
    BoundaryEventDefinition definition = boundary.settings(BoundaryEventDefinition.class);
    Optional<Map<String, Object>> next = Optional.empty();
    if (definition.interrupting()) {
      run.terminate(host);
    } else if (boundary.kind() == ElementKind.BOUNDARY_MESSAGE_EVENT) {
      next = boundaryWaits.reopen(new ElementContext(run, run.element(host), host), boundary.id());
    }
    Long scopeKey = host.flowScopeKey();
    if (boundary.outputMappings().isEmpty()) {
      if (!values.isEmpty()) {
        variables.propagate(run.scopeChain(scopeKey), run.processInstance().key(), values);
      }
      run.activate(boundary, scopeKey, Map.of());
    } else {
      Map<String, Object> locals = new HashMap<>(eventLocals);
      locals.putAll(values);
      run.activate(boundary, scopeKey, locals);
    }
    if (next.isPresent()) {
      // a buffered message was waiting for the reopened subscription
      triggerBoundary(host, boundary, next.get(), Map.of());
    }
  }

  /**
   * Throws a BPMN error at an element instance: the innermost matching catch event of this instance
   * catches it, else one of the calling instances' ({@link #catchInCaller}). Empty when caught,
   * otherwise the incident message; nothing changed then.
   */
  Optional<String> throwError(ElementInstanceRecord thrower, ThrownError error) {
    List<ElementInstanceRecord> scopes =
        run.scopeChain(thrower.key()).stream().map(run::elementInstance).toList();
    ErrorCatcher.Result result = ErrorCatcher.find(run.graph(), scopes, error.code());
    if (result.found().isPresent()) {
      catchError(result.found().get(), error);
      return Optional.empty();
    }
    if (catchInCaller(error)) {
      // the calling instance's run terminated this instance: nothing is left to do here
      run.abandon();
      return Optional.empty();
    }
    return Optional.of(error.unhandledMessage(result.available()));
  }

  /**
   * Nothing in this instance catches the error: as in Camunda 8, the search goes on at the call
   * activity that created it, in the calling instance (its boundary events, its flow scopes, then
   * that instance's own caller), in the caller's run when it is on the stack (the child was just
   * created), else in a new one. Caught there, the call activity is terminated and this instance
   * with it; not caught, nothing changed and the incident stays with the thrower here.
   */
  private boolean catchInCaller(ThrownError error) {
    if (!run.processInstance().isCalled()) {
      return false;
    }
    TokenMachine.Run callerRun = run.callerRun();
    ElementInstanceRecord callActivity =
        callerRun.elementInstance(run.processInstance().parentElementInstanceKey());
    if (!callActivity.isActive()
        || callerRun.events().throwError(callActivity, error).isPresent()) {
      return false;
    }
    if (!run.callerOnStack()) {
      callerRun.drain();
    }
    return true;
  }

  /**
   * Throws an escalation at a throw event (intermediate or end): the innermost matching catch event
   * of its enclosing scopes catches it ({@link EscalationCatcher}), else one of the calling
   * instances', from their call activities outwards. Returns whether the throw event goes on: not
   * when an interrupting catch event took it (which terminated the thrower with its scope). An
   * escalation that nothing catches is no incident: the throw event goes on (Camunda 8).
   */
  boolean throwEscalation(ElementInstanceRecord thrower, String code) {
    List<ElementInstanceRecord> scopes =
        run.scopeChain(thrower.key()).stream().skip(1).map(run::elementInstance).toList();
    return escalate(scopes, code);
  }

  private boolean escalate(List<ElementInstanceRecord> scopesInnermostFirst, String code) {
    Optional<EscalationCatcher.Catch> found =
        EscalationCatcher.find(run.graph(), scopesInnermostFirst, code);
    if (found.isEmpty()) {
      return escalateInCaller(code);
    }
    EscalationCatcher.Catch caught = found.get();
    if (caught.boundary()) {
      triggerBoundary(caught.scope(), caught.catchEvent(), Map.of(), Map.of());
    } else {
      triggerEventSubProcess(caught.scope(), caught.catchEvent(), Map.of(), Map.of());
    }
    return !caught.interrupting();
  }

  /**
   * Nothing in this instance catches the escalation: the search goes on at the call activity that
   * created it (its boundary events, its flow scopes, then that instance's own caller). Caught
   * there by an interrupting event, the call activity is terminated and this instance with it.
   */
  private boolean escalateInCaller(String code) {
    if (!run.processInstance().isCalled()) {
      return true;
    }
    TokenMachine.Run callerRun = run.callerRun();
    ElementInstanceRecord callActivity =
        callerRun.elementInstance(run.processInstance().parentElementInstanceKey());
    if (!callActivity.isActive()) {
      return true;
    }
    List<ElementInstanceRecord> scopes =
        callerRun.scopeChain(callActivity.key()).stream().map(callerRun::elementInstance).toList();
    boolean goesOn = callerRun.events().escalate(scopes, code);
    if (!run.callerOnStack()) {
      callerRun.drain();
    }
    if (!goesOn) {
      // the calling instance's run terminated this instance: nothing is left to do here
      run.abandon();
    }
    return goesOn;
  }

  private void catchError(ErrorCatcher.Catch found, ThrownError error) {
    Map<String, Object> eventLocals = new HashMap<>();
    eventLocals.put("errorCode", error.code());
    if (error.message() != null) {
      eventLocals.put("errorMessage", error.message());
    }
    if (found.boundary()) {
      triggerBoundary(found.scope(), found.catchEvent(), error.variables(), eventLocals);
    } else {
      triggerEventSubProcess(found.scope(), found.catchEvent(), error.variables(), eventLocals);
    }
  }
}
