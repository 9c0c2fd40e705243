package io.partnerflow.app.tier;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Asks for a partner's tier review: publishes {@code tier-review-requested}, the message start of
 * tier-review, with correlation key {@code partner-<id>}. The engine runs one review per partner at
 * a time (a request during a review waits, buffered, until it ends) and refuses a message id it
 * still holds, so a retried request with the same id starts nothing twice. A request waits longer
 * than a review can run (a downgrade's grace period, once deferred, plus a day), so a certificate
 * gained during a pending downgrade still gets its own review afterwards.
 */
@Component
public class TierReviewRequests {

  public static final String MESSAGE = "tier-review-requested";

  private final CamundaClient client;

  /** How long a request waits for a running review of the same partner to end. */
  private final Duration bufferedFor;

  TierReviewRequests(CamundaClient client, TierProperties properties) {
    this.client = client;
    this.bufferedFor = properties.downgradeGrace().multipliedBy(2).plusDays(1);
  }

  /**
   * @param reason why (e.g. {@code monthly}, {@code certificate-issued}), kept with the review
   * @param messageId unique per cause, e.g. {@code tier-review-42-2026-12}
   * @return false when the engine already holds that message id
   */
  public boolean request(long partnerId, String reason, String messageId) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey("partner-" + partnerId)
          .messageId(messageId)
          .timeToLive(bufferedFor)
          .variables(Map.of("partnerId", partnerId, "reason", reason))
          .send()
          .join();
      return true;
    } catch (ProblemException e) {
      if (e.code() != 409) {
        throw e;
      }
      return false;
    }
  }
}
