package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.partnerflow.engine.expression.Expression;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * errorRef/errorCode of error events. Throwing (error end event): an error with a code is required,
 * static or FEEL. Catching (error boundary events, error start events of event sub-processes): a
 * static code, or none to catch every error; an expression is rejected, as in Camunda 8.
 */
@Component
class ErrorEventDefinitionReader implements ElementSettingsReader<ErrorDefinition> {

  @Override
  public Class<ErrorDefinition> type() {
    return ErrorDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.ERROR_END_EVENT
        || kind == ElementKind.BOUNDARY_ERROR_EVENT
        || kind == ElementKind.ERROR_START_EVENT;
  }

  @Override
  public ErrorDefinition read(FlowNode node, DeploymentProblems problems) {
    Collection<EventDefinition> definitions =
        node instanceof ThrowEvent throwEvent
            ? throwEvent.getEventDefinitions()
            : ((CatchEvent) node).getEventDefinitions();
    Error error =
        definitions.stream()
            .filter(ErrorEventDefinition.class::isInstance)
            .map(ErrorEventDefinition.class::cast)
            .findFirst()
            .map(ErrorEventDefinition::getError)
            .orElse(null);
    String code = error == null ? null : error.getErrorCode();
    boolean blank = code == null || code.isBlank();
    if (node instanceof ThrowEvent) {
      if (blank) {
        problems.add(
            node,
            "Error end event '%s' must reference an error with an errorCode"
                .formatted(node.getId()));
        return null;
      }
      return new ErrorDefinition(problems.checked(node, Expression.of(code)));
    }
    if (blank) {
      return new ErrorDefinition(null);
    }
    Expression expression = Expression.of(code);
    if (expression.feel()) {
      problems.add(
          node,
          "Error catch event '%s' has the errorCode expression '%s'; the errorCode of a catch"
                  .formatted(node.getId(), code)
              + " event must be static");
      return null;
    }
    return new ErrorDefinition(expression);
  }
}
