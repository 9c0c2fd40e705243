package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.SupportedElements;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** All element processors by kind; also tells deployments which kinds are executable. */
@Component
public class ProcessorRegistry implements SupportedElements {

  private final Map<ElementKind, ElementProcessor> processors = new EnumMap<>(ElementKind.class);

  public ProcessorRegistry(List<ElementProcessor> processors) {
    for (ElementProcessor processor : processors) {
      ElementProcessor previous = this.processors.put(processor.kind(), processor);
      if (previous != null) {
        throw new IllegalStateException(
            "Two processors for %s: %s and %s"
                .formatted(processor.kind(), previous.getClass(), processor.getClass()));
      }
    }
  }

  @Override
  public boolean supports(ElementKind kind) {
    return processors.containsKey(kind);
  }

  ElementProcessor get(ElementKind kind) {
    ElementProcessor processor = processors.get(kind);
    if (processor == null) {
      throw new IllegalStateException("No processor for " + kind);
    }
    return processor;
  }
}
