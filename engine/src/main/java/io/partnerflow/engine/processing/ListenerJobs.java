package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutionListeners;
import io.partnerflow.engine.deployment.JobDefinition;
import io.partnerflow.engine.deployment.Listener;
import io.partnerflow.engine.deployment.UserTaskDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import io.partnerflow.engine.state.JobRecord;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Listeners run as jobs, one at a time in model order: this creates the job of the next one
 * (execution listeners of an element, task listeners of a user task's transition). The job carries
 * the element's task headers, as in Camunda.
 */
@Component
public class ListenerJobs {

  private final JobBehavior jobs;
  private final FeelEvaluator feel;
  private final IncidentBehavior incidents;

  public ListenerJobs(JobBehavior jobs, FeelEvaluator feel, IncidentBehavior incidents) {
    this.jobs = jobs;
    this.feel = feel;
    this.incidents = incidents;
  }

  /** The element's execution listeners of this event type (START or END), in model order. */
  public static List<Listener> executionListeners(ExecutableElement element, String eventType) {
    ExecutionListeners listeners = element.settings(ExecutionListeners.class);
    return listeners == null ? List.of() : listeners.of(eventType);
  }

  /**
   * Runs the element's execution listeners of this event type from the first, unless the last one
   * has completed (an incident raised after them is being retried): true when the element waits for
   * one. As in Camunda, an incident while they ran (a type that could not be evaluated) makes them
   * all run again.
   */
  public boolean runExecutionListenersUnlessDone(ElementContext context, String eventType) {
    int count = executionListeners(context.element(), eventType).size();
    if (count == 0
        || jobs.completedListener(
            context.key(), JobRecord.EXECUTION_LISTENER, eventType, count - 1)) {
      return false;
    }
    return runExecutionListener(context, eventType, 0);
  }

  /**
   * Creates the job of the element's execution listener of this event type at {@code index}; false
   * when there is none left (all have run), true when the element waits for it. A type or retries
   * that cannot be evaluated opens an EXTRACT_VALUE_ERROR incident on the element instead (which
   * retries the completion for END listeners); the element waits then, too.
   */
  public boolean runExecutionListener(ElementContext context, String eventType, int index) {
    List<Listener> listeners = executionListeners(context.element(), eventType);
    if (index >= listeners.size()) {
      return false;
    }
    try {
      create(context, listeners.get(index), JobRecord.EXECUTION_LISTENER, index);
    } catch (ExpressionException e) {
      long incident = context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      if (ExecutionListeners.END.equals(eventType)) {
        incidents.markRaisedOnCompletion(incident);
      }
    }
    return true;
  }

  /**
   * Creates a listener's job with its type and retries evaluated in the element's scope now.
   *
   * @throws ExpressionException when they cannot be evaluated
   */
  public long create(ElementContext context, Listener listener, String kind, int index) {
    String type = feel.evaluateString(listener.type(), context.variables());
    long retries = feel.evaluateLong(listener.retries(), context.variables());
    return jobs.create(
        context.processInstance(),
        context.key(),
        context.element().id(),
        type,
        (int) retries,
        headers(context.element()),
        kind,
        listener.eventType(),
        index);
  }

  /** The element ended (terminated): the listener job it waited for goes away. */
  public void cancelFor(long elementInstanceKey) {
    jobs.cancelFor(elementInstanceKey);
  }

  private static Map<String, String> headers(ExecutableElement element) {
    JobDefinition job = element.settings(JobDefinition.class);
    if (job != null) {
      return job.headers();
    }
    UserTaskDefinition userTask = element.settings(UserTaskDefinition.class);
    return userTask == null ? Map.of() : userTask.headers();
  }
}
