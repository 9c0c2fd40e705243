package io.partnerflow.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.onboarding.OnboardingStarter;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.AgreementFixtures;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.PlanFixtures;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * bpmn/joint-business-planning.bpmn called by the onboarding spine: the partner drafts, the manager
 * returns it with a comment, the partner resubmits, the manager approves, both sign off, and only
 * then is the partner ACTIVE.
 */
@PartnerflowTest
class JointBusinessPlanningProcessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired ContractSigning signing;
  @Autowired OnboardingStarter starter;
  @Autowired BusinessPlans plans;

  PlanFixtures fixtures;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new PlanFixtures(plans, userDetails);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldActivateThePartnerOnceItsReturnedAndResubmittedPlanIsApproved() {
    // given: a referral partner (no training first) with its agreement signed
    long partnerId =
        SystemIdentity.call(
            () ->
                partners.create(
                    PartnerTestData.newPartner(
                        PartnerTestData.unique("Planning Partner"),
                        PartnerType.REFERRAL,
                        PartnerTier.REGISTERED)));
    String contact = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    starter.start(partnerId);
    AgreementFixtures.signAsPartner(client, signing, fixtures, partnerId, contact);

    // when: the partner drafts and submits its plan
    fixtures.awaitStep(partnerId, contact, PlanStep.DRAFT);
    assertThat(status(partnerId)).isEqualTo("CONTRACT_PENDING");
    fixtures.as(
        contact,
        () -> {
          PlanVersion draft = plans.current(partnerId).orElseThrow();
          assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
          plans.save(
              partnerId,
              draft.lockVersion(),
              PlanFixtures.completePlan(draft.content().year(), "Platform"));
          plans.submit(partnerId);
          return null;
        });

    // and the manager returns it with a comment on the targets
    fixtures.awaitStep(partnerId, "manager", PlanStep.REVIEW);
    fixtures.as(
        "manager",
        () -> {
          plans.returnForChanges(partnerId, Map.of(PlanSection.TARGETS, "Q4 looks too ambitious"));
          return null;
        });

    // then: back with the partner, who sees the comment; the partner is not active
    fixtures.awaitStep(partnerId, contact, PlanStep.DRAFT);
    PlanVersion returned = fixtures.as(contact, () -> plans.current(partnerId).orElseThrow());
    assertThat(returned.status()).isEqualTo(PlanStatus.RETURNED);
    assertThat(returned.reviewComments())
        .containsExactly(Map.entry(PlanSection.TARGETS, "Q4 looks too ambitious"));
    assertThat(status(partnerId)).isEqualTo("CONTRACT_PENDING");

    // when: resubmitted, approved and signed off by both
    PlanVersion approved = fixtures.approve(partnerId, contact, "manager");

    // then
    assertThat(approved.versionNo()).isEqualTo(1);
    assertThat(approved.approvedAt()).isNotNull();
    PlanFixtures.await(() -> Optional.of(status(partnerId)).filter("ACTIVE"::equals));
  }

  private String status(long partnerId) {
    return jdbc.sql("SELECT status FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }
}
