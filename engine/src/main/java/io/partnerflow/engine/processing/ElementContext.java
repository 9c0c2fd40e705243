package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.List;
import java.util.Map;

/** What a processor may see and do for one element instance during one command. */
public final class ElementContext {

  private final TokenMachine.Run run;
  private final ExecutableElement element;
  private final ElementInstanceRecord instance;
  private Map<String, Object> visibleVariables;

  ElementContext(TokenMachine.Run run, ExecutableElement element, ElementInstanceRecord instance) {
    this.run = run;
    this.element = element;
    this.instance = instance;
  }

  public ExecutableElement element() {
    return element;
  }

  public ElementInstanceRecord instance() {
    return instance;
  }

  public long key() {
    return instance.key();
  }

  public ProcessInstanceRecord processInstance() {
    return run.processInstance();
  }

  public ExecutableProcess process() {
    return run.graph();
  }

  /** This element instance's key, then its flow scopes out to the process instance. */
  public List<Long> scopeChain() {
    return run.scopeChain(instance.key());
  }

  /** The variables visible in this element (loaded once per context). */
  public VariableLookup variables() {
    return () -> {
      if (visibleVariables == null) {
        visibleVariables = run.machine().variables().visible(scopeChain());
      }
      return visibleVariables;
    };
  }

  /**
   * Completes the element with result variables (a decision's, a script's), merged as a completed
   * job's: local when the element has output mappings (they pick what leaves), else propagated.
   */
  public void completeWithResult(Map<String, Object> result) {
    run.setResultVariables(instance, result);
    complete();
  }

  /** Completes the element and takes all outgoing flows. */
  public void complete() {
    run.enqueueCompletion(instance.key(), null);
  }

  /** Completes the element and takes only the given outgoing flows. */
  public void complete(List<ExecutableSequenceFlow> flows) {
    run.enqueueCompletion(instance.key(), flows);
  }

  /**
   * Completes the element and takes the given flow to an event that has already occurred (the
   * event-based gateway's winner): the event's element is activated, gets the event's variables and
   * completes at once, without waiting again.
   */
  public void completeWithEvent(ExecutableSequenceFlow flow, Map<String, Object> eventVariables) {
    run.occurred(flow, eventVariables);
    run.enqueueCompletion(instance.key(), List.of(flow));
  }

  /**
   * For containers: the start event to begin at — the none start event, or for the process an event
   * start event whose event created the instance.
   */
  public String startEventId() {
    return run.startEventId(element);
  }

  /** For containers: starts a token at a child element (e.g. the none start event). */
  public void activateChild(String childElementId) {
    run.enqueueArrival(process().element(childElementId), null, instance.key());
  }

  /**
   * Terminates every other active element of this element's flow scope, innermost first, and the
   * tokens still on their way there (terminate end event). The scope completes when this element
   * has completed.
   */
  public void terminateFlowScopeContent() {
    run.terminateContent(instance.flowScopeKey(), element.flowScope(), instance.key());
  }

  /**
   * Throws a BPMN error here (error end event): the innermost matching catch event catches it,
   * which terminates this element on its way. Empty when caught, otherwise the incident message.
   */
  public java.util.Optional<String> throwError(ThrownError error) {
    return run.events().throwError(instance, error);
  }

  /**
   * Throws an escalation here (escalation throw or end event): the innermost matching catch event
   * catches it. Returns whether this element goes on — false when an interrupting catch event
   * terminated it with its scope; true when a non-interrupting one caught it or none did.
   */
  public boolean throwEscalation(String code) {
    return run.events().throwEscalation(instance, code);
  }

  /**
   * For containers: activates a child element directly with local variables (set before its input
   * mappings, which see them), after the current step.
   */
  public void activateChild(ExecutableElement child, Map<String, Object> locals) {
    run.enqueueActivation(child, instance.key(), locals);
  }

  /** The enclosing scope's element instance (for a multi-instance inner instance: its body). */
  public ElementContext flowScope() {
    return new ElementContext(
        run, element.flowScope(), run.elementInstance(instance.flowScopeKey()));
  }

  /** Opens an incident on this element instance; the token stays here. */
  public long raiseIncident(String errorType, String errorMessage) {
    return run.machine()
        .incidents()
        .raise(run.processInstance(), instance.key(), element.id(), errorType, errorMessage, null);
  }

  /**
   * For call activities: creates an instance of the given process definition called by this element
   * instance, with these root variables, and runs it until its tokens wait. When it completes (now
   * or later), this element completes with its variables.
   */
  public ProcessInstanceRecord startCalledInstance(
      ProcessDefinitionRecord definition, Map<String, Object> variables) {
    return run.startCalledInstance(instance, definition, variables);
  }

  /** For call activities: whether an instance of this definition can be created. */
  public boolean hasNoneStartEvent(ProcessDefinitionRecord definition) {
    return run.machine().hasNoneStartEvent(definition.key());
  }

  /** For call activities being terminated: terminates the instance this element called. */
  public void terminateCalledInstances() {
    run.machine().terminateCalledInstances(instance.key());
  }

  /** For the process element: the process instance has ended in the given state. */
  public void endProcessInstance(String state) {
    run.endProcessInstance(state);
  }
}
