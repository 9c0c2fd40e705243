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
 * still holds, so a retried request with the same id starts nothing twice.
 */
@Component
public class TierReviewRequests {

  public static final String MESSAGE = "tier-review-requested";

  /** How long a request waits for a running review of the same partner to end. */
  static final Duration BUFFERED_FOR = Duration.ofDays(1);

  private final CamundaClient client;

  TierReviewRequests(CamundaClient client) {
    this.client = client;
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
          .timeToLive(BUFFERED_FOR)
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
