package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.TimeValues;
import org.springframework.stereotype.Component;

/**
 * timeDuration or timeDate of intermediate timer catch events and timer boundary events; static
 * values are checked here.
 */
@Component
class TimerDefinitionReader implements ElementSettingsReader<TimerDefinition> {

  @Override
  public Class<TimerDefinition> type() {
    return TimerDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.INTERMEDIATE_TIMER_CATCH_EVENT
        || kind == ElementKind.BOUNDARY_TIMER_EVENT;
  }

  @Override
  public TimerDefinition read(FlowNode node, DeploymentProblems problems) {
    TimerEventDefinition timer =
        ((CatchEvent) node)
            .getEventDefinitions().stream()
                .filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast)
                .findFirst()
                .orElseThrow();
    if (timer.getTimeCycle() != null) {
      problems.add(
          node,
          "Element '%s' of type '%s (timerEventDefinition)' has a timeCycle;"
                  .formatted(node.getId(), node.getElementType().getTypeName())
              + " the embedded engine supports timeDuration or timeDate only here");
      return null;
    }
    boolean duration = timer.getTimeDuration() != null;
    boolean date = timer.getTimeDate() != null;
    if (duration == date) {
      problems.add(
          node,
          "Element '%s' must have exactly one of timeDuration and timeDate"
              .formatted(node.getId()));
      return null;
    }
    String text =
        duration ? timer.getTimeDuration().getTextContent() : timer.getTimeDate().getTextContent();
    if (text == null || text.isBlank()) {
      problems.add(node, "Element '%s' has an empty timer definition".formatted(node.getId()));
      return null;
    }
    Expression expression = problems.checked(node, Expression.of(text));
    if (!expression.feel()) {
      try {
        if (duration) {
          TimeValues.parseDuration(expression.source());
        } else {
          TimeValues.parseDateTime(expression.source());
        }
      } catch (ExpressionException e) {
        problems.add(node, e.getMessage());
      }
    }
    return new TimerDefinition(
        duration ? TimerDefinition.Type.DURATION : TimerDefinition.Type.DATE, expression);
  }
}
