package io.partnerflow.app.qbr;

import static io.partnerflow.app.support.QuarterlyReviewFixtures.opensAt;
import static io.partnerflow.app.support.QuarterlyReviewFixtures.quarterFromNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.ProcessDriver;
import io.partnerflow.app.support.QuarterlyReviewFixtures;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may see and work which reviews, checked on the server: a partner user only its own
 * organisation's (never scores or notes), a manager only the partners they own, team leads all.
 */
@PartnerflowTest
class QuarterlyReviewAccessTest {

  private static final String PASSWORD = "Access-pass-2026!";
  private static final String OTHER_MANAGER = "qbr-other-manager";

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired QuarterlyReviews quarterlyReviews;
  @Autowired ReviewTasks tasks;
  @Autowired QuarterlyResults results;

  private ProcessDriver driver;
  private QuarterlyReviewFixtures fixtures;

  @BeforeEach
  void setUp() {
    deployments.deploy(deployments.configuredModels());
    driver = new ProcessDriver(client, userDetails);
    fixtures = new QuarterlyReviewFixtures(partners, users, jdbc, quarterlyReviews);
    SystemIdentity.call(
        () ->
            users.createIfAbsent(
                new NewUserAccount(
                    OTHER_MANAGER,
                    PASSWORD,
                    "Olga Other",
                    OTHER_MANAGER + "@demo.partnerflow.io",
                    Set.of(Role.PARTNER_MANAGER),
                    Set.of("partner-managers"))));
  }

  @AfterEach
  void tearDown() {
    driver.resetClock();
    driver.logout();
  }

