package io.partnerflow.app.enablement.learning.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.enablement.learning.EnablementProperties;
import io.partnerflow.app.enablement.learning.Enrolment;
import io.partnerflow.app.enablement.learning.LearningRefusedException;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.PortalMember;
import io.partnerflow.app.security.PortalMembers;
import io.partnerflow.app.security.SystemIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Job type {@code enablement-plan} ("Assign the learning plan"): for every user of the organisation
 * (not disabled) the decision gives the courses; the person is enrolled on each (keeping an earlier
 * enrolment) and every unfinished course becomes an {@code assignment} of the process's
 * multi-instance. Enrolling is idempotent, so a retried job assigns nothing twice. With the
 * variable {@code userId} (a colleague who joined after the plan, {@link NewcomerPlans}) only that
 * person's plan is assigned.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class EnablementPlanWorker {

  private static final Logger log = LoggerFactory.getLogger(EnablementPlanWorker.class);

  private final PartnerService partners;
  private final PortalMembers members;
  private final LearningPlans plans;
  private final LearningService learning;
  private final EnablementProperties properties;

  EnablementPlanWorker(
      PartnerService partners,
      PortalMembers members,
      LearningPlans plans,
      LearningService learning,
      EnablementProperties properties) {
    this.partners = partners;
    this.members = members;
    this.plans = plans;
    this.learning = learning;
    this.properties = properties;
  }

  @JobWorker(
      type = "enablement-plan",
      fetchVariables = {"partnerId", "userId"})
  public Map<String, Object> assign(
      @Variable Long partnerId, @Variable(optional = true) Long userId) {
    if (partnerId == null) {
      throw new IllegalStateException("enablement-plan needs the variable partnerId");
    }
    return SystemIdentity.call(() -> assignPlan(partnerId, userId));
  }

  private Map<String, Object> assignPlan(long partnerId, Long onlyUserId) {
    Partner partner = partners.findById(partnerId).orElseThrow();
    List<Map<String, Object>> assignments = new ArrayList<>();
    boolean before = false;
    for (PortalMember member : members.ofPartner(partnerId)) {
      if (member.state() == PortalMember.State.DISABLED
          || (onlyUserId != null && member.userId() != onlyUserId)) {
        continue;
      }
      LearningPlans.Plan plan = plans.planFor(partner, member.roles());
      before |= plan.requiredBeforeActive();
      for (String code : plan.courseCodes()) {
        try {
          Enrolment enrolment = learning.enrol(member.userId(), code);
          if (!enrolment.status().finished()) {
            String title = learning.enrolment(enrolment.id()).map(c -> c.titleEn()).orElse(code);
            assignments.add(
                new Assignment(enrolment.id(), member.userId(), member.username(), code, title)
                    .asVariable());
          }
        } catch (LearningRefusedException e) {
          // a plan naming a course without a published version: the rest of the plan goes on
          log.warn("Learning plan of partner {}: {}", partnerId, e.getMessage());
        }
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignments", assignments);
    variables.put("requiredBeforeActive", before);
    variables.put("reminderAfter", properties.reminderAfter().toString());
    return variables;
  }
}
