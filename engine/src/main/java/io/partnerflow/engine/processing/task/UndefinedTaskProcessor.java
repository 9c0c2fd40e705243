package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import org.springframework.stereotype.Component;

/** A task without a type ({@code bpmn:task}): as in Camunda 8 the token passes through it. */
@Component
class UndefinedTaskProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.UNDEFINED_TASK;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.complete();
  }
}
