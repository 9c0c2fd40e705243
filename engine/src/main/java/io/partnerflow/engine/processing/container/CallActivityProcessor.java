package io.partnerflow.engine.processing.container;

import io.partnerflow.engine.deployment.CalledElement;
import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A call activity (zeebe:calledElement): creates an instance of the latest version of the called
 * process, with the call activity's variables (all visible ones, or only its local ones when {@code
 * propagateAllParentVariables} is false), and waits until that instance completes (the token
 * machine then completes the call activity with the child's variables, see {@link
 * CalledElement#returnedVariables}). Terminating the call activity terminates the child. Failures
 * open incidents as in Camunda 8: EXTRACT_VALUE_ERROR (the processId expression),
 * CALLED_ELEMENT_ERROR (no such process, or one without a none start event); resolving them after
 * deploying the process creates the child.
 */
@Component
class CallActivityProcessor implements ElementProcessor {

  private final ProcessDefinitionRepository definitions;
  private final VariableBehavior variables;
  private final FeelEvaluator feel;

  CallActivityProcessor(
      ProcessDefinitionRepository definitions, VariableBehavior variables, FeelEvaluator feel) {
    this.definitions = definitions;
    this.variables = variables;
    this.feel = feel;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.CALL_ACTIVITY;
  }

  @Override
  public void onActivate(ElementContext context) {
    CalledElement called = context.element().settings(CalledElement.class);
    String processId;
    try {
      processId = feel.evaluateString(called.processId(), context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    Optional<ProcessDefinitionRecord> definition = definitions.findLatest(processId);
    if (definition.isEmpty()) {
      context.raiseIncident(
          IncidentBehavior.CALLED_ELEMENT_ERROR,
          "Expected process with BPMN process id '%s' to be deployed, but not found."
              .formatted(processId));
      return;
    }
    if (!context.hasNoneStartEvent(definition.get())) {
      context.raiseIncident(
          IncidentBehavior.CALLED_ELEMENT_ERROR,
          "Expected process with BPMN process id '%s' to have a none start event, but not found."
              .formatted(processId));
      return;
    }
    Map<String, Object> childVariables =
        called.propagateAllParentVariables()
            ? context.variables().variables()
            : variables.local(context.key());
    context.startCalledInstance(definition.get(), childVariables);
  }

  @Override
  public void onTerminate(ElementContext context) {
    context.terminateCalledInstances();
  }
}
