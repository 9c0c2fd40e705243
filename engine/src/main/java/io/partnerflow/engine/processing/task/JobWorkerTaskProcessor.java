package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.JobDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.JobBehavior;

/**
 * Elements done by a job worker (zeebe:taskDefinition): activation creates a job and the token
 * waits until the job is completed (CompleteJobCommand) or the instance is cancelled. Tasks, and
 * the message throw events that Camunda 8 runs the same way.
 */
public abstract class JobWorkerTaskProcessor implements ElementProcessor {

  private final JobBehavior jobs;
  private final FeelEvaluator feel;

  protected JobWorkerTaskProcessor(JobBehavior jobs, FeelEvaluator feel) {
    this.jobs = jobs;
    this.feel = feel;
  }

  @Override
  public void onActivate(ElementContext context) {
    JobDefinition definition = context.element().settings(JobDefinition.class);
    String type;
    long retries;
    try {
      type = feel.evaluateString(definition.type(), context.variables());
      retries = feel.evaluateLong(definition.retries(), context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    jobs.create(
        context.processInstance(),
        context.key(),
        context.element().id(),
        type,
        (int) retries,
        definition.headers());
  }

  @Override
  public void onTerminate(ElementContext context) {
    jobs.cancelFor(context.key());
  }
}
