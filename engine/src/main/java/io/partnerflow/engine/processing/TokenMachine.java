package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.BoundaryEventDefinition;
import io.partnerflow.engine.deployment.CalledElement;
import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.EventSubProcessStart;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.deployment.ExecutionListeners;
import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.JoinBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Moves the tokens of one process instance until every token waits (job, join, later user task,
 * message, timer) or the instance ends. Callers (commands) hold the instance row lock and the
 * transaction; everything here writes through the repositories inside it.
 */
@Component
public class TokenMachine {

  private final ProcessorRegistry processors;
  private final ProcessGraphCache graphs;
  private final ProcessInstanceRepository processInstances;
  private final ElementInstanceRepository elementInstances;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final JoinBehavior joins;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final BoundaryEventWaits boundaryWaits;
  private final ListenerJobs listeners;

  public TokenMachine(
      ProcessorRegistry processors,
      ProcessGraphCache graphs,
      ProcessInstanceRepository processInstances,
      ElementInstanceRepository elementInstances,
      VariableBehavior variables,
      IncidentBehavior incidents,
      JoinBehavior joins,
      KeyGenerator keys,
      EngineClock clock,
      BoundaryEventWaits boundaryWaits,
      ListenerJobs listeners) {
    this.boundaryWaits = boundaryWaits;
    this.listeners = listeners;
    this.processors = processors;
    this.graphs = graphs;
    this.processInstances = processInstances;
    this.elementInstances = elementInstances;
    this.variables = variables;
    this.incidents = incidents;
    this.joins = joins;
    this.keys = keys;
    this.clock = clock;
  }

  /** Creates an instance with its variables and runs it from the none start event. */
  public ProcessInstanceRecord createInstance(
      ProcessDefinitionRecord definition, Map<String, Object> initialVariables) {
    ExecutableProcess graph = graphs.get(definition.key());
    ProcessInstanceRecord instance = insertInstance(definition);
    Run run = new Run(instance, graph);
    run.activate(graph.process(), null, initialVariables);
    run.drain();
    return instance;
  }

  /**
   * Terminates the instances a call activity's element instance created (it is terminated itself:
   * its instance was cancelled or an interrupting boundary event fired), with everything they
   * called in turn. The caller holds the lock of the tree's root, which covers them.
   */
  void terminateCalledInstances(long callActivityInstanceKey) {
    for (ProcessInstanceRecord called :
        processInstances.findActiveCalledBy(callActivityInstanceKey)) {
      terminateInstance(called);
    }
  }

  /**
   * Creates an instance at one of its event start events (message, timer) that has occurred: the
   * event's variables (e.g. the message's) are set as the start event's result, as at a catch
   * event, and the instance runs from there.
   */
  public ProcessInstanceRecord createInstanceAt(
      ProcessDefinitionRecord definition, String startEventId, Map<String, Object> eventVariables) {
    ExecutableProcess graph = graphs.get(definition.key());
    ProcessInstanceRecord instance = insertInstance(definition);
    Run run = new Run(instance, graph);
    run.startAt(startEventId, eventVariables == null ? Map.of() : eventVariables);
    run.activate(graph.process(), null, Map.of());
    run.drain();
    return instance;
  }

  private ProcessInstanceRecord insertInstance(ProcessDefinitionRecord definition) {
    ProcessInstanceRecord instance =
        new ProcessInstanceRecord(
            keys.next(),
            definition.key(),
            definition.bpmnProcessId(),
            definition.version(),
            definition.tenantId(),
            ProcessInstanceRecord.ACTIVE,
            clock.nowAtUtc(),
            null);
    processInstances.insert(instance);
    return instance;
  }

  public boolean hasNoneStartEvent(long processDefinitionKey) {
    return graphs.get(processDefinitionKey).process().noneStartEventId() != null;
  }

  /**
   * Ends a waiting element (job completed, later: user task completed, message correlated) and
   * continues. Variables are merged as Camunda does: local to the element when it has output
   * mappings (the mappings pick what leaves), otherwise propagated outwards.
   */
  public void completeElement(
      ProcessInstanceRecord instance, long elementInstanceKey, Map<String, Object> values) {
    completeElement(instance, elementInstanceKey, List.of(), values);
  }

