package io.partnerflow.app.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.PlanFixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The plan service on the real process: two partner users saving one draft, who may read and change
 * whose plan, what a saved plan must satisfy, and that an approved version stays as it was.
 */
@PartnerflowTest
class BusinessPlansTest {

  @Autowired BusinessPlans plans;
  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

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
  void shouldTellTheSecondSaveOfTheSameDraftAndKeepBothInputs() {
    // given: two users of one partner read the same draft
    long partnerId = partnerWithPlanProcess();
    String alice = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    String bob = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    fixtures.awaitStep(partnerId, alice, PlanStep.DRAFT);
    PlanVersion readByAlice = fixtures.as(alice, () -> plans.current(partnerId).orElseThrow());
    PlanVersion readByBob = fixtures.as(bob, () -> plans.current(partnerId).orElseThrow());
    int year = readByAlice.content().year();
    PlanContent alicesPlan = withObjectives(year, "Alice's objectives");
    PlanContent bobsPlan = withObjectives(year, "Bob's objectives");

    // when: Alice saves first, then Bob over what he read
    fixtures.as(alice, () -> plans.save(partnerId, readByAlice.lockVersion(), alicesPlan));
    PlanConflictException conflict =
        catchThrowableOfType(
            PlanConflictException.class,
            () -> fixtures.as(bob, () -> plans.save(partnerId, readByBob.lockVersion(), bobsPlan)));

    // then: Bob is told who saved when; Alice's plan stands
    assertThat(conflict).isNotNull();
    assertThat(conflict.changedBy()).isEqualTo(alice);
    assertThat(conflict.changedAt()).isNotNull();
    assertThat(fixtures.as(bob, () -> plans.current(partnerId)).orElseThrow().content())
        .isEqualTo(alicesPlan);

    // when: Bob keeps his input over the newer version
    PlanVersion kept =
        fixtures.as(bob, () -> plans.save(partnerId, conflict.currentLockVersion(), bobsPlan));

    // then
    assertThat(kept.content()).isEqualTo(bobsPlan);
    assertThat(kept.updatedBy()).isEqualTo(bob);
  }

