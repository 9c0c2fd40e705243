package io.partnerflow.app.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.TierFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bpmn/tier-review.bpmn on the embedded engine with the app's real workers, certificates issued and
 * lapsed by the certification feature, the grace period reached by pinning the engine clock.
 */
@PartnerflowTest
class TierReviewProcessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;
  @Autowired CertificationService certifications;
  @Autowired TierReviewRequests requests;

  private TierFixtures fixtures;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new TierFixtures(client, partners, users, jdbc, certifications, requests);
  }

  @Test
  void shouldApplyAnUpgradeAtOnceAndAnnounceIt() throws Exception {
    // given: a registered partner with its agreement and a certified sales professional
    long partnerId = fixtures.partnerWithAgreement(PartnerTier.REGISTERED);
    fixtures.certify(partnerId, TierFixtures.SALES, 1);

    // when
    long review = fixtures.review(partnerId);

    // then
    assertThat(fixtures.awaitCompleted(review)).isEqualTo("tier-upgraded");
    assertThat(fixtures.tier(partnerId)).isEqualTo("SILVER");
    assertThat(fixtures.tierChanges(partnerId))
        .containsExactly("REGISTERED->SILVER TIER_REVIEW_UPGRADE by system");
    assertThat(fixtures.auditedTierChanges(partnerId))
        .singleElement()
        .asString()
        .contains("\"tier\": \"SILVER\"", "\"reason\": \"TIER_REVIEW_UPGRADE\"");
    assertThat(fixtures.notices(partnerId))
        .containsExactlyInAnyOrder(
            "tier-upgraded to " + fixtures.contactEmail(partnerId) + " (en)",
            "tier-upgraded to manager@demo.partnerflow.io (en)");
  }

  @Test
  void shouldLeaveATierThatIsMetAsItIs() throws Exception {
    // given: a gold partner with what gold needs, and more
    long partnerId = fixtures.partnerWithAgreement(PartnerTier.GOLD);
    fixtures.certify(partnerId, TierFixtures.SALES, 2);
    fixtures.certify(partnerId, TierFixtures.ENGINEER, 1);

    // when
    long review = fixtures.review(partnerId);

    // then
    assertThat(fixtures.awaitCompleted(review)).isEqualTo("tier-unchanged");
    assertThat(fixtures.tier(partnerId)).isEqualTo("GOLD");
    assertThat(fixtures.tierChanges(partnerId)).isEmpty();
  }

  @Test
  void shouldDowngradeAfterTheGracePeriodWhenACertificateLapsed() throws Exception {
    // given: a gold partner whose only implementation engineer's certificate lapses
    long partnerId = fixtures.partnerWithAgreement(PartnerTier.GOLD);
    fixtures.certify(partnerId, TierFixtures.SALES, 2);
    long engineer = fixtures.certify(partnerId, TierFixtures.ENGINEER, 1).get(0);
    assertThat(fixtures.awaitCompleted(fixtures.review(partnerId))).isEqualTo("tier-unchanged");
    fixtures.lapse(engineer);

    // when: the lapse asks for a review
    long review = fixtures.review(partnerId);

    // then: the manager is asked to confirm, the tier stays during the grace period
    UserTask confirm = fixtures.awaitTask(review, "confirm-downgrade");
    assertThat(confirm.getCandidateGroups()).contains("partner-managers");
    assertThat(confirm.getName()).isEqualTo("Confirm downgrade");
    assertThat(confirm.getDueDate().toInstant())
        .isBetween(
            Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
    Map<String, Object> variables = fixtures.variables(review);
    assertThat(variables.get("eligibleTier")).isEqualTo("\"SILVER\"");
    assertThat((String) variables.get("missingSummary"))
        .contains(TierFixtures.ENGINEER + ": 0 of 1");
    assertThat(fixtures.tier(partnerId)).isEqualTo("GOLD");

    // when: the grace period ends without a decision
    try {
      fixtures.pinClock(Instant.now().plus(Duration.ofDays(31)));

      // then: checked again, still missing, applied and announced
      assertThat(fixtures.awaitCompleted(review)).isEqualTo("tier-downgraded");
    } finally {
      fixtures.resetClock();
    }
    assertThat(fixtures.tier(partnerId)).isEqualTo("SILVER");
    assertThat(fixtures.tierChanges(partnerId))
        .containsExactly("GOLD->SILVER TIER_REVIEW_DOWNGRADE by system");
    assertThat(fixtures.auditedTierChanges(partnerId))
        .singleElement()
        .asString()
        .contains("\"reason\": \"TIER_REVIEW_DOWNGRADE\"");
    assertThat(fixtures.notices(partnerId))
        .containsExactlyInAnyOrder(
            "tier-downgraded to " + fixtures.contactEmail(partnerId) + " (en)",
            "tier-downgraded to manager@demo.partnerflow.io (en)");
  }

  @Test
  void shouldNotDowngradeAPartnerBackInComplianceWhenTheGracePeriodEnds() throws Exception {
    // given: a gold partner without an implementation engineer, in its grace period
    long partnerId = fixtures.partnerWithAgreement(PartnerTier.GOLD);
    fixtures.certify(partnerId, TierFixtures.SALES, 2);
    long review = fixtures.review(partnerId);
    fixtures.awaitTask(review, "confirm-downgrade");

    // when: an engineer gets certified during the grace period, and the period ends
    fixtures.certify(partnerId, TierFixtures.ENGINEER, 1);
    try {
      fixtures.pinClock(Instant.now().plus(Duration.ofDays(31)));

      // then: checked again before applying: nothing to apply
      assertThat(fixtures.awaitCompleted(review)).isEqualTo("tier-unchanged");
    } finally {
      fixtures.resetClock();
    }
    assertThat(fixtures.tier(partnerId)).isEqualTo("GOLD");
    assertThat(fixtures.tierChanges(partnerId)).isEmpty();
    assertThat(fixtures.notices(partnerId)).isEmpty();
  }

  @Test
  void shouldApplyTheDowngradeAtOnceWhenTheManagerConfirmsIt() throws Exception {
    // given: a silver partner without a certified sales professional
    long partnerId = fixtures.partnerWithAgreement(PartnerTier.SILVER);
    long review = fixtures.review(partnerId);
    UserTask confirm = fixtures.awaitTask(review, "confirm-downgrade");

    // when
    fixtures.completeAsStaff(confirm, "manager", Map.of("decision", "apply"));

    // then
    assertThat(fixtures.awaitCompleted(review)).isEqualTo("tier-downgraded");
    assertThat(fixtures.tierChanges(partnerId))
        .containsExactly("SILVER->REGISTERED TIER_REVIEW_DOWNGRADE_CONFIRMED by system");
  }

  @Test
  void shouldKeepTheTierWhenTheManagerSaysSo() throws Exception {
    // given
    long partnerId = fixtures.partnerWithAgreement(PartnerTier.SILVER);
    long review = fixtures.review(partnerId);
    UserTask confirm = fixtures.awaitTask(review, "confirm-downgrade");

    // when
    fixtures.completeAsStaff(confirm, "manager", Map.of("decision", "keep"));

    // then
    assertThat(fixtures.awaitCompleted(review)).isEqualTo("downgrade-kept-tier");
    assertThat(fixtures.tier(partnerId)).isEqualTo("SILVER");
  }

  @Test
  void shouldReviewEveryActivePartnerOnTheFirstOfTheMonth() throws Exception {
    // given: an active registered partner that meets silver, and one still onboarding
    long active = fixtures.partnerWithAgreement(PartnerTier.REGISTERED);
    fixtures.certify(active, TierFixtures.SALES, 1);
    SystemIdentity.call(
        () -> {
          partners.changeStatus(active, PartnerStatus.ACTIVE);
          return null;
        });
    long onboarding = fixtures.partnerWithAgreement(PartnerTier.REGISTERED);
    fixtures.certify(onboarding, TierFixtures.SALES, 1);

    // when: the clock reaches the monthly timer's next firing (the first of a month, 06:00 UTC;
    // later than the next one when another test moved the engine clock months ahead)
    try {
      Instant due = monthlyTimerDue();
      assertThat(due.atZone(ZoneOffset.UTC).getDayOfMonth()).isEqualTo(1);
      assertThat(due.atZone(ZoneOffset.UTC).getHour()).isEqualTo(6);
      fixtures.pinClock(due.plus(Duration.ofMinutes(1)));
      Optional<String> tier = awaitUpgrade(active);

      // then: the active partner was reviewed and moved up, the other one not reviewed
      assertThat(tier).contains("SILVER");
    } finally {
      fixtures.resetClock();
    }
    assertThat(fixtures.tierChanges(active))
        .containsExactly("REGISTERED->SILVER TIER_REVIEW_UPGRADE by system");
    assertThat(fixtures.reviews(onboarding)).isEmpty();
    assertThat(fixtures.tier(onboarding)).isEqualTo("REGISTERED");
    // the month's message id is taken: publishing it again starts nothing
    String monthId = "tier-review-" + active + "-" + YearMonth.now(ZoneOffset.UTC);
    assertThat(requests.request(active, "monthly", monthId)).isFalse();
    assertThat(fixtures.reviews(active)).hasSize(1);
  }

  /** When the tier review's monthly timer start event fires next (the engine's own record). */
  private Instant monthlyTimerDue() {
    return jdbc.sql(
            "SELECT due_date FROM engine.start_timer WHERE bpmn_process_id = 'tier-review'"
                + " AND state = 'CREATED' ORDER BY due_date LIMIT 1")
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
  }

  private Optional<String> awaitUpgrade(long partnerId) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(giveUp)) {
      if (!fixtures.tier(partnerId).equals("REGISTERED")) {
        return Optional.of(fixtures.tier(partnerId));
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }
}
