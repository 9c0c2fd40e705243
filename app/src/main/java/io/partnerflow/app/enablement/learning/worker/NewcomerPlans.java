package io.partnerflow.app.enablement.learning.worker;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.security.PartnerUserJoined;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A partner user who joins after their organisation's learning plan was assigned gets theirs at
 * once: an enablement of their own ({@code partner-enablement} with {@code userId}) assigns their
 * plan and their course tasks. Someone who joins before the plan is assigned is in the
 * organisation's plan already, and so gets no second one.
 */
@Component
class NewcomerPlans {

  static final String PROCESS_ID = "partner-enablement";
  private static final Logger log = LoggerFactory.getLogger(NewcomerPlans.class);

  private final LearningService learning;
  private final CamundaClient client;

  NewcomerPlans(LearningService learning, CamundaClient client) {
    this.learning = learning;
    this.client = client;
  }

  @TransactionalEventListener
  void onJoined(PartnerUserJoined joined) {
    try {
      if (!SystemIdentity.call(() -> learning.joinedAfterThePlan(joined.userId()))) {
        return;
      }
      long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(Map.of("partnerId", joined.partnerId(), "userId", joined.userId()))
              .send()
              .join()
              .getProcessInstanceKey();
      log.info(
          "Learning plan of user {} (joined partner {}) assigned by instance {}",
          joined.userId(),
          joined.partnerId(),
          instance);
    } catch (RuntimeException e) {
      // joining must not fail for it; enablement staff can assign the plan by a re-run
      log.warn("No learning plan started for user {}: {}", joined.userId(), e.toString());
    }
  }
}
