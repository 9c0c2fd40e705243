package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.Listener;
import io.partnerflow.engine.deployment.TaskListeners;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.ListenerTaskView;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import io.partnerflow.engine.state.UserTaskTransitionEnded;
import io.partnerflow.engine.state.UserTaskTransitionRecord;
import io.partnerflow.engine.state.UserTaskTransitionRepository;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * User task listeners (Camunda 8.8): a lifecycle transition of a task — creating, assigning,
 * completing, canceling — with listeners of its event type waits for them, one job at a time in
 * model order, the task in the transition's state (CREATING, ASSIGNING, ...). Each listener may
 * correct the task's attributes (the next listener sees them) or, for assigning, updating and
 * completing, deny the transition: the task returns to its previous state, nothing of the
 * transition applies. After the last listener the transition's changes and corrections apply and it
 * takes effect (a completion completes the element).
 */
@Component
public class UserTaskTransitions {

  private static final Set<String> DENIABLE =
      Set.of(TaskListeners.ASSIGNING, TaskListeners.UPDATING, TaskListeners.COMPLETING);

  private final TokenMachine machine;
  private final ListenerJobs listenerJobs;
  private final UserTaskRepository tasks;
  private final UserTaskTransitionRepository transitions;
  private final JsonValues json;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  // lazy: the token machine's processors (the user task's) use this component in turn
  public UserTaskTransitions(
      @Lazy TokenMachine machine,
      ListenerJobs listenerJobs,
      UserTaskRepository tasks,
      UserTaskTransitionRepository transitions,
      JsonValues json,
      EngineClock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.machine = machine;
    this.listenerJobs = listenerJobs;
    this.tasks = tasks;
    this.transitions = transitions;
    this.json = json;
    this.clock = clock;
  }

  /** The task's listeners of an event type, in model order. */
  public static List<Listener> listeners(ElementContext context, String eventType) {
    TaskListeners listeners = context.element().settings(TaskListeners.class);
    return listeners == null ? List.of() : listeners.of(eventType);
  }

  /**
   * The task was just inserted — CREATING when it has creating listeners, else CREATED. {@code
   * laterAssignee}: the assignee the process gave, assigned after the creation through the
   * assigning listeners (null when none or when the task was inserted with it).
   */
  public void created(ElementContext context, UserTaskRecord task, String laterAssignee) {
    if (TaskListeners.CREATING.equals(task.state())) {
      Map<String, Object> payload = new LinkedHashMap<>();
      if (laterAssignee != null) {
        payload.put("assignee", laterAssignee);
      }
      begin(context, task, TaskListeners.CREATING, null, new LinkedHashMap<>(), payload);
    } else if (laterAssignee != null) {
      beginAssigning(context, task, laterAssignee, "assign");
    }
  }

  /**
   * An assignment (assign or unassign) of a CREATED task: false when the task has no assigning
   * listeners (the caller assigns at once), true when it waits for them.
   */
  public boolean assign(
      ProcessInstanceRecord instance, UserTaskRecord task, String assignee, String action) {
    if (!hasListeners(instance, task, TaskListeners.ASSIGNING)) {
      return false;
    }
    beginAssigning(machine.context(instance, task.elementInstanceKey()), task, assignee, action);
    return true;
  }

  /**
   * A completion of a CREATED task: false when the task has no completing listeners (the caller
   * completes at once), true when it waits for them (with the completion's variables).
   */
  public boolean complete(
      ProcessInstanceRecord instance,
      UserTaskRecord task,
      Map<String, Object> variables,
      String action) {
    if (!hasListeners(instance, task, TaskListeners.COMPLETING)) {
      return false;
    }
    begin(
        machine.context(instance, task.elementInstanceKey()),
        task,
        TaskListeners.COMPLETING,
        action,
        new LinkedHashMap<>(),
        variables == null ? Map.of() : variables);
    return true;
  }

