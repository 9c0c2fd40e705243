package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.TimerBehavior;
import org.springframework.stereotype.Component;

/** Waits until its timer is due: the scheduler fires it (TriggerTimerCommand). */
@Component
class IntermediateTimerCatchEventProcessor implements ElementProcessor {

  private final TimerBehavior timers;

  IntermediateTimerCatchEventProcessor(TimerBehavior timers) {
    this.timers = timers;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_TIMER_CATCH_EVENT;
  }

  @Override
  public void onActivate(ElementContext context) {
    try {
      timers.schedule(
          context.processInstance(),
          context.key(),
          context.element().id(),
          context.element().settings(TimerDefinition.class),
          context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onTerminate(ElementContext context) {
    timers.cancel(context.key());
  }
}