  /**
   * {@link #completeElement} with the element instance and its flow scope already read (by the
   * statement that completed the element's job); read here when not among them.
   */
  public void completeElement(
      ProcessInstanceRecord instance,
      long elementInstanceKey,
      List<ElementInstanceRecord> elementAndFlowScope,
      Map<String, Object> values) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    elementAndFlowScope.forEach(run::remember);
    run.completeWaiting(run.elementInstanceWithFlowScope(elementInstanceKey), values);
    run.drain();
  }

  /**
   * An execution listener's job of the element instance completed: its variables are set (START:
   * local to the element; END: propagated from the element's flow scope outwards, like output
   * mappings), then the next listener of the event type runs, or — after the last — the element's
   * activation goes on (START) or it is left (END).
   */
  public void executionListenerCompleted(
      ProcessInstanceRecord instance,
      long elementInstanceKey,
      String eventType,
      int index,
      Map<String, Object> values) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    ElementInstanceRecord element = run.elementInstance(elementInstanceKey);
    if (element.isActive()) {
      run.continueAfterListener(element, eventType, index, values == null ? Map.of() : values);
      run.drain();
    }
  }

  /**
   * The event {@code eventId} that the element instance {@code waitingKey} waits for has occurred
   * (its timer fired or its message was correlated): the element's own event completes it; an event
   * after an event-based gateway completes the gateway and activates and completes that event with
   * the variables; otherwise it is a boundary event of the element.
   */
  public void triggerEvent(
      ProcessInstanceRecord instance, long waitingKey, String eventId, Map<String, Object> values) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    ElementInstanceRecord waiting = run.elementInstanceWithFlowScope(waitingKey);
    if (waiting.elementId().equals(eventId)) {
      run.completeWaiting(waiting, values);
      run.drain();
      return;
    }
    ExecutableElement element = run.element(waiting);
    if (element.kind() == ElementKind.EVENT_BASED_GATEWAY) {
      ExecutableSequenceFlow flow =
          element.outgoing().stream()
              .filter(f -> f.targetId().equals(eventId))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("No flow to " + eventId + " at " + element.id()));
      run.occurred(flow, values == null ? Map.of() : values);
      run.enqueueCompletion(waitingKey, List.of(flow));
      run.drain();
      return;
    }
    ExecutableElement event = run.graph().element(eventId);
    if (event.settings(EventSubProcessStart.class) != null) {
      run.events()
          .triggerEventSubProcess(waiting, event, values == null ? Map.of() : values, Map.of());
      run.drain();
      return;
    }
    // in this run, which has loaded the host already
    run.events().triggerBoundary(waiting, event, values == null ? Map.of() : values, Map.of());
    run.drain();
  }

  /**
   * After an incident on an element was resolved: runs again what failed, with the current
   * variables — the element's activation (input mappings, then its processor, e.g. a gateway
   * evaluating its conditions again) or, for incidents raised while completing, its completion.
   * When it fails again, a new incident opens.
   */
  public void retryElement(
      ProcessInstanceRecord instance, long elementInstanceKey, boolean completion) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    if (completion) {
      run.enqueueCompletion(elementInstanceKey, null);
    } else {
      run.reactivate(elementInstanceKey);
    }
    run.drain();
  }

  /**
   * A boundary event's timer fired while its host activity waits (the caller checked that the host
   * is active and holds the instance lock). Interrupting: the host is terminated and the token
   * continues on the boundary event's outgoing flows. Non-interrupting: a new token starts there
   * and the host keeps waiting.
   */
  public void triggerBoundaryEvent(
      ProcessInstanceRecord instance,
      long hostInstanceKey,
      String boundaryEventId,
      Map<String, Object> values) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    ElementInstanceRecord host = run.elementInstance(hostInstanceKey);
    run.events()
        .triggerBoundary(
            host,
            run.graph().element(boundaryEventId),
            values == null ? Map.of() : values,
            Map.of());
    run.drain();
  }

  /**
   * Throws a BPMN error at an element instance (a job's throwError, or — for call activities — the
   * call activity where a child instance's error arrives) and lets the innermost matching catch
   * event catch it ({@link ErrorCatcher} in this instance, then in the instances that called it,
   * from their call activities outwards). Empty when it was caught; otherwise nothing changed and
   * the result is the incident message (Camunda's wording) for the caller to raise where it
   * belongs.
   */
  public Optional<String> throwError(
      ProcessInstanceRecord instance, long elementInstanceKey, ThrownError error) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    Optional<String> unhandled =
        run.events().throwError(run.elementInstance(elementInstanceKey), error);
    run.drain();
    return unhandled;
  }

  /**
   * After an event held by the element instance {@code ownerKey} occurred (a timer fired): whether
   * the owner still waits for it — a non-interrupting boundary event whose host, or a
   * non-interrupting event sub-process whose scope, is still active; a cycle timer then fires
   * again.
   */
  public boolean waitsAgainFor(long processDefinitionKey, long ownerKey, String eventId) {
    boolean ownerActive =
        elementInstances.find(ownerKey).map(ElementInstanceRecord::isActive).orElse(false);
    if (!ownerActive) {
      return false;
    }
    ExecutableElement event = graphs.get(processDefinitionKey).element(eventId);
    BoundaryEventDefinition boundary = event.settings(BoundaryEventDefinition.class);
    EventSubProcessStart start = event.settings(EventSubProcessStart.class);
    return (boundary != null && !boundary.interrupting())
        || (start != null && !start.interrupting());
  }

  /**
   * Process instance modification: the activations in order, then the terminations, then the tokens
   * move on ({@link InstanceModification}). Throws {@link ModificationRejected} when an instruction
   * cannot be applied in the instance's state; the caller's transaction then rolls back.
   */
  public void modify(
      ProcessInstanceRecord instance,
      List<ModificationActivation> activations,
      List<Long> terminations) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    InstanceModification modification =
        new InstanceModification(run, elementInstances, variables, joins);
    activations.forEach(modification::activate);
    terminations.forEach(modification::terminate);
    run.drain();
  }

  /** Terminates every active element, innermost first, and the instance itself. */
  public void terminateInstance(ProcessInstanceRecord instance) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    run.terminate(run.elementInstance(instance.key()));
    run.endProcessInstance(ProcessInstanceRecord.TERMINATED);
  }

  /** A context for one element instance, for work outside a run (user task listeners). */
  ElementContext context(ProcessInstanceRecord instance, long elementInstanceKey) {
    Run run = new Run(instance, graphs.get(instance.processDefinitionKey()));
    ElementInstanceRecord element = run.elementInstance(elementInstanceKey);
    return new ElementContext(run, run.element(element), element);
  }

  VariableBehavior variables() {
    return variables;
  }

  IncidentBehavior incidents() {
    return incidents;
  }

  private sealed interface Step permits Arrival, Activation, Completion, ScopeCheck {}

  private record Arrival(ExecutableElement element, ExecutableSequenceFlow flow, long flowScopeKey)
      implements Step {}

  /** A container activating a child directly, with local variables (multi-instance body). */
  private record Activation(
      ExecutableElement element, long flowScopeKey, Map<String, Object> locals) implements Step {}

  /**
   * @param afterEndListeners the end listeners have run: the output mappings are applied already
   */
  private record Completion(
      long elementInstanceKey, List<ExecutableSequenceFlow> flows, boolean afterEndListeners)
      implements Step {}

  private record ScopeCheck(long scopeKey) implements Step {}

  /** The state of one command's run over one process instance. */
  final class Run {

    private final ProcessInstanceRecord processInstance;
    private final ExecutableProcess graph;
    private final Deque<Step> agenda = new ArrayDeque<>();
    private final Map<Long, Integer> pendingArrivals = new HashMap<>();
    private final Map<Long, ElementInstanceRecord> instances = new HashMap<>();

    private String startEventId;
    private Map<String, Object> startEventVariables;

    /**
     * A none start or end event activated by the last step and not written yet: its completion is
     * the next step, which writes it once, already completed (see {@link #deferrable}). Any other
     * step first writes it as active, as every element is written.
     */
    private ElementInstanceRecord unwritten;

    /** Flows to events that already occurred (event-based gateway) → the event's variables. */
    private final Map<String, Map<String, Object>> occurredEvents = new HashMap<>();

    /** The calling instance's run when this instance was created by its call activity now. */
    private final Run caller;

    private final EventTriggers events = new EventTriggers(this, boundaryWaits, variables);

    Run(ProcessInstanceRecord processInstance, ExecutableProcess graph) {
      this(processInstance, graph, null);
    }

    Run(ProcessInstanceRecord processInstance, ExecutableProcess graph, Run caller) {
      this.processInstance = processInstance;
      this.graph = graph;
      this.caller = caller;
    }

    ProcessInstanceRecord processInstance() {
      return processInstance;
    }

    ExecutableProcess graph() {
      return graph;
    }

    TokenMachine machine() {
      return TokenMachine.this;
    }

    EventTriggers events() {
      return events;
    }

    void enqueueArrival(ExecutableElement element, ExecutableSequenceFlow flow, long scopeKey) {
      pendingArrivals.merge(scopeKey, 1, Integer::sum);
      agenda.add(new Arrival(element, flow, scopeKey));
    }

    void enqueueActivation(ExecutableElement element, long scopeKey, Map<String, Object> locals) {
      pendingArrivals.merge(scopeKey, 1, Integer::sum);
      agenda.add(new Activation(element, scopeKey, locals));
    }

    void enqueueCompletion(long elementInstanceKey, List<ExecutableSequenceFlow> flows) {
      agenda.add(new Completion(elementInstanceKey, flows, false));
    }

    /** The instance starts at this event start event, which has occurred with these variables. */
    void startAt(String eventId, Map<String, Object> eventVariables) {
      startEventId = eventId;
      startEventVariables = eventVariables;
    }

    /** Where the process starts: an event start event chosen for this run, else the none one. */
    String startEventId(ExecutableElement container) {
      return container.kind() == ElementKind.PROCESS && startEventId != null
          ? startEventId
          : container.noneStartEventId();
    }

    void occurred(ExecutableSequenceFlow flow, Map<String, Object> eventVariables) {
      occurredEvents.put(flow.id(), eventVariables);
    }

    /**
     * Variables a waiting element ends with (job, message, called instance): local to the element
     * when it has output mappings (the mappings pick what leaves), otherwise propagated outwards.
     */
    void setResultVariables(ElementInstanceRecord element, Map<String, Object> values) {
      if (values == null || values.isEmpty()) {
        return;
      }
      if (element(element).outputMappings().isEmpty()) {
        variables.propagate(scopeChain(element.key()), processInstance.key(), values);
      } else {
        variables.setLocal(element.key(), processInstance.key(), values);
      }
    }

    /** A waiting element ends with these result variables (job, message, timer, user task). */
    void completeWaiting(ElementInstanceRecord element, Map<String, Object> values) {
      setResultVariables(element, values);
      enqueueCompletion(element.key(), null);
    }

    void drain() {
      Step step;
      while ((step = agenda.poll()) != null) {
        if (unwritten != null
            && !(step instanceof Completion c && c.elementInstanceKey() == unwritten.key())) {
          writeUnwritten();
        }
        if (step instanceof Arrival arrival) {
          arrive(arrival);
        } else if (step instanceof Activation activation) {
          pendingArrivals.merge(activation.flowScopeKey(), -1, Integer::sum);
          if (elementInstance(activation.flowScopeKey()).isActive()) {
            activate(activation.element(), activation.flowScopeKey(), activation.locals());
          }
        } else if (step instanceof Completion completion) {
          complete(completion);
        } else if (step instanceof ScopeCheck check) {
          checkScope(check.scopeKey());
        }
      }
      writeUnwritten();
    }

    private void writeUnwritten() {
      if (unwritten != null) {
        elementInstances.insert(unwritten, element(unwritten).name());
        unwritten = null;
      }
    }

    /**
     * A none start or end event that only passes the token on: no mappings, listeners, held events
     * or event variables, so nothing reads or references its row between its activation and its
     * completion, which the agenda runs next (it saves the update of two statements).
     */
    private boolean deferrable(
        ExecutableElement element, Map<String, Object> locals, Map<String, Object> occurred) {
      return (element.kind() == ElementKind.NONE_START_EVENT
              || element.kind() == ElementKind.NONE_END_EVENT)
          && unwritten == null
          && locals.isEmpty()
          && occurred == null
          && element.inputMappings().isEmpty()
          && element.outputMappings().isEmpty()
          && element.settings(ExecutionListeners.class) == null
          && !BoundaryEventWaits.holdsEvents(element);
    }

    private void arrive(Arrival arrival) {
      pendingArrivals.merge(arrival.flowScopeKey(), -1, Integer::sum);
      if (!elementInstance(arrival.flowScopeKey()).isActive()) {
        return; // its scope was terminated meanwhile (e.g. interrupted by an error)
      }
      ElementProcessor processor = processors.get(arrival.element().kind());
      String flowId = arrival.flow() == null ? null : arrival.flow().id();
      boolean activate =
          processor.onArrive(
              new ArrivalContext(
                  arrival.element(),
                  arrival.flow(),
                  arrival.flowScopeKey(),
                  processInstance.key(),
                  graph,
                  () -> scopeTokens(arrival.flowScopeKey())));
      if (activate) {
        Map<String, Object> occurred = flowId == null ? null : occurredEvents.remove(flowId);
        if (flowId == null && arrival.element().id().equals(startEventId)) {
          occurred = startEventVariables;
          startEventId = null;
        }
        activate(arrival.element(), arrival.flowScopeKey(), Map.of(), occurred, true);
      } else if (flowId == null) {
        throw new IllegalStateException("A start token cannot be held: " + arrival.element().id());
      }
    }

    ElementInstanceRecord activate(
        ExecutableElement element, Long flowScopeKey, Map<String, Object> locals) {
      return activate(element, flowScopeKey, locals, null, false);
    }

    /**
     * @param occurredEvent for an event that has already occurred (after an event-based gateway):
     *     its variables; the element completes at once instead of waiting. Null otherwise.
     * @param mayDefer the caller does nothing after this (an arrival): a {@link #deferrable}
     *     element's row may wait for its completion
     */
    private ElementInstanceRecord activate(
        ExecutableElement element,
        Long flowScopeKey,
        Map<String, Object> locals,
        Map<String, Object> occurredEvent,
        boolean mayDefer) {
      long key = element.kind() == ElementKind.PROCESS ? processInstance.key() : keys.next();
      ElementInstanceRecord instance =
          new ElementInstanceRecord(
              key,
              processInstance.key(),
              flowScopeKey,
              element.id(),
              element.kind().bpmnElementType(),
              ElementInstanceRecord.ACTIVE,
              clock.nowAtUtc(),
              null,
              null);
      if (mayDefer && deferrable(element, locals, occurredEvent)) {
        unwritten = instance;
      } else {
        elementInstances.insert(instance, element.name());
      }
      instances.put(key, instance);
      if (!locals.isEmpty()) {
        variables.setLocal(key, processInstance.key(), locals);
      }
      ElementContext context = new ElementContext(this, element, instance);
      // without input mappings the scope chain (a read of the flow scope) is not needed
      if (flowScopeKey != null && !element.inputMappings().isEmpty()) {
        try {
          // evaluated in the element's scope, as Zeebe does: they see locals set at activation
          List<Long> inputScope = locals.isEmpty() ? scopeChain(flowScopeKey) : scopeChain(key);
          variables.applyInputs(element.inputMappings(), inputScope, key, processInstance.key());
        } catch (ExpressionException e) {
          context.raiseIncident(IncidentBehavior.IO_MAPPING_ERROR, e.getMessage());
          return instance;
        }
      }
      if (occurredEvent != null) {
        // no start listeners here: refused at deployment after an event-based gateway
        if (boundaryWaits.open(context, graph).isPresent()) {
          setResultVariables(instance, occurredEvent);
          context.complete();
        }
        return instance;
      }
      if (!listeners.runExecutionListener(context, ExecutionListeners.START, 0)) {
        continueActivation(context);
      }
      return instance;
    }

    /**
     * The element's own activation after its input mappings and start listeners: its events are
     * subscribed, then its processor runs.
     */
    private void continueActivation(ElementContext context) {
      Optional<List<BoundaryEventWaits.Correlated>> correlated = boundaryWaits.open(context, graph);
      if (correlated.isEmpty()) {
        return;
      }
      processors.get(context.element().kind()).onActivate(context);
      events.triggerCorrelatedBoundaries(context.key(), correlated.get());
    }

    /** An execution listener's job completed (see TokenMachine#executionListenerCompleted). */
    void continueAfterListener(
        ElementInstanceRecord instance, String eventType, int index, Map<String, Object> values) {
      ExecutableElement element = element(instance);
      ElementContext context = new ElementContext(this, element, instance);
      boolean start = ExecutionListeners.START.equals(eventType);
      if (!values.isEmpty()) {
        if (start || instance.flowScopeKey() == null) {
          variables.setLocal(instance.key(), processInstance.key(), values);
        } else {
          variables.propagate(scopeChain(instance.flowScopeKey()), processInstance.key(), values);
        }
      }
      if (listeners.runExecutionListener(context, eventType, index + 1)) {
        return;
      }
      if (start) {
        continueActivation(context);
      } else {
        agenda.add(new Completion(instance.key(), null, true));
      }
    }

    /**
     * Creates an instance of a container (sub-process, event sub-process) as a process instance
     * modification does on the way to an element inside: with its boundary events and event
     * sub-process subscriptions, but without input mappings and without starting its content.
     */
    ElementInstanceRecord activateScope(ExecutableElement element, long flowScopeKey) {
      long key = keys.next();
      ElementInstanceRecord instance =
          new ElementInstanceRecord(
              key,
              processInstance.key(),
              flowScopeKey,
              element.id(),
              element.kind().bpmnElementType(),
              ElementInstanceRecord.ACTIVE,
              clock.nowAtUtc(),
              null,
              null);
      elementInstances.insert(instance, element.name());
      instances.put(key, instance);
      ElementContext context = new ElementContext(this, element, instance);
      boundaryWaits
          .open(context, graph)
          .ifPresent(correlated -> events.triggerCorrelatedBoundaries(key, correlated));
      return instance;
    }

    boolean hasPendingArrivals(long scopeKey) {
      return pendingArrivals.getOrDefault(scopeKey, 0) > 0;
    }

    void enqueueScopeCheck(long scopeKey) {
      agenda.add(new ScopeCheck(scopeKey));
    }

    /**
     * Terminates one active element (interrupted by a boundary event, instance cancelled, ...). A
     * container's content is terminated first, innermost first, so that every child ends before its
     * scope; tokens of the container still on the agenda are dropped.
     */
    void terminate(ElementInstanceRecord instance) {
      ExecutableElement element = element(instance);
      terminateContent(instance.key(), element, null);
      processors.get(element.kind()).onTerminate(new ElementContext(this, element, instance));
      if (element.settings(ExecutionListeners.class) != null) {
        listeners.cancelFor(instance.key()); // a listener job it waited for
      }
      if (BoundaryEventWaits.holdsEvents(element)) {
        boundaryWaits.close(instance.key());
      }
      elementInstances.end(instance.key(), ElementInstanceRecord.TERMINATED, clock.nowAtUtc());
      instances.put(instance.key(), ended(instance, ElementInstanceRecord.TERMINATED));
      incidents.resolveForElement(instance.key());
    }

    /**
     * Terminates everything active in a scope (newest first) except {@code keep}, drops the scope's
     * tokens that are still on the agenda and those held at its joins. The scope itself stays
     * active (e.g. a terminate end event's scope, which then completes).
     */
    void terminateContent(long scopeKey, ExecutableElement scope, Long keep) {
      agenda.removeIf(
          step ->
              step instanceof Arrival arrival && arrival.flowScopeKey() == scopeKey
                  || step instanceof Activation activation
                      && activation.flowScopeKey() == scopeKey);
      pendingArrivals.remove(scopeKey);
      if (scope.hasJoiningGateway()) {
        joins.discard(scopeKey);
      }
      List<ElementInstanceRecord> children = elementInstances.findActiveChildren(scopeKey);
      for (int i = children.size() - 1; i >= 0; i--) {
        ElementInstanceRecord child = children.get(i);
        if (keep == null || child.key() != keep) {
          terminate(child);
        }
      }
    }

    /** Runs an active element's activation again (input mappings, then its processor). */
    void reactivate(long elementInstanceKey) {
      ElementInstanceRecord instance = elementInstance(elementInstanceKey);
      if (!instance.isActive()) {
        return;
      }
      ExecutableElement element = element(instance);
      ElementContext context = new ElementContext(this, element, instance);
      if (instance.flowScopeKey() != null) {
        try {
          variables.applyInputs(
              element.inputMappings(),
              scopeChain(instance.key()),
              instance.key(),
              processInstance.key());
        } catch (ExpressionException e) {
          context.raiseIncident(IncidentBehavior.IO_MAPPING_ERROR, e.getMessage());
          return;
        }
      }
      if (listeners.runExecutionListenersUnlessDone(context, ExecutionListeners.START)) {
        return;
      }
      continueActivation(context);
    }

    private void complete(Completion completion) {
      ElementInstanceRecord instance = elementInstance(completion.elementInstanceKey());
      if (!instance.isActive()) {
        return;
      }
      ExecutableElement element = element(instance);
      ElementContext context = new ElementContext(this, element, instance);
      Long flowScopeKey = instance.flowScopeKey();
      if (!completion.afterEndListeners()) {
        if (!element.outputMappings().isEmpty() && flowScopeKey != null) {
          try {
            Map<String, Object> outputs =
                variables.evaluateOutputs(element.outputMappings(), scopeChain(instance.key()));
            variables.propagate(scopeChain(flowScopeKey), processInstance.key(), outputs);
          } catch (ExpressionException e) {
            long incident =
                context.raiseIncident(IncidentBehavior.IO_MAPPING_ERROR, e.getMessage());
            incidents.markRaisedOnCompletion(incident);
            return;
          }
        }
        if (listeners.runExecutionListenersUnlessDone(context, ExecutionListeners.END)) {
          return; // the element waits for its end listeners
        }
      }
      // after the end listeners: the process ends here (a multi-instance body and the event-based
      // gateway, the other processors with onComplete work, have no end listeners)
      processors.get(element.kind()).onComplete(context);
      if (flowScopeKey != null && element.flowScope() != null) {
        try {
          processors.get(element.flowScope().kind()).onChildCompleting(context);
        } catch (ExpressionException e) {
          long incident =
              context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
          incidents.markRaisedOnCompletion(incident);
          return;
        }
      }
      if (unwritten != null && unwritten.key() == instance.key()) {
        elementInstances.insertEnded(
            instance, element.name(), ElementInstanceRecord.COMPLETED, clock.nowAtUtc());
        unwritten = null;
      } else {
        elementInstances.end(instance.key(), ElementInstanceRecord.COMPLETED, clock.nowAtUtc());
      }
      instances.put(instance.key(), ended(instance, ElementInstanceRecord.COMPLETED));
      if (BoundaryEventWaits.holdsEvents(element)) {
        boundaryWaits.close(instance.key());
      }
      if (instance.incidentKey() != null) {
        // every incident sets the element's incident_key (IncidentBehavior.raise), and an element
        // never completes in the run that raised one: without a key there is nothing to resolve
        incidents.resolveForElement(instance.key());
      }
      if (flowScopeKey == null) {
        returnToCaller();
        return;
      }
      List<ExecutableSequenceFlow> flows =
          completion.flows() == null ? element.outgoing() : completion.flows();
      for (ExecutableSequenceFlow flow : flows) {
        enqueueArrival(graph.element(flow.targetId()), flow, flowScopeKey);
      }
      if (flows.isEmpty()) {
        agenda.add(new ScopeCheck(flowScopeKey));
      }
    }

    /** Where the tokens of a flow scope are now, for joining gateways. */
    private ScopeTokens scopeTokens(long scopeKey) {
      Set<String> elementIds = new HashSet<>(joins.holdingGateways(scopeKey));
      for (ElementInstanceRecord active : elementInstances.findActiveChildren(scopeKey)) {
        elementIds.add(active.elementId());
      }
      List<ExecutableSequenceFlow> pendingFlows = new ArrayList<>();
      for (Step step : agenda) {
        if (step instanceof Arrival arrival && arrival.flowScopeKey() == scopeKey) {
          if (arrival.flow() == null) {
            elementIds.add(arrival.element().id());
          } else {
            pendingFlows.add(arrival.flow());
          }
        }
      }
      return new ScopeTokens(elementIds, pendingFlows);
    }

    /**
     * A token of the scope ended: joining gateways that hold tokens in it may no longer have to
     * wait for the tokens that were still on their way (inclusive gateway).
     */
    private void reconsiderJoins(long scopeKey) {
      for (String gatewayId : joins.holdingGateways(scopeKey)) {
        ExecutableElement gateway = graph.element(gatewayId);
        ArrivalContext again =
            new ArrivalContext(
                gateway, null, scopeKey, processInstance.key(), graph, () -> scopeTokens(scopeKey));
        if (processors.get(gateway.kind()).onScopeTokensChanged(again)) {
          activate(gateway, scopeKey, Map.of());
        }
      }
    }

    /** A scope completes when no token is left in it: none active, pending or held at a join. */
    private void checkScope(long scopeKey) {
      ElementInstanceRecord scope = elementInstance(scopeKey);
      // join tokens exist only in scopes with a joining gateway: elsewhere their reads are skipped
      boolean joining = element(scope).hasJoiningGateway();
      if (joining && joins.anyWaiting(scopeKey)) {
        reconsiderJoins(scopeKey);
      }
      if (pendingArrivals.getOrDefault(scopeKey, 0) > 0) {
        return;
      }
      if (elementInstances.hasActiveChildren(scopeKey) || (joining && joins.anyWaiting(scopeKey))) {
        return;
      }
      if (elementInstance(scopeKey).isActive()) {
        enqueueCompletion(scopeKey, null);
      }
    }

    /**
     * A call activity creates its child instance and runs it until its tokens wait (or it
     * completes, which completes the call activity in this run).
     */
    ProcessInstanceRecord startCalledInstance(
        ElementInstanceRecord callActivity,
        ProcessDefinitionRecord definition,
        Map<String, Object> initialVariables) {
      ProcessInstanceRecord called =
          new ProcessInstanceRecord(
              keys.next(),
              definition.key(),
              definition.bpmnProcessId(),
              definition.version(),
              processInstance.tenantId(),
              ProcessInstanceRecord.ACTIVE,
              clock.nowAtUtc(),
              null,
              processInstance.key(),
              callActivity.key(),
              processInstance.lockKey());
      processInstances.insert(called);
      ExecutableProcess calledGraph = graphs.get(definition.key());
      Run run = new Run(called, calledGraph, this);
      run.activate(calledGraph.process(), null, initialVariables);
      run.drain();
      return called;
    }

    /** Whether the calling instance's run is on the stack (this instance was just created). */
    boolean callerOnStack() {
      return caller != null;
    }

    /** This instance was terminated by its caller's run: the tokens left here go nowhere. */
    void abandon() {
      agenda.clear();
      pendingArrivals.clear();
    }

    /** The calling instance's run: the one on the stack (the child was just created), else new. */
    Run callerRun() {
      if (caller != null) {
        return caller;
      }
      ProcessInstanceRecord parent =
          processInstances
              .find(processInstance.parentProcessInstanceKey())
              .orElseThrow(() -> new IllegalStateException("No calling instance"));
      return new Run(parent, graphs.get(parent.processDefinitionKey()));
    }

    /**
     * This (called) instance has completed: its call activity in the calling instance completes
     * with the child's root variables, in the caller's run when it is on the stack, else in a new
     * one.
     */
    private void returnToCaller() {
      if (!processInstance.isCalled()) {
        return;
      }
      Map<String, Object> childVariables = variables.local(processInstance.key());
      Run callerRun = callerRun();
      callerRun.completeCallActivity(processInstance.parentElementInstanceKey(), childVariables);
      if (!callerOnStack()) {
        callerRun.drain();
      }
    }

    private void completeCallActivity(long callActivityKey, Map<String, Object> childVariables) {
      ElementInstanceRecord callActivity = elementInstance(callActivityKey);
      if (!callActivity.isActive()) {
        return;
      }
      ExecutableElement element = element(callActivity);
      CalledElement called = element.settings(CalledElement.class);
      setResultVariables(
          callActivity,
          called.returnedVariables(childVariables, !element.outputMappings().isEmpty()));
      enqueueCompletion(callActivityKey, null);
    }

    void endProcessInstance(String state) {
      processInstances.end(processInstance.key(), state, clock.nowAtUtc());
    }

    /** The element an instance runs (a multi-instance body or its inner activity by type). */
    ExecutableElement element(ElementInstanceRecord instance) {
      return graph.element(instance.elementId(), instance.elementType());
    }

    /**
     * Like {@link #elementInstance} and reads the flow scope along (one statement, not two): an
     * element that is left moves its token on in its scope, which is read next.
     */
    /** An element instance read elsewhere in this command, for the reads that follow. */
    void remember(ElementInstanceRecord element) {
      instances.putIfAbsent(element.key(), element);
    }

    ElementInstanceRecord elementInstanceWithFlowScope(long key) {
      if (!instances.containsKey(key)) {
        elementInstances.findWithFlowScope(key).forEach(e -> instances.putIfAbsent(e.key(), e));
      }
      return elementInstance(key);
    }

    ElementInstanceRecord elementInstance(long key) {
      return instances.computeIfAbsent(
          key,
          k ->
              elementInstances
                  .find(k)
                  .orElseThrow(() -> new IllegalStateException("No element instance " + k)));
    }

    List<Long> scopeChain(long key) {
      List<Long> chain = new ArrayList<>();
      Long current = key;
      while (current != null) {
        chain.add(current);
        current = elementInstance(current).flowScopeKey();
      }
      return chain;
    }

    private ElementInstanceRecord ended(ElementInstanceRecord r, String state) {
      return new ElementInstanceRecord(
          r.key(),
          r.processInstanceKey(),
          r.flowScopeKey(),
          r.elementId(),
          r.elementType(),
          state,
          r.startDate(),
          clock.nowAtUtc(),
          r.incidentKey());
    }
  }
}
