package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;

/** Events that do nothing but pass the token on (after their mappings). */
abstract class PassThroughProcessor implements ElementProcessor {

  @Override
  public void onActivate(ElementContext context) {
    context.complete();
  }
}
