package io.partnerflow.app.onboarding;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts a partner's onboarding: publishes {@code partner-onboarding-requested}, the message start
 * of partner-onboarding, with correlation key {@code partner-<id>}. The engine runs at most one
 * instance per process and correlation key at a time, and refuses the same message id while it is
 * buffered, so a retried start (a job retried after a crash) starts nothing twice.
 */
@Component
public class OnboardingStarter {

  static final String MESSAGE = "partner-onboarding-requested";

  private static final Duration BUFFERED_FOR = Duration.ofHours(1);

  private final CamundaClient client;

  OnboardingStarter(CamundaClient client) {
    this.client = client;
  }

  public void start(long partnerId) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey("partner-" + partnerId)
          .messageId("partner-onboarding-" + partnerId)
          .timeToLive(BUFFERED_FOR)
          .variables(Map.of("partnerId", partnerId))
          .send()
          .join();
    } catch (ProblemException e) {
      // 409: this start is already on its way
      if (e.code() != 409) {
        throw e;
      }
    }
  }
}
