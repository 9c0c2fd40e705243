package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.TimeCycle;
import io.partnerflow.engine.expression.TimeValues;
import org.springframework.stereotype.Component;

/**
 * timeDuration, timeDate or timeCycle of timer events; static values are checked here. A timeCycle
 * is accepted on boundary and start events only (an intermediate catch event fires once, as in
 * Camunda 8).
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
        || kind == ElementKind.BOUNDARY_TIMER_EVENT
        || kind == ElementKind.TIMER_START_EVENT
        || kind == ElementKind.EVENT_SUB_PROCESS_TIMER_START_EVENT;
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
    boolean cycleAllowed = !(node instanceof IntermediateCatchEvent);
    if (timer.getTimeCycle() != null && !cycleAllowed) {
      problems.add(
          node,
          "Element '%s' of type '%s (timerEventDefinition)' has a timeCycle;"
                  .formatted(node.getId(), node.getElementType().getTypeName())
              + " the embedded engine supports timeDuration or timeDate only here");
      return null;
    }
    boolean duration = timer.getTimeDuration() != null;
    boolean date = timer.getTimeDate() != null;
    boolean cycle = timer.getTimeCycle() != null;
    if ((duration ? 1 : 0) + (date ? 1 : 0) + (cycle ? 1 : 0) != 1) {
      problems.add(
          node,
          "Element '%s' must have exactly one of %s"
              .formatted(
                  node.getId(),
                  cycleAllowed
                      ? "timeDuration, timeDate and timeCycle"
                      : "timeDuration and timeDate"));
      return null;
    }
    String text =
        duration
            ? timer.getTimeDuration().getTextContent()
            : date ? timer.getTimeDate().getTextContent() : timer.getTimeCycle().getTextContent();
    if (text == null || text.isBlank()) {
      problems.add(node, "Element '%s' has an empty timer definition".formatted(node.getId()));
      return null;
    }
    Expression expression = problems.checked(node, Expression.of(text));
    if (!expression.feel()) {
      try {
        if (duration) {
          TimeValues.parseDuration(expression.source());
        } else if (date) {
          TimeValues.parseDateTime(expression.source());
        } else {
          TimeCycle.parse(expression.source());
        }
      } catch (ExpressionException e) {
        problems.add(node, "Element '%s': %s".formatted(node.getId(), e.getMessage()));
      }
    }
    TimerDefinition.Type type =
        duration
            ? TimerDefinition.Type.DURATION
            : date ? TimerDefinition.Type.DATE : TimerDefinition.Type.CYCLE;
    return new TimerDefinition(type, expression);
  }
}
