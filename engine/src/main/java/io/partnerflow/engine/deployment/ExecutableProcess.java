package io.partnerflow.engine.deployment;

import java.util.List;
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

  /**
   * The element an element instance runs: a multi-instance activity's id names both its body and
   * its inner activity, told apart by the instance's element type.
   */
  public ExecutableElement element(String id, String elementType) {
    ExecutableElement element = element(id);
    ExecutableElement inner = element.innerActivity();
    return inner != null && !ElementKind.MULTI_INSTANCE_BODY.bpmnElementType().equals(elementType)
        ? inner
        : element;
  }

  /** The process's own message start events (not those of its event sub-processes). */
  public List<ExecutableElement> messageStartEvents() {
    return elements.values().stream()
        .filter(
            e ->
                e.kind() == ElementKind.MESSAGE_START_EVENT
                    && bpmnProcessId.equals(e.flowScopeId()))
        .toList();
  }

  public ExecutableSequenceFlow flow(String id) {
    return flows.get(id);
  }
}
