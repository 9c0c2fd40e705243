package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import org.springframework.stereotype.Component;

/** A script task run by a job worker; inline FEEL scripts are a separate kind. */
@Component
class ScriptTaskProcessor extends JobWorkerTaskProcessor {

  ScriptTaskProcessor(JobBehavior jobs, FeelEvaluator feel) {
    super(jobs, feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.SCRIPT_TASK;
  }
}
