package io.partnerflow.app.qbr;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.security.SystemIdentity;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the quarterly business reviews of an approved joint business plan: one instance of {@code
 * bpmn/quarterly-business-review.bpmn} per plan, with one review per quarter of its targets.
 *
 * <p>A newer approved version of the same plan replaces the older one's reviews: the older
 * version's reviews not yet completed become {@code REPLACED} and the signal {@code
 * qbr-plan-<planId>-v<version>-replaced} ends their waiting and open review steps in the old
 * instance. Actions agreed in reviews already held stay open as tasks (they were agreed; a new plan
 * does not undo them). The signal names the version, so it never reaches the new instance. Calling
 * again with the same or an older version changes nothing (a retried approval worker starts no
 * second process).
 */
@Service
public class QuarterlyReviews {

  /** The process id of bpmn/quarterly-business-review.bpmn. */
  public static final String PROCESS = "quarterly-business-review";

  private final CamundaClient client;
  private final PlanRunRepository runs;
  private final QuarterlyReviewRepository reviews;
  private final QbrProperties properties;
  private final Clock clock;

  QuarterlyReviews(
      CamundaClient client,
      PlanRunRepository runs,
      QuarterlyReviewRepository reviews,
      QbrProperties properties,
      Clock clock) {
    this.client = client;
    this.runs = runs;
    this.reviews = reviews;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Starts the reviews of the plan version, replacing those of an older version of the same plan.
   * Called by the plan's approval (a process worker acts as {@link SystemIdentity}).
   *
   * @return the key of the review process instance that now runs for the plan (the existing one
   *     when this version or a newer one already runs)
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.SYSTEM})
  @Transactional
  public long startFor(PlanForReview plan) {
    var existing = runs.lock(plan.planId());
    if (existing.isPresent() && existing.get().planVersion() >= plan.planVersion()) {
      return existing.get().processInstanceKey();
    }
    existing.ifPresent(
        old -> {
          reviews.markReplaced(old.planId(), old.planVersion());
          client
              .newBroadcastSignalCommand()
              .signalName(replacedSignal(old.planId(), old.planVersion()))
              .send()
              .join();
        });
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS)
            .latestVersion()
            .variables(variables(plan))
            .send()
            .join()
            .getProcessInstanceKey();
    runs.save(
        new PlanRunRepository.Run(plan.planId(), plan.partnerId(), plan.planVersion(), key),
        clock.instant());
    return key;
  }

  /** The signal that ends the open reviews of a plan version (the process builds the same name). */
  static String replacedSignal(long planId, int planVersion) {
    return "qbr-plan-" + planId + "-v" + planVersion + "-replaced";
  }

  private Map<String, Object> variables(PlanForReview plan) {
    List<Map<String, Object>> quarters =
        plan.targets().stream()
            .map(
                target -> {
                  Map<String, Object> quarter = new HashMap<>();
                  quarter.put("quarter", target.quarter());
                  quarter.put("newCustomers", target.newCustomers());
                  quarter.put("revenue", target.revenue().toPlainString());
                  quarter.put("currency", target.currency());
                  quarter.put("certifiedPeople", target.certifiedPeople());
                  return quarter;
                })
            .toList();
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerId", plan.partnerId());
    variables.put("planId", plan.planId());
    variables.put("planVersion", plan.planVersion());
    variables.put("planStart", plan.planStart().toString());
    variables.put("quarters", quarters);
    variables.put("daysBeforeQuarterEnd", properties.daysBeforeQuarterEnd());
    variables.put("missedAfterDays", properties.missedAfterDays());
    return variables;
  }
}
