package io.partnerflow.engine.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow node (or the process) as the token machine sees it. Built once per deployed definition and
 * shared read-only afterwards. Kind-specific settings are typed records attached by {@link
 * ElementSettingsReader}s, so a new element kind adds a reader rather than a field here.
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
  private final Map<Class<?>, Object> settings = new HashMap<>();
  private String defaultFlowId;
  private String noneStartEventId;
  private final List<String> boundaryEventIds = new ArrayList<>();
  private final List<String> eventSubProcessIds = new ArrayList<>();
  private String eventStartEventId;
  private ExecutableElement flowScope;
  private ExecutableElement innerActivity;
  private boolean hasJoiningGateway;

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

  /**
   * Kind-specific settings read at deployment by an {@link ElementSettingsReader}, e.g. {@code
   * settings(JobDefinition.class)}; null when the element has none of that type.
   */
  public <S> S settings(Class<S> type) {
    return type.cast(settings.get(type));
  }

  /**
   * The enclosing process, sub-process or multi-instance body (for a multi-instance activity's
   * inner activity: its body); null for the process itself.
   */
  public ExecutableElement flowScope() {
    return flowScope;
  }

  /**
   * For a multi-instance body: the activity each inner instance runs (same id, its own kind,
   * mappings and settings; no flows or boundary events — those belong to the body). Null otherwise.
   */
  public ExecutableElement innerActivity() {
    return innerActivity;
  }

  /**
   * For containers: whether a joining gateway (parallel or inclusive with several incoming flows)
   * lies directly in this scope. Only then can tokens of the scope wait at a join.
   */
  public boolean hasJoiningGateway() {
    return hasJoiningGateway;
  }

  /** For gateways with a default flow; null otherwise. */
  public String defaultFlowId() {
    return defaultFlowId;
  }

  /** For containers (process, sub-process): where a token starts. */
  public String noneStartEventId() {
    return noneStartEventId;
  }

  /** For activities: the ids of the boundary events attached to it, in model order. */
  public List<String> boundaryEventIds() {
    return Collections.unmodifiableList(boundaryEventIds);
  }

  /** For containers (process, sub-process): the event sub-processes directly inside, in order. */
  public List<String> eventSubProcessIds() {
    return Collections.unmodifiableList(eventSubProcessIds);
  }

  /** For event sub-processes: the start event (timer, message or error) that triggers it. */
  public String eventStartEventId() {
    return eventStartEventId;
  }

  void addEventSubProcess(String eventSubProcessId) {
    eventSubProcessIds.add(eventSubProcessId);
  }

  void setEventStartEventId(String eventStartEventId) {
    this.eventStartEventId = eventStartEventId;
  }

  void setFlowScope(ExecutableElement flowScope) {
    this.flowScope = flowScope;
  }

  void markJoiningGateway() {
    this.hasJoiningGateway = true;
  }

  void setInnerActivity(ExecutableElement innerActivity) {
    this.innerActivity = innerActivity;
  }

  void addBoundaryEvent(String boundaryEventId) {
    boundaryEventIds.add(boundaryEventId);
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

  <S> void putSettings(Class<S> type, S value) {
    settings.put(type, value);
  }

  void setDefaultFlowId(String defaultFlowId) {
    this.defaultFlowId = defaultFlowId;
  }

  void setNoneStartEventId(String noneStartEventId) {
    this.noneStartEventId = noneStartEventId;
  }
}
