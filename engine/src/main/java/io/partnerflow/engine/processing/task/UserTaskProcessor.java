package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.TaskListeners;
import io.partnerflow.engine.deployment.UserTaskDefinition;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.FormRecord;
import io.partnerflow.engine.state.FormRepository;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A Camunda user task (zeebe:userTask). Activation evaluates assignment, schedule, priority and the
 * linked form and creates the task; the token waits until CompleteUserTaskCommand completes it.
 * Terminating the element (instance cancelled) cancels the open task. A value that cannot be
 * evaluated opens an incident (EXTRACT_VALUE_ERROR, or FORM_NOT_FOUND for a missing form).
 */
@Component
class UserTaskProcessor implements ElementProcessor {

  static final String FORM_NOT_FOUND = "FORM_NOT_FOUND";

  private final FeelEvaluator feel;
  private final UserTaskRepository tasks;
  private final FormRepository forms;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final JsonValues json;
  private final UserTaskTransitions transitions;

  UserTaskProcessor(
      FeelEvaluator feel,
      UserTaskRepository tasks,
      FormRepository forms,
      KeyGenerator keys,
      EngineClock clock,
      JsonValues json,
      UserTaskTransitions transitions) {
    this.transitions = transitions;
    this.feel = feel;
    this.tasks = tasks;
    this.forms = forms;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.USER_TASK;
  }

  @Override
  public void onActivate(ElementContext context) {
    boolean listening = context.element().settings(TaskListeners.class) != null;
    if (listening && transitions.resume(context)) {
      return; // an incident on a listener was resolved: the transition goes on
    }
    UserTaskDefinition definition = context.element().settings(UserTaskDefinition.class);
    VariableLookup variables = context.variables();
    String assignee;
    List<String> candidateGroups;
    List<String> candidateUsers;
    OffsetDateTime dueDate;
    OffsetDateTime followUpDate;
    int priority;
    String externalReference;
    try {
      assignee = text(definition.assignee(), variables, "assignee");
      candidateGroups = list(definition.candidateGroups(), variables, "candidateGroups");
      candidateUsers = list(definition.candidateUsers(), variables, "candidateUsers");
      dueDate = date(definition.dueDate(), variables, "dueDate");
      followUpDate = date(definition.followUpDate(), variables, "followUpDate");
      priority = priority(definition.priority(), variables);
      externalReference =
          text(definition.externalFormReference(), variables, "externalFormReference");
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    FormRecord form = null;
    if (definition.formId() != null) {
      Optional<FormRecord> latest = forms.findLatest(definition.formId());
      if (latest.isEmpty()) {
        context.raiseIncident(
            FORM_NOT_FOUND,
            "Expected to find a form with id '%s', but no form with this id is deployed"
                .formatted(definition.formId()));
        return;
      }
      form = latest.get();
    }
    // with creating listeners the task is CREATING until they have run; with assigning
    // listeners the process's assignee is assigned through them after the creation
    boolean assignLater =
        assignee != null
            && !UserTaskTransitions.listeners(context, TaskListeners.ASSIGNING).isEmpty();
    boolean creating = !UserTaskTransitions.listeners(context, TaskListeners.CREATING).isEmpty();
    ProcessInstanceRecord instance = context.processInstance();
    UserTaskRecord task =
        new UserTaskRecord(
            keys.next(),
            creating ? TaskListeners.CREATING : UserTaskRecord.CREATED,
            context.element().id(),
            context.key(),
            instance.key(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            instance.version(),
            context.process().name(),
            context.element().name(),
            assignLater ? null : assignee,
            candidateGroups,
            candidateUsers,
            clock.nowAtUtc(),
            null,
            dueDate,
            followUpDate,
            priority,
            form == null ? null : form.key(),
            form == null ? null : form.formId(),
            form == null ? null : form.version(),
            externalReference,
            json.write(definition.headers()),
            instance.tenantId());
    tasks.insert(task);
    if (listening) {
      transitions.created(context, task, assignLater ? assignee : null);
    }
  }

  @Override
  public void onTerminate(ElementContext context) {
    if (context.element().settings(TaskListeners.class) != null) {
      transitions.cancel(context); // also a task in a transition; its canceling listeners run
    } else {
      tasks.cancelOpenForElement(context.key(), clock.nowAtUtc());
    }
  }

  private String text(Expression expression, VariableLookup variables, String what) {
    if (expression == null) {
      return null;
    }
    Object value = feel.evaluate(expression, variables);
    if (value == null) {
      return null;
    }
    if (value instanceof String string) {
      return string.isBlank() ? null : string;
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    throw new ExpressionException(
        "Expected result of the expression '%s' (%s) to be 'STRING', but was '%s'"
            .formatted(expression.source(), what, value.getClass().getSimpleName()));
  }

  /** A list of strings, or a string with comma-separated values (static or from FEEL). */
  private List<String> list(Expression expression, VariableLookup variables, String what) {
    if (expression == null) {
      return List.of();
    }
    Object value = feel.evaluate(expression, variables);
    Collection<?> items;
    if (value == null) {
      items = List.of();
    } else if (value instanceof String string) {
      items = Arrays.asList(string.split(","));
    } else if (value instanceof Collection<?> collection) {
      items = collection;
    } else {
      throw new ExpressionException(
          "Expected result of the expression '%s' (%s) to be 'ARRAY' or 'STRING', but was '%s'"
              .formatted(expression.source(), what, value.getClass().getSimpleName()));
    }
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (Object item : items) {
      if (!(item instanceof String string)) {
        throw new ExpressionException(
            "Expected result of the expression '%s' (%s) to be a list of strings, but it contains"
                    .formatted(expression.source(), what)
                + " '%s'".formatted(item));
      }
      if (!string.isBlank()) {
        result.add(string.strip());
      }
    }
    return new ArrayList<>(result);
  }

  private OffsetDateTime date(Expression expression, VariableLookup variables, String what) {
    if (expression == null) {
      return null;
    }
    Object value = feel.evaluate(expression, variables);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toOffsetDateTime();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset;
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof String string) {
      try {
        return ZonedDateTime.parse(string.strip()).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        throw new ExpressionException(
            "Expected result of the expression '%s' (%s) to be an ISO 8601 date-time with offset,"
                    .formatted(expression.source(), what)
                + " but was '%s'".formatted(string));
      }
    }
    throw new ExpressionException(
        "Expected result of the expression '%s' (%s) to be a date-time, but was '%s'"
            .formatted(expression.source(), what, value.getClass().getSimpleName()));
  }

  private int priority(Expression expression, VariableLookup variables) {
    if (expression == null) {
      return UserTaskDefinition.DEFAULT_PRIORITY;
    }
    long value = feel.evaluateLong(expression, variables);
    if (value < 0 || value > 100) {
      throw new ExpressionException(
          "Expected priority of the expression '%s' to be between 0 and 100, but was %d"
              .formatted(expression.source(), value));
    }
    return (int) value;
  }
}
