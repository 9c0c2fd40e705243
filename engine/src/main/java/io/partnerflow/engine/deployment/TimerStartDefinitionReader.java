package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.TimeCycle;
import io.partnerflow.engine.expression.TimeValues;
import org.springframework.stereotype.Component;

/**
 * timeDate or timeCycle of a timer start event. The timer is scheduled at deployment, where there
 * are no variables to evaluate an expression against, so static values only; they are checked here.
 */
@Component
class TimerStartDefinitionReader implements ElementSettingsReader<TimerStartDefinition> {

  @Override
  public Class<TimerStartDefinition> type() {
    return TimerStartDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.TIMER_START_EVENT;
  }

  @Override
  public TimerStartDefinition read(FlowNode node, DeploymentProblems problems) {
    TimerEventDefinition timer =
        ((StartEvent) node)
            .getEventDefinitions().stream()
                .filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast)
                .findFirst()
                .orElseThrow();
    if (timer.getTimeDuration() != null) {
      problems.add(
          node,
          ("Timer start event '%s' has a timeDuration; the embedded engine supports timeDate or"
                  + " timeCycle on start events")
              .formatted(node.getId()));
      return null;
    }
    boolean date = timer.getTimeDate() != null;
    String text =
        date ? timer.getTimeDate().getTextContent() : timer.getTimeCycle().getTextContent();
    if (text == null || text.isBlank()) {
      problems.add(node, "Element '%s' has an empty timer definition".formatted(node.getId()));
      return null;
    }
    if (text.strip().startsWith("=")) {
      problems.add(
          node,
          ("Timer start event '%s' has the expression '%s'; the embedded engine supports static"
                  + " ISO-8601 values on timer start events only")
              .formatted(node.getId(), text.strip()));
      return null;
    }
    try {
      return date
          ? new TimerStartDefinition(TimeValues.parseDateTime(text), null)
          : new TimerStartDefinition(null, TimeCycle.parse(text));
    } catch (ExpressionException e) {
      problems.add(node, "Timer start event '%s': %s".formatted(node.getId(), e.getMessage()));
      return null;
    }
  }
}