  @Test
  void shouldShowAPartnersPlanOnlyToItsUsersItsManagerLeadsAndAdministrators() {
    // given
    long partnerA = partnerWithPlanProcess();
    long partnerB = partnerWithPlanProcess();
    String userOfA = PartnerTestData.partnerUser(users, jdbc, partnerA, "a-long-password-1");
    String userOfB = PartnerTestData.partnerUser(users, jdbc, partnerB, "a-long-password-1");
    String otherManager = otherManager();
    fixtures.awaitStep(partnerA, userOfA, PlanStep.DRAFT);

    // then: A's own user, its manager, a lead and an administrator see A's plan
    for (String may : List.of(userOfA, "manager", "lead", "admin")) {
      assertThat(fixtures.as(may, () -> plans.current(partnerA))).as(may).isPresent();
    }
    // and neither B's user, another manager nor legal
    for (String mayNot : List.of(userOfB, otherManager, "legal")) {
      assertThatThrownBy(() -> fixtures.as(mayNot, () -> plans.current(partnerA)))
          .as(mayNot)
          .isInstanceOf(AccessDeniedException.class);
    }
    // and B's user cannot write into A's plan, nor a manager review a plan not theirs
    assertThatThrownBy(
            () ->
                fixtures.as(
                    userOfB,
                    () -> plans.save(partnerA, 0, PlanFixtures.completePlan(2026, "Platform"))))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> fixtures.as(otherManager, () -> run(() -> plans.approveReview(partnerA))))
        .isInstanceOf(AccessDeniedException.class);
    // and a manager does not edit the partner's draft
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "manager",
                    () -> plans.save(partnerA, 0, PlanFixtures.completePlan(2026, "Platform"))))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldRefuseAPlanWithWrongFieldsAndNameEachOne() {
    // given
    long partnerId = partnerWithPlanProcess();
    String user = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    fixtures.awaitStep(partnerId, user, PlanStep.DRAFT);
    PlanVersion draft = fixtures.as(user, () -> plans.current(partnerId).orElseThrow());
    int year = draft.content().year();
    PlanContent good = PlanFixtures.completePlan(year, "Platform");
    PlanContent bad =
        new PlanContent(
            year,
            good.objectives(),
            List.of(
                new QuarterTarget(1, -1, new BigDecimal("10"), "EUR", 0),
                new QuarterTarget(2, 0, new BigDecimal("-5"), "EUR", 0),
                new QuarterTarget(3, 0, BigDecimal.ZERO, "EURO", -2),
                new QuarterTarget(4, 0, BigDecimal.ZERO, "XYZ", 0)),
            List.of(
                new PlannedActivity(
                    ActivityKind.EVENT,
                    "Launch",
                    java.time.LocalDate.of(year + 1, 1, 10),
                    "Sam",
                    new BigDecimal("100"),
                    "eur")),
            List.of("Not a product line"));

    // when
    PlanValidationException refused =
        catchThrowableOfType(
            PlanValidationException.class,
            () -> fixtures.as(user, () -> plans.save(partnerId, draft.lockVersion(), bad)));

    // then
    assertThat(refused).isNotNull();
    assertThat(refused.fieldErrors())
        .containsEntry("targets[0].newCustomers", "plan.error.negative")
        .containsEntry("targets[1].revenue", "plan.error.negative")
        .containsEntry("targets[2].currency", "plan.error.currency")
        .containsEntry("targets[2].certifiedPeople", "plan.error.negative")
        .containsEntry("targets[3].currency", "plan.error.currency")
        .containsEntry("activities[0].date", "plan.error.dateOutsideYear")
        .containsEntry("activities[0].fundingCurrency", "plan.error.currency")
        .containsEntry("productLines", "plan.error.productLine");
    // nothing was written: the good plan saves on the lock read before
    assertThat(fixtures.as(user, () -> plans.save(partnerId, draft.lockVersion(), good)).content())
        .isEqualTo(good);
    // an incomplete draft saves, but is not submitted
    PlanVersion saved = fixtures.as(user, () -> plans.current(partnerId).orElseThrow());
    fixtures.as(
        user,
        () ->
            plans.save(
                partnerId,
                saved.lockVersion(),
                new PlanContent(year, "", good.targets(), List.of(), List.of())));
    PlanValidationException incomplete =
        catchThrowableOfType(
            PlanValidationException.class,
            () -> fixtures.as(user, () -> run(() -> plans.submit(partnerId))));
    assertThat(incomplete.fieldErrors())
        .containsEntry("objectives", "plan.error.required")
        .containsEntry("productLines", "plan.error.productLineRequired");
  }

  @Test
  void shouldFreezeAnApprovedVersionAndReviewAChangeAsANewVersion() {
    // given: an approved plan
    long partnerId = partnerWithPlanProcess();
    String user = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    PlanVersion approved = fixtures.approve(partnerId, user, "manager");
    assertThat(approved.versionNo()).isEqualTo(1);
    assertThat(approved.partnerSignedBy()).isEqualTo(user);
    assertThat(approved.managerSignedBy()).isEqualTo("manager");
    // and its quarterly reviews started
    assertThat(PlanFixtures.await(() -> reviewedVersion(approved.planId()).filter(v -> v == 1)))
        .isEqualTo(1);

    // then: it is read-only
    assertThatThrownBy(
            () ->
                fixtures.as(
                    user,
                    () ->
                        plans.save(
                            partnerId,
                            approved.lockVersion(),
                            withObjectives(approved.content().year(), "Changed"))))
        .isInstanceOf(PlanRefusedException.class)
        .extracting(e -> ((PlanRefusedException) e).messageKey())
        .isEqualTo("plan.error.notEditable");

    // when: the partner starts a change
    PlanVersion change = fixtures.as(user, () -> plans.startChange(partnerId));

    // then: a new draft with the approved content, through the same review, the old one as it was
    assertThat(change.versionNo()).isEqualTo(2);
    assertThat(change.status()).isEqualTo(PlanStatus.DRAFT);
    assertThat(change.content()).isEqualTo(approved.content());
    PlanVersion second = fixtures.approve(partnerId, user, "lead");
    assertThat(second.versionNo()).isEqualTo(2);
    assertThat(PlanFixtures.await(() -> reviewedVersion(second.planId()).filter(v -> v == 2)))
        .isEqualTo(2);
    assertThat(fixtures.as("manager", () -> plans.versions(partnerId)))
        .extracting(PlanVersion::versionNo, PlanVersion::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, PlanStatus.APPROVED),
            org.assertj.core.groups.Tuple.tuple(1, PlanStatus.APPROVED));
    // a partner user does not see which staff member signed
    assertThat(fixtures.as(user, () -> plans.current(partnerId)).orElseThrow().managerSignedBy())
        .isEmpty();
  }

  /** The plan version whose quarterly reviews run (the qbr feature's record of it). */
  private Optional<Integer> reviewedVersion(long planId) {
    return jdbc.sql("SELECT plan_version FROM app.qbr_plan_run WHERE plan_id = :plan")
        .param("plan", planId)
        .query(Integer.class)
        .optional();
  }

  private long partnerWithPlanProcess() {
    long partnerId =
        SystemIdentity.call(
            () ->
                partners.create(
                    PartnerTestData.newPartner(
                        PartnerTestData.unique("Plan Partner"),
                        PartnerType.RESELLER,
                        PartnerTier.REGISTERED)));
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(PlanStep.PROCESS_ID)
        .latestVersion()
        .variables(Map.of("partnerId", partnerId))
        .send()
        .join();
    return partnerId;
  }

  private String otherManager() {
    String username =
        PartnerTestData.unique("other-manager").toLowerCase().replaceAll("[^a-z0-9-]", "");
    users.createIfAbsent(
        new NewUserAccount(
            username,
            "a-long-password-1",
            "Other Manager",
            username + "@partnerflow.example",
            Set.of(Role.PARTNER_MANAGER),
            Set.of("partner-managers")));
    return username;
  }

  private static PlanContent withObjectives(int year, String objectives) {
    PlanContent plan = PlanFixtures.completePlan(year, "Platform");
    return new PlanContent(
        year, objectives, plan.targets(), plan.activities(), plan.productLines());
  }

  private static Object run(Runnable step) {
    step.run();
    return null;
  }
}
