package io.partnerflow.engine.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A flow node (or the process) as the token machine sees it. Built once per deployed definition and
 * shared read-only afterwards. Element-specific settings live in typed fields that stay null where
 * they do not apply; a new element kind adds its own field.
 */
public final class ExecutableElement {

  private final String id;
  private final String name;
  private final ElementKind kind;
  private final String flowScopeId;
  private final List<ExecutableSequenceFlow> incoming = new ArrayList<>();
  private final List<ExecutableSequenceFlow> outgoing = new ArrayList<>();
  private List<Mapping> inputMappings = List.of();
  private List<Mapping> outputMappings = List.of();
  private JobDefinition jobDefinition;
  private String defaultFlowId;
  private String noneStartEventId;

  public ExecutableElement(String id, String name, ElementKind kind, String flowScopeId) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.flowScopeId = flowScopeId;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ElementKind kind() {
    return kind;
  }

  /** The id of the enclosing process or sub-process; null for the process itself. */
  public String flowScopeId() {
    return flowScopeId;
  }

  public List<ExecutableSequenceFlow> incoming() {
    return Collections.unmodifiableList(incoming);
  }

  public List<ExecutableSequenceFlow> outgoing() {
    return Collections.unmodifiableList(outgoing);
  }

  public List<Mapping> inputMappings() {
    return inputMappings;
  }

  public List<Mapping> outputMappings() {
    return outputMappings;
  }

  /** For job-worker elements; null otherwise. */
  public JobDefinition jobDefinition() {
    return jobDefinition;
  }

  /** For gateways with a default flow; null otherwise. */
  public String defaultFlowId() {
    return defaultFlowId;
  }

  /** For containers (process, sub-process): where a token starts. */
  public String noneStartEventId() {
    return noneStartEventId;
  }

  void addIncoming(ExecutableSequenceFlow flow) {
    incoming.add(flow);
  }

  void addOutgoing(ExecutableSequenceFlow flow) {
    outgoing.add(flow);
  }

  void setInputMappings(List<Mapping> mappings) {
    this.inputMappings = List.copyOf(mappings);
  }

  void setOutputMappings(List<Mapping> mappings) {
    this.outputMappings = List.copyOf(mappings);
  }

  void setJobDefinition(JobDefinition jobDefinition) {
    this.jobDefinition = jobDefinition;
  }

  void setDefaultFlowId(String defaultFlowId) {
    this.defaultFlowId = defaultFlowId;
  }

  void setNoneStartEventId(String noneStartEventId) {
    this.noneStartEventId = noneStartEventId;
  }
}
