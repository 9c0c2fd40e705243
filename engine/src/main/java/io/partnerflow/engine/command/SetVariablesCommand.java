package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * PUT /v2/element-instances/{key}/variables: sets variables on a scope (an element instance or the
 * process instance). {@code local}: all on that scope. Otherwise as Camunda merges: each variable
 * is updated in the innermost scope (from this one outwards) that has it, or created on the process
 * instance. 404 unknown scope, 409 scope not active.
 */
@Component
public class SetVariablesCommand {

  private final ElementInstanceRepository elementInstances;
  private final ProcessInstanceRepository processInstances;
  private final VariableBehavior variables;
  private final UserTaskTransitions userTasks;

  public SetVariablesCommand(
      ElementInstanceRepository elementInstances,
      ProcessInstanceRepository processInstances,
      VariableBehavior variables,
      UserTaskTransitions userTasks) {
    this.userTasks = userTasks;
    this.elementInstances = elementInstances;
    this.processInstances = processInstances;
    this.variables = variables;
  }

  /**
   * @return true when the scope is a user task whose updating listeners run first (the variables
   *     are set after them)
   */
  @Transactional
  public boolean execute(long elementInstanceKey, Map<String, Object> values, boolean local) {
    ElementInstanceRecord unlocked =
        elementInstances
            .find(elementInstanceKey)
            .orElseThrow(() -> EngineException.notFound("Element instance", elementInstanceKey));
    ProcessInstanceRecord instance =
        processInstances
            .lock(unlocked.processInstanceKey())
            .orElseThrow(() -> EngineException.notFound("Element instance", elementInstanceKey));
    ElementInstanceRecord scope = elementInstances.find(elementInstanceKey).orElseThrow();
    if (!scope.isActive()) {
      throw EngineException.invalidState(
          "Expected to set variables on an active element instance with key '%d', but it is %s"
              .formatted(elementInstanceKey, scope.state()));
    }
    if ("USER_TASK".equals(scope.elementType())
        && userTasks.updateVariables(instance, scope.key(), values, local)) {
      return true; // the task's updating listeners run first (Camunda 8.8)
    }
    if (local) {
      variables.setLocal(scope.key(), scope.processInstanceKey(), values);
    } else {
      variables.propagate(scopeChain(scope), scope.processInstanceKey(), values);
    }
    return false;
  }

  private List<Long> scopeChain(ElementInstanceRecord scope) {
    List<Long> chain = new ArrayList<>();
    ElementInstanceRecord current = scope;
    while (current != null) {
      chain.add(current.key());
      current =
          current.flowScopeKey() == null
              ? null
              : elementInstances.find(current.flowScopeKey()).orElse(null);
    }
    return chain;
  }
}
