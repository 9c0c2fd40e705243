package io.partnerflow.engine.deployment;

import java.util.Map;

/** One executable process of a deployed definition: its elements and flows by id. */
public record ExecutableProcess(
    String bpmnProcessId,
    String name,
    String versionTag,
    String startFormId,
    Map<String, ExecutableElement> elements,
    Map<String, ExecutableSequenceFlow> flows) {

  public ExecutableElement process() {
    return elements.get(bpmnProcessId);
  }

  public ExecutableElement element(String id) {
    ExecutableElement element = elements.get(id);
    if (element == null) {
      throw new IllegalStateException(
          "No element '%s' in process '%s'".formatted(id, bpmnProcessId));
    }
    return element;
  }

  public ExecutableSequenceFlow flow(String id) {
    return flows.get(id);
  }
}
