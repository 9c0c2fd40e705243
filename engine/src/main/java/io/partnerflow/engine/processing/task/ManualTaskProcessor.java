package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import org.springframework.stereotype.Component;

/** A manual task: work done outside the engine, so the token passes (its mappings apply). */
@Component
class ManualTaskProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.MANUAL_TASK;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.complete();
  }
}
