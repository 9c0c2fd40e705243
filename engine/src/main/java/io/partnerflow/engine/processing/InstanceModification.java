package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.processing.ModificationActivation.ScopedVariables;
import io.partnerflow.engine.processing.behavior.JoinBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a process instance modification to one run, as Camunda 8 documents it: first every
 * activation (in order), then every termination. An element is activated as if its incoming flow
 * was taken (input mappings, subscriptions, its processor); missing flow scopes are created on the
 * way — without their start event and input mappings, but with their boundary events and event
 * sub-process subscriptions. Terminating the last active element of a scope terminates the scope,
 * up to the process instance; not, though, the last one of a called instance (rejected). The caller
 * validated the instructions against the model ({@code ModifyProcessInstanceCommand}); what depends
 * on the state is checked here and rejected with {@link ModificationRejected}.
 */
final class InstanceModification {

  private final TokenMachine.Run run;
  private final ElementInstanceRepository elementInstances;
  private final VariableBehavior variables;
  private final JoinBehavior joins;

  InstanceModification(
      TokenMachine.Run run,
      ElementInstanceRepository elementInstances,
      VariableBehavior variables,
      JoinBehavior joins) {
    this.run = run;
    this.elementInstances = elementInstances;
    this.variables = variables;
    this.joins = joins;
  }

  void activate(ModificationActivation activation) {
    ExecutableElement element = run.graph().element(activation.elementId());
    List<ExecutableElement> flowScopes = flowScopes(element);
    // element id → the instance of it that the element is activated in (existing or created)
    Map<String, Long> scopeInstances = new LinkedHashMap<>();
    ElementInstanceRecord current = run.elementInstance(run.processInstance().key());
    int next = 0;
    if (activation.ancestorElementInstanceKey() != null) {
      current = run.elementInstance(activation.ancestorElementInstanceKey());
      if (!current.isActive()) {
        throw rejected(
            "with an ancestor scope key that does not exist, or is not in an active state: '%d'"
                .formatted(current.key()));
      }
      for (Long key : run.scopeChain(current.key())) {
        scopeInstances.put(run.elementInstance(key).elementId(), key);
      }
      next = ancestorLevel(flowScopes, current, element);
    } else {
      scopeInstances.put(current.elementId(), current.key());
      while (next < flowScopes.size()) {
        List<ElementInstanceRecord> active = activeInstancesOf(flowScopes.get(next), current.key());
        if (active.size() > 1) {
          throw rejected(
              ("for an element that has a flow scope with more than one active element instance:"
                      + " '%s'. Can't decide in which instance of the flow scope the element should"
                      + " be activated. Please specify an ancestor element instance key for this"
                      + " activate instruction.")
                  .formatted(element.id()));
        }
        if (active.isEmpty()) {
          break;
        }
        current = active.get(0);
        scopeInstances.put(current.elementId(), current.key());
        next++;
      }
    }
    for (int i = next; i < flowScopes.size(); i++) {
      current = run.activateScope(flowScopes.get(i), current.key());
      scopeInstances.put(current.elementId(), current.key());
    }
    Map<String, Object> elementLocals = new HashMap<>();
    for (ScopedVariables scoped : activation.variables()) {
      if (scoped.scopeId() == null) {
        variables.setLocal(
            run.processInstance().key(), run.processInstance().key(), scoped.variables());
      } else if (scoped.scopeId().equals(element.id())) {
        elementLocals.putAll(scoped.variables());
      } else {
        variables.setLocal(
            scopeInstances.get(scoped.scopeId()), run.processInstance().key(), scoped.variables());
      }
    }
    ElementInstanceRecord activated = run.activate(element, current.key(), elementLocals);
    if (element.eventStartEventId() != null && activated.isActive()) {
      // an event sub-process is entered at its start event, as when its event occurs
      run.activate(run.graph().element(element.eventStartEventId()), activated.key(), Map.of());
    }
  }

  void terminate(long elementInstanceKey) {
    ElementInstanceRecord instance = run.elementInstance(elementInstanceKey);
    if (!instance.isActive()) {
      return; // ended with its flow scope by an earlier instruction of this modification
    }
    if (instance.flowScopeKey() == null) {
      terminateProcessInstance(instance);
      return;
    }
    run.terminate(instance);
    terminateIfEmpty(instance.flowScopeKey());
  }

  /** A scope whose last active element was terminated is terminated too, up to the process. */
  private void terminateIfEmpty(long scopeKey) {
    ElementInstanceRecord scope = run.elementInstance(scopeKey);
    if (!scope.isActive()
        || run.hasPendingArrivals(scopeKey)
        || elementInstances.hasActiveChildren(scopeKey)) {
      return;
    }
    if (run.element(scope).hasJoiningGateway() && joins.anyWaiting(scopeKey)) {
      run.enqueueScopeCheck(scopeKey); // tokens held at a join: an inclusive one may go on now
      return;
    }
    if (scope.flowScopeKey() == null) {
      terminateProcessInstance(scope);
      return;
    }
    run.terminate(scope);
    terminateIfEmpty(scope.flowScopeKey());
  }

  private void terminateProcessInstance(ElementInstanceRecord process) {
    ProcessInstanceRecord instance = run.processInstance();
    if (instance.isCalled()) {
      throw new ModificationRejected(
          ("Expected to modify instance of process '%s' but it contains one or more terminate"
                  + " instructions that would terminate all active element instances of a child"
                  + " process instance '%d'. Terminate the call activity in the parent process"
                  + " instance instead.")
              .formatted(instance.bpmnProcessId(), instance.key()));
    }
    run.terminate(process);
    run.endProcessInstance(ProcessInstanceRecord.TERMINATED);
  }

  /** The element's flow scopes below the process, outermost first. */
  private static List<ExecutableElement> flowScopes(ExecutableElement element) {
    List<ExecutableElement> scopes = new ArrayList<>();
    for (ExecutableElement scope = element.flowScope();
        scope != null && scope.flowScope() != null;
        scope = scope.flowScope()) {
      scopes.add(0, scope);
    }
    return scopes;
  }

  /** The index in {@code flowScopes} below the given ancestor instance's element. */
  private int ancestorLevel(
      List<ExecutableElement> flowScopes,
      ElementInstanceRecord ancestor,
      ExecutableElement element) {
    if (ancestor.flowScopeKey() == null) {
      return 0;
    }
    for (int i = 0; i < flowScopes.size(); i++) {
      if (flowScopes.get(i).id().equals(ancestor.elementId())) {
        return i + 1;
      }
    }
    throw rejected(
        "with an ancestor scope key that is not an ancestor of the element to activate: '%d' (%s)"
            .formatted(ancestor.key(), element.id()));
  }

  private List<ElementInstanceRecord> activeInstancesOf(ExecutableElement scope, long parentKey) {
    return elementInstances.findActiveChildren(parentKey).stream()
        .filter(child -> child.elementId().equals(scope.id()))
        .toList();
  }

  private ModificationRejected rejected(String detail) {
    return new ModificationRejected(
        "Expected to modify instance of process '%s' but it contains one or more activate"
                .formatted(run.processInstance().bpmnProcessId())
            + " instructions "
            + detail);
  }
}