  /**
   * An update of a CREATED task's attributes ({@code changes} by attribute name as in {@link
   * TaskListenerResult#corrections()}, e.g. from PATCH /user-tasks/{key}): false when the task has
   * no updating listeners (the caller updates at once), true when it waits for them; the changes
   * apply after the last one, with its corrections.
   */
  public boolean update(
      ProcessInstanceRecord instance,
      UserTaskRecord task,
      Map<String, Object> changes,
      String action) {
    if (!hasListeners(instance, task, TaskListeners.UPDATING)) {
      return false;
    }
    begin(
        machine.context(instance, task.elementInstanceKey()),
        task,
        TaskListeners.UPDATING,
        action,
        new LinkedHashMap<>(changes),
        null);
    return true;
  }

  /**
   * Variables set on a user task's element instance (PUT /element-instances/{key}/variables): when
   * its task is CREATED and has updating listeners, they run first and the variables are set after
   * the last one (not at all when one denies); false otherwise (the caller sets them at once).
   */
  public boolean updateVariables(
      ProcessInstanceRecord instance,
      long elementInstanceKey,
      Map<String, Object> variables,
      boolean local) {
    ElementContext context = machine.context(instance, elementInstanceKey);
    if (listeners(context, TaskListeners.UPDATING).isEmpty()) {
      return false;
    }
    Optional<UserTaskRecord> task =
        transitions.taskOfElement(elementInstanceKey).flatMap(tasks::find);
    if (task.isEmpty() || !task.get().isOpen()) {
      return false;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("variables", variables);
    payload.put("local", local);
    begin(context, task.get(), TaskListeners.UPDATING, "update", new LinkedHashMap<>(), payload);
    return true;
  }

  /**
   * The user task element is terminated: a transition in progress is dropped (its listener's job
   * cancelled) and the task is canceled — after its canceling listeners, when it has any. The
   * element does not wait for them (see the engine README).
   */
  public void cancel(ElementContext context) {
    Optional<UserTaskRecord> found = transitions.taskOfElement(context.key()).flatMap(tasks::find);
    if (found.isEmpty() || ended(found.get().state())) {
      return;
    }
    UserTaskRecord task = found.get();
    // the request that started a transition in progress learns that it will not apply
    transitions
        .find(task.key())
        .ifPresent(
            pending ->
                events.publishEvent(
                    UserTaskTransitionEnded.terminated(
                        task.elementInstanceKey(), task.key(), pending.eventType())));
    transitions.delete(task.key());
    listenerJobs.cancelFor(context.key());
    if (listeners(context, TaskListeners.CANCELING).isEmpty()) {
      transitions.setState(task.key(), UserTaskRecord.CANCELED, clock.nowAtUtc());
      return;
    }
    begin(context, task, TaskListeners.CANCELING, null, new LinkedHashMap<>(), null);
  }

  /**
   * After an incident on the element was resolved (a listener's type could not be evaluated): the
   * pending listener's job is created again. False when no transition waits.
   */
  public boolean resume(ElementContext context) {
    Optional<UserTaskTransitionRecord> pending =
        transitions.taskOfElement(context.key()).flatMap(transitions::find);
    pending.ifPresent(t -> runListener(context, t.eventType(), t.nextListener()));
    return pending.isPresent();
  }

  /** Refuses a result Camunda refuses: a denial or corrections where the event allows none. */
  public static void checkResult(JobRecord job, TaskListenerResult result) {
    if (result == null) {
      return;
    }
    String eventType = job.listenerEventType();
    if (result.denied() && !DENIABLE.contains(eventType)) {
      throw EngineException.invalid(
          ("Expected to complete task listener job with key '%d' with a denial, but a '%s'"
                  + " transition cannot be denied (only assigning, updating and completing)")
              .formatted(job.key(), eventType.toLowerCase(java.util.Locale.ROOT)));
    }
    Map<String, Object> corrections = result.corrections();
    if (corrections.isEmpty()) {
      return;
    }
    if (TaskListeners.CANCELING.equals(eventType)) {
      throw EngineException.invalid(
          "Expected to complete task listener job with key '%d' with corrections, but a canceling"
                  .formatted(job.key())
              + " transition cannot be corrected");
    }
    if (corrections.get("priority") instanceof Integer priority
        && (priority < 0 || priority > 100)) {
      throw EngineException.invalid(
          "Expected the corrected priority to be between 0 and 100, but was " + priority);
    }
    date((String) corrections.get("dueDate"), "dueDate");
    date((String) corrections.get("followUpDate"), "followUpDate");
  }

  /**
   * A task listener's job completed (the caller checked its result with {@link #checkResult}): the
   * transition is denied, goes on with the next listener, or takes effect after the last.
   */
  public void listenerCompleted(
      ProcessInstanceRecord instance, JobRecord job, TaskListenerResult result) {
    Optional<UserTaskRecord> found =
        transitions.taskOfElement(job.elementInstanceKey()).flatMap(tasks::find);
    Optional<UserTaskTransitionRecord> pending = found.flatMap(t -> transitions.find(t.key()));
    if (pending.isEmpty() || !pending.get().eventType().equals(job.listenerEventType())) {
      return; // the transition ended another way meanwhile (its element was terminated)
    }
    UserTaskRecord task = found.get();
    UserTaskTransitionRecord transition = pending.get();
    if (result != null && result.denied()) {
      transitions.delete(task.key());
      transitions.setState(task.key(), transition.previousState(), null);
      events.publishEvent(
          new UserTaskTransitionEnded(
              task.elementInstanceKey(),
              task.key(),
              transition.eventType(),
              true,
              result.deniedReason()));
      return;
    }
    Map<String, Object> changes = json.readObject(transition.changesJson());
    if (result != null) {
      changes.putAll(result.corrections());
    }
    ElementContext context = machine.context(instance, job.elementInstanceKey());
    int next = job.listenerIndex() + 1;
    if (next < listeners(context, transition.eventType()).size()) {
      transitions.advance(task.key(), json.write(changes), next);
      runListener(context, transition.eventType(), next);
      return;
    }
    finish(instance, context, task, transition, changes);
  }

  /** The task as the listener's job of its element instance sees it, if a transition waits. */
  public Optional<ListenerTaskView> view(long elementInstanceKey) {
    Optional<UserTaskRecord> found =
        transitions.taskOfElement(elementInstanceKey).flatMap(tasks::find);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    UserTaskRecord task = found.get();
    Optional<UserTaskTransitionRecord> transition = transitions.find(task.key());
    Map<String, Object> changes =
        transition.map(t -> json.readObject(t.changesJson())).orElseGet(Map::of);
    UserTaskRecord shown = withChanges(task, changes);
    List<String> changed = new ArrayList<>();
    for (String attribute : changes.keySet()) {
      if (!Objects.equals(attribute(shown, attribute), attribute(task, attribute))) {
        changed.add(attribute);
      }
    }
    return Optional.of(
        new ListenerTaskView(
            task.key(),
            transition.map(UserTaskTransitionRecord::action).orElse(null),
            shown.assignee(),
            shown.candidateGroups(),
            shown.candidateUsers(),
            changed,
            shown.dueDate(),
            shown.followUpDate(),
            task.formKey(),
            shown.priority()));
  }

  private boolean hasListeners(ProcessInstanceRecord instance, UserTaskRecord task, String type) {
    return !listeners(machine.context(instance, task.elementInstanceKey()), type).isEmpty();
  }

  private void beginAssigning(
      ElementContext context, UserTaskRecord task, String assignee, String action) {
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("assignee", assignee);
    begin(context, task, TaskListeners.ASSIGNING, action, changes, null);
  }

  private void begin(
      ElementContext context,
      UserTaskRecord task,
      String eventType,
      String action,
      Map<String, Object> changes,
      Map<String, Object> payload) {
    transitions.insert(
        new UserTaskTransitionRecord(
            task.key(),
            eventType,
            TaskListeners.CREATING.equals(eventType) ? UserTaskRecord.CREATED : task.state(),
            action,
            json.write(changes),
            payload == null ? null : json.write(payload),
            0));
    transitions.setState(task.key(), eventType, null);
    runListener(context, eventType, 0);
  }

  private void runListener(ElementContext context, String eventType, int index) {
    Listener listener = listeners(context, eventType).get(index);
    try {
      listenerJobs.create(context, listener, JobRecord.TASK_LISTENER, index);
    } catch (ExpressionException e) {
      // resolving it creates the job again (UserTaskProcessor resumes the transition)
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  private void finish(
      ProcessInstanceRecord instance,
      ElementContext context,
      UserTaskRecord task,
      UserTaskTransitionRecord transition,
      Map<String, Object> changes) {
    transitions.delete(task.key());
    events.publishEvent(
        new UserTaskTransitionEnded(
            task.elementInstanceKey(), task.key(), transition.eventType(), false, null));
    UserTaskRecord changed = withChanges(task, changes);
    transitions.apply(
        task.key(),
        changed.assignee(),
        changed.candidateGroups(),
        changed.candidateUsers(),
        changed.dueDate(),
        changed.followUpDate(),
        changed.priority());
    switch (transition.eventType()) {
      case TaskListeners.COMPLETING -> {
        transitions.setState(task.key(), UserTaskRecord.COMPLETED, clock.nowAtUtc());
        machine.completeElement(
            instance, task.elementInstanceKey(), json.readObject(transition.payloadJson()));
      }
      case TaskListeners.CANCELING ->
          transitions.setState(task.key(), UserTaskRecord.CANCELED, clock.nowAtUtc());
      case TaskListeners.CREATING -> {
        transitions.setState(task.key(), UserTaskRecord.CREATED, null);
        Object assignee = json.readObject(transition.payloadJson()).get("assignee");
        if (assignee != null) {
          beginAssigning(
              context, tasks.find(task.key()).orElseThrow(), assignee.toString(), "assign");
        }
      }
      default -> {
        transitions.setState(task.key(), UserTaskRecord.CREATED, null);
        setUpdatedVariables(context, json.readObject(transition.payloadJson()));
      }
    }
  }

  /** An update's variables, set as PUT /element-instances/{key}/variables sets them. */
  @SuppressWarnings("unchecked")
  private void setUpdatedVariables(ElementContext context, Map<String, Object> payload) {
    if (!(payload.get("variables") instanceof Map<?, ?> variables) || variables.isEmpty()) {
      return;
    }
    Map<String, Object> values = (Map<String, Object>) variables;
    long instanceKey = context.processInstance().key();
    if (Boolean.TRUE.equals(payload.get("local"))) {
      machine.variables().setLocal(context.key(), instanceKey, values);
    } else {
      machine.variables().propagate(context.scopeChain(), instanceKey, values);
    }
  }

  @SuppressWarnings("unchecked")
  private static UserTaskRecord withChanges(UserTaskRecord t, Map<String, Object> changes) {
    return new UserTaskRecord(
        t.key(),
        t.state(),
        t.elementId(),
        t.elementInstanceKey(),
        t.processInstanceKey(),
        t.processDefinitionKey(),
        t.bpmnProcessId(),
        t.processDefinitionVersion(),
        t.processName(),
        t.name(),
        changes.containsKey("assignee") ? (String) changes.get("assignee") : t.assignee(),
        changes.containsKey("candidateGroups")
            ? (List<String>) changes.get("candidateGroups")
            : t.candidateGroups(),
        changes.containsKey("candidateUsers")
            ? (List<String>) changes.get("candidateUsers")
            : t.candidateUsers(),
        t.creationDate(),
        t.completionDate(),
        changes.containsKey("dueDate")
            ? date((String) changes.get("dueDate"), "dueDate")
            : t.dueDate(),
        changes.containsKey("followUpDate")
            ? date((String) changes.get("followUpDate"), "followUpDate")
            : t.followUpDate(),
        changes.containsKey("priority")
            ? ((Number) changes.get("priority")).intValue()
            : t.priority(),
        t.formKey(),
        t.formId(),
        t.formVersion(),
        t.externalFormReference(),
        t.customHeadersJson(),
        t.tenantId());
  }

  private static Object attribute(UserTaskRecord t, String name) {
    return switch (name) {
      case "assignee" -> t.assignee();
      case "candidateGroups" -> t.candidateGroups();
      case "candidateUsers" -> t.candidateUsers();
      case "dueDate" -> t.dueDate() == null ? null : t.dueDate().toInstant();
      case "followUpDate" -> t.followUpDate() == null ? null : t.followUpDate().toInstant();
      case "priority" -> t.priority();
      default -> null;
    };
  }

  private static OffsetDateTime date(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw EngineException.invalid(
          "Expected the corrected %s to be an ISO 8601 date-time with offset, but was '%s'"
              .formatted(what, value));
    }
  }

  private static boolean ended(String state) {
    return UserTaskRecord.COMPLETED.equals(state) || UserTaskRecord.CANCELED.equals(state);
  }
}