  @Test
  void shouldKeepEachPartnerToItsOwnReviewsAndEachManagerToTheirPartners() throws Exception {
    // given: partner A's review open for its self-assessment; partner B with a user
    long partnerA = fixtures.partner();
    String userA = fixtures.partnerUser(partnerA, PASSWORD);
    long partnerB = fixtures.partner();
    String userB = fixtures.partnerUser(partnerB, PASSWORD);
    long planId = fixtures.newPlanId();
    long instance = fixtures.approve(partnerA, planId, 1, quarterFromNow(1));
    driver.pinClock(opensAt(fixtures.awaitReviews(planId, 1).get(0)).plus(Duration.ofHours(1)));
    UserTask selfAssessment = driver.awaitTask(instance, ReviewTasks.SELF_ASSESSMENT);

    // then: B's user can neither open nor complete A's task, nor read A's reviews as staff
    driver.loginAs(userB);
    assertThatThrownBy(() -> tasks.open(selfAssessment.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                tasks.submitSelfAssessment(
                    selfAssessment.getUserTaskKey(), new SelfAssessment("mine", 1, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> results.ofPartner(partnerA)).isInstanceOf(AccessDeniedException.class);
    assertThat(results.ofMyOrganisation()).isEmpty();

    // and: a manager cannot assess for the partner; A's user can
    driver.loginAs("manager");
    assertThatThrownBy(() -> tasks.open(selfAssessment.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    driver.loginAs(userA);
    assertThat(results.ofMyOrganisation()).singleElement();
    tasks.submitSelfAssessment(
        selfAssessment.getUserTaskKey(), new SelfAssessment("Fine quarter", 1, null, null));
    UserTask scorecard = driver.awaitTask(instance, ReviewTasks.SCORECARD);

    // then: the partner's user cannot open the scorecard, nor another manager
    assertThatThrownBy(() -> tasks.open(scorecard.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    driver.loginAs(OTHER_MANAGER);
    assertThatThrownBy(() -> tasks.open(scorecard.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> results.ofPartner(partnerA)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> results.attainment(partnerA))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> results.dueFor("manager", Duration.ofDays(30)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(results.dueFor(OTHER_MANAGER, Duration.ofDays(365)))
        .noneMatch(due -> due.partnerId() == partnerA);

    // and: the owning manager and the team lead may
    driver.loginAs("manager");
    assertThat(tasks.open(scorecard.getUserTaskKey()).review().selfAssessment())
        .isEqualTo("Fine quarter");
    assertThat(results.dueFor("manager", Duration.ofDays(365)))
        .anyMatch(due -> due.partnerId() == partnerA && due.status() == ReviewStatus.SCORECARD);
    driver.loginAs("lead");
    assertThat(results.ofPartner(partnerA)).singleElement();
    assertThat(results.dueFor(null, Duration.ofDays(365)))
        .anyMatch(due -> due.partnerId() == partnerA);
  }

  @Test
  void shouldRefuseBadScorecardsAndKeepTheReviewOpen() throws Exception {
    // given: a review waiting for the scorecard
    long partnerId = fixtures.partner();
    String partnerUser = fixtures.partnerUser(partnerId, PASSWORD);
    long otherPartner = fixtures.partner();
    String stranger = fixtures.partnerUser(otherPartner, PASSWORD);
    long planId = fixtures.newPlanId();
    long instance = fixtures.approve(partnerId, planId, 1, quarterFromNow(1));
    driver.pinClock(opensAt(fixtures.awaitReviews(planId, 1).get(0)).plus(Duration.ofHours(1)));
    UserTask selfAssessment = driver.awaitTask(instance, ReviewTasks.SELF_ASSESSMENT);
    driver.loginAs(partnerUser);
    assertThatThrownBy(
            () ->
                tasks.submitSelfAssessment(
                    selfAssessment.getUserTaskKey(), new SelfAssessment("  ", 1, null, null)))
        .isInstanceOf(ReviewException.class)
        .hasMessage("qbr.error.selfAssessmentRequired");
    tasks.submitSelfAssessment(
        selfAssessment.getUserTaskKey(), new SelfAssessment("ok", 1, null, null));
    UserTask scorecard = driver.awaitTask(instance, ReviewTasks.SCORECARD);
    driver.loginAs("manager");
    java.util.Map<String, Integer> ratings =
        java.util.Map.of("new-customers", 3, "revenue", 3, "certified-people", 3, "engagement", 3);
    java.time.LocalDate due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7);

    // then: a missing rating, an action for another partner's user, a past due date are refused
    assertThatThrownBy(
            () ->
                tasks.submitScorecard(
                    scorecard.getUserTaskKey(),
                    new ScorecardEntry(
                        java.util.Map.of("revenue", 3), null, null, null, null, null)))
        .isInstanceOf(ReviewException.class)
        .hasMessage("qbr.error.ratingRequired");
    assertThatThrownBy(
            () ->
                tasks.submitScorecard(
                    scorecard.getUserTaskKey(),
                    new ScorecardEntry(
                        ratings,
                        null,
                        null,
                        null,
                        null,
                        java.util.List.of(
                            new NewAction("Leak", ActionOwner.PARTNER, stranger, due)))))
        .isInstanceOf(ReviewException.class)
        .hasMessage("qbr.error.actionOwner");
    assertThatThrownBy(
            () ->
                tasks.submitScorecard(
                    scorecard.getUserTaskKey(),
                    new ScorecardEntry(
                        ratings,
                        null,
                        null,
                        null,
                        null,
                        java.util.List.of(
                            new NewAction(
                                "Late", ActionOwner.STAFF, "manager", due.minusDays(30))))))
        .isInstanceOf(ReviewException.class)
        .hasMessage("qbr.error.actionDue");

    // and: nothing was recorded, the scorecard is still open and can be completed
    assertThat(fixtures.reviewsOf(planId).get(0).get("status")).isEqualTo("SCORECARD");
    assertThat(driver.openTasks(instance, ReviewTasks.SCORECARD)).hasSize(1);
    assertThat(
            tasks.submitScorecard(
                scorecard.getUserTaskKey(),
                new ScorecardEntry(ratings, null, null, null, null, null)))
        .isEqualByComparingTo("60.00");
  }
}
