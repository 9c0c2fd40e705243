package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/** An intermediate none throw event: a milestone the token passes (its mappings apply). */
@Component
class IntermediateNoneThrowEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_NONE_THROW_EVENT;
  }
}
