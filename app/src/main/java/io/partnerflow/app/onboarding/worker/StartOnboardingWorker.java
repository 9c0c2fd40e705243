package io.partnerflow.app.onboarding.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.onboarding.OnboardingStarter;
import org.springframework.stereotype.Component;

/** Job type {@code start-partner-onboarding} (recruitment, after the welcome notice). */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class StartOnboardingWorker {

  private final OnboardingStarter starter;

  StartOnboardingWorker(OnboardingStarter starter) {
    this.starter = starter;
  }

  @JobWorker(
      type = "start-partner-onboarding",
      fetchVariables = {"partnerId"})
  public void start(@Variable Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("The partner must exist before its onboarding starts");
    }
    starter.start(partnerId);
  }
}
