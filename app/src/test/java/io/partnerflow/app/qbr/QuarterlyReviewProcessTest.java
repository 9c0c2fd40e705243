package io.partnerflow.app.qbr;

import static io.partnerflow.app.support.QuarterlyReviewFixtures.missedAt;
import static io.partnerflow.app.support.QuarterlyReviewFixtures.opensAt;
import static io.partnerflow.app.support.QuarterlyReviewFixtures.quarterFromNow;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.ProcessDriver;
import io.partnerflow.app.support.QuarterlyReviewFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * bpmn/quarterly-business-review.bpmn on the embedded engine with the app's real workers and
 * services: a review per quarter opened by its timer (the engine clock pinned), the partner's
 * self-assessment and the manager's scorecard, actions becoming tasks, a missed review escalated
 * and still completable, a newer plan version replacing the older one's reviews.
 */
@PartnerflowTest
class QuarterlyReviewProcessTest {

  private static final String PASSWORD = "Review-pass-2026!";

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
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
    driver = new ProcessDriver(client, userDetails);
    fixtures = new QuarterlyReviewFixtures(partners, users, jdbc, quarterlyReviews);
  }

  @AfterEach
  void resetClockAndLogin() {
    driver.resetClock();
    driver.logout();
  }

  @Test
  void shouldRecordAReviewPerQuarterAndOpenEachDaysBeforeItsEnd() throws Exception {
    // given
    long partnerId = fixtures.partner();
    long planId = fixtures.newPlanId();
    String first = quarterFromNow(1);
    String second = quarterFromNow(2);

    // when
    long instance = fixtures.approve(partnerId, planId, 1, first, second);

    // then: both recorded, waiting; each opens 14 days before its last day
    List<Map<String, Object>> reviews = fixtures.awaitReviews(planId, 2);
    assertThat(reviews).extracting(r -> r.get("quarter")).containsExactly(first, second);
    assertThat(reviews).extracting(r -> r.get("status")).containsOnly("SCHEDULED");
    LocalDate firstEnd = QuarterlyReviewFixtures.target(first).lastDay();
    assertThat(opensAt(reviews.get(0)))
        .isEqualTo(firstEnd.minusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(missedAt(reviews.get(0)))
        .isEqualTo(firstEnd.plusDays(15).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(driver.openTasks(instance, ReviewTasks.SELF_ASSESSMENT)).isEmpty();

    // when: the first quarter's review date comes
    driver.pinClock(opensAt(reviews.get(0)).plus(Duration.ofHours(1)));

    // then: its review opens for the partner, with the certified people counted; the second waits
    UserTask selfAssessment = driver.awaitTask(instance, ReviewTasks.SELF_ASSESSMENT);
    assertThat(selfAssessment.getCandidateGroups()).containsExactly("partner-" + partnerId);
    assertThat(selfAssessment.getName()).isEqualTo("Assess the quarter");
    List<Map<String, Object>> now = fixtures.reviewsOf(planId);
    assertThat(now.get(0).get("status")).isEqualTo("SELF_ASSESSMENT");
    assertThat(now.get(0).get("actual_certified_people")).isEqualTo(0);
    assertThat(now.get(1).get("status")).isEqualTo("SCHEDULED");
    assertThat(driver.openTasks(instance, ReviewTasks.SELF_ASSESSMENT)).hasSize(1);
  }

  @Test
  void shouldScoreTheSelfAssessedQuarterAndTurnTheAgreedActionsIntoTasks() throws Exception {
    // given: an open review
    long partnerId = fixtures.partner();
    String partnerUser = fixtures.partnerUser(partnerId, PASSWORD);
    long planId = fixtures.newPlanId();
    String quarter = quarterFromNow(1);
    long instance = fixtures.approve(partnerId, planId, 1, quarter);
    driver.pinClock(opensAt(fixtures.awaitReviews(planId, 1).get(0)).plus(Duration.ofHours(1)));
    UserTask selfAssessment = driver.awaitTask(instance, ReviewTasks.SELF_ASSESSMENT);

    // when: the partner assesses the quarter
    driver.loginAs(partnerUser);
    ReviewTask partnerView = tasks.open(selfAssessment.getUserTaskKey());
    assertThat(partnerView.review()).as("no internal parts for the partner").isNull();
    assertThat(partnerView.scorecard()).isNull();
    assertThat(partnerView.partnerView().target().quarter()).isEqualTo(quarter);
    tasks.submitSelfAssessment(
        selfAssessment.getUserTaskKey(),
        new SelfAssessment("Two new logos, one slipped", 2, new BigDecimal("41000"), "CRM export"));
    driver.logout();

    // then: the manager scores it with the deployed weights
    UserTask scorecard = driver.awaitTask(instance, ReviewTasks.SCORECARD);
    driver.loginAs("manager");
    ReviewTask staffView = tasks.open(scorecard.getUserTaskKey());
    assertThat(staffView.review().selfAssessment()).isEqualTo("Two new logos, one slipped");
    assertThat(staffView.review().actuals().revenue()).isEqualByComparingTo("41000");
    assertThat(staffView.scorecard().criteria())
        .containsExactly(
            new Criterion("new-customers", 30),
            new Criterion("revenue", 30),
            new Criterion("certified-people", 20),
            new Criterion("engagement", 20));
    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    BigDecimal total =
        tasks.submitScorecard(
            scorecard.getUserTaskKey(),
            new ScorecardEntry(
                Map.of("new-customers", 4, "revenue", 3, "certified-people", 5, "engagement", 2),
                "Strong pipeline, weak marketing",
                2,
                new BigDecimal("41000"),
                "CRM export",
                List.of(
                    new NewAction("Run a joint webinar", ActionOwner.PARTNER, partnerUser, due),
                    new NewAction("Send the MDF form", ActionOwner.STAFF, "manager", due))));
    driver.logout();

    // then: (4*30 + 3*30 + 5*20 + 2*20) / (5*100) = 70 %
    assertThat(total).isEqualByComparingTo("70.00");
    Map<String, Object> review = fixtures.reviewsOf(planId).get(0);
    assertThat(review.get("status")).isEqualTo("COMPLETED");
    assertThat((BigDecimal) review.get("total_score")).isEqualByComparingTo("70.00");

    // and: each action is a task of its owner, in the portal and in the task list
    List<UserTask> actionTasks = driver.awaitTasks(instance, ReviewTasks.ACTION, 2);
    UserTask partnerAction =
        actionTasks.stream()
            .filter(t -> partnerUser.equals(t.getAssignee()))
            .findFirst()
            .orElseThrow();
    UserTask staffAction =
        actionTasks.stream()
            .filter(t -> "manager".equals(t.getAssignee()))
            .findFirst()
            .orElseThrow();
    assertThat(partnerAction.getCandidateGroups()).containsExactly("partner-" + partnerId);
    assertThat(staffAction.getCandidateGroups()).containsExactly("partner-managers");
    assertThat(partnerAction.getDueDate().toLocalDate()).isEqualTo(due);

    // when: the partner does its action
    driver.loginAs(partnerUser);
    assertThat(tasks.open(partnerAction.getUserTaskKey()).action().description())
        .isEqualTo("Run a joint webinar");
    tasks.actionDone(partnerAction.getUserTaskKey());
    List<PartnerReview> own = results.ofMyOrganisation();
    driver.logout();

    // then
    assertThat(driver.openTasks(instance, ReviewTasks.ACTION)).hasSize(1);
    assertThat(own).singleElement().satisfies(r -> assertThat(r.actions()).hasSize(2));
    assertThat(own.get(0).actions())
        .filteredOn(a -> a.side() == ActionOwner.PARTNER)
        .singleElement()
        .satisfies(a -> assertThat(a.doneAt()).isNotNull());
    driver.loginAs("manager");
    assertThat(results.attainment(partnerId))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.quarter()).isEqualTo(quarter);
              assertThat(r.actualNewCustomers()).isEqualTo(2);
              assertThat(r.revenueAttainment()).isEqualByComparingTo("0.82");
              assertThat(r.totalScore()).isEqualByComparingTo("70.00");
            });
  }

  @Test
  void shouldEscalateAMissedReviewToTheTeamLeadsAndKeepItOpen() throws Exception {
    // given: a review nobody held
    long partnerId = fixtures.partner();
    String partnerUser = fixtures.partnerUser(partnerId, PASSWORD);
    long planId = fixtures.newPlanId();
    long instance = fixtures.approve(partnerId, planId, 1, quarterFromNow(1));
    Map<String, Object> recorded = fixtures.awaitReviews(planId, 1).get(0);

    // when: the quarter ended and the grace days passed
    driver.pinClock(missedAt(recorded).plus(Duration.ofHours(1)));

    // then: the leads are told and get a task; the review stays open
    UserTask followUp = driver.awaitTask(instance, ReviewTasks.FOLLOW_UP);
    assertThat(followUp.getCandidateGroups()).containsExactly("partner-manager-leads");
    assertThat(fixtures.notices(partnerId))
        .containsExactly("qbr-missed to lead@demo.partnerflow.io");
    assertThat(fixtures.reviewsOf(planId).get(0).get("escalated_at")).isNotNull();
    UserTask selfAssessment = driver.awaitTask(instance, ReviewTasks.SELF_ASSESSMENT);

    // when: the lead follows up and the review is held after all
    driver.loginAs("lead");
    tasks.followedUp(followUp.getUserTaskKey(), "Called Max, review booked for Monday");
    driver.loginAs(partnerUser);
    tasks.submitSelfAssessment(
        selfAssessment.getUserTaskKey(), new SelfAssessment("Late, sorry", 1, null, null));
    UserTask scorecard = driver.awaitTask(instance, ReviewTasks.SCORECARD);
    driver.loginAs("manager");
    tasks.submitScorecard(
        scorecard.getUserTaskKey(),
        new ScorecardEntry(
            Map.of("new-customers", 1, "revenue", 1, "certified-people", 1, "engagement", 1),
            null,
            1,
            null,
            null,
            List.of()));

    // then: held, and the instance ends (no actions)
    assertThat(fixtures.reviewsOf(planId).get(0).get("status")).isEqualTo("COMPLETED");
    ProcessDriver.await(
        () ->
            client
                    .newProcessInstanceGetRequest(instance)
                    .send()
                    .join()
                    .getState()
                    .name()
                    .equals("COMPLETED")
                ? java.util.Optional.of(true)
                : java.util.Optional.empty());
  }

  @Test
  void shouldReplaceTheReviewsOfAnOlderPlanVersion() throws Exception {
    // given: version 1 under review
    long partnerId = fixtures.partner();
    long planId = fixtures.newPlanId();
    String quarter = quarterFromNow(1);
    long first = fixtures.approve(partnerId, planId, 1, quarter);
    fixtures.awaitReviews(planId, 1);

    // when: version 2 is approved
    long second = fixtures.approve(partnerId, planId, 2, quarter, quarterFromNow(2));

    // then: version 1's review is replaced and its instance ends; version 2's are recorded
    assertThat(second).isNotEqualTo(first);
    List<Map<String, Object>> reviews = fixtures.awaitReviews(planId, 3);
    assertThat(reviews)
        .extracting(r -> r.get("plan_version") + " " + r.get("quarter") + " " + r.get("status"))
        .containsExactly(
            "1 " + quarter + " REPLACED",
            "2 " + quarter + " SCHEDULED",
            "2 " + quarterFromNow(2) + " SCHEDULED");
    ProcessDriver.await(
        () ->
            client
                    .newProcessInstanceGetRequest(first)
                    .send()
                    .join()
                    .getState()
                    .name()
                    .equals("COMPLETED")
                ? java.util.Optional.of(true)
                : java.util.Optional.empty());

    // and: approving an older or the same version again changes nothing
    assertThat(fixtures.approve(partnerId, planId, 1, quarter)).isEqualTo(second);
    assertThat(fixtures.approve(partnerId, planId, 2, quarter)).isEqualTo(second);
  }
}
