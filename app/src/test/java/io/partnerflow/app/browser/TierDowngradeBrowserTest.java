package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import io.partnerflow.app.support.TierFixtures;
import io.partnerflow.app.tier.TierReviewRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner manager's "Confirm downgrade" task of the tier review, in a real browser (screenshots
 * journey-tiers-en-NN-*): two silver partners without a certified sales professional; the manager
 * downgrades one now and keeps the other's tier.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class TierDowngradeBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired CertificationService certifications;
  @Autowired TierReviewRequests requests;

  private Browser browser;
  private RecruitmentJourney journey;
  private TierFixtures fixtures;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    deployments.deploy(deployments.configuredModels());
    fixtures = new TierFixtures(client, partners, users, jdbc, certifications, requests);
  }

  @Test
  void shouldLetTheManagerConfirmOneDowngradeAndKeepTheTierOfAnother() throws Exception {
    // given: two silver partners that no longer meet silver, each with a review asking
    long downgraded = fixtures.partnerWithAgreement(PartnerTier.SILVER);
    long kept = fixtures.partnerWithAgreement(PartnerTier.SILVER);
    long firstReview = fixtures.review(downgraded);
    long secondReview = fixtures.review(kept);
    UserTask first = fixtures.awaitTask(firstReview, "confirm-downgrade");
    UserTask second = fixtures.awaitTask(secondReview, "confirm-downgrade");

    // when: the manager downgrades the first now
    journey.logInAs("manager");
    journey.openTask(first.getUserTaskKey());
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.screenshot("journey-tiers-en-01-confirm-downgrade");
    browser.choose("form-field-decision", "Downgrade now");
    journey.complete();

    // then
    assertThat(fixtures.awaitCompleted(firstReview)).isEqualTo("tier-downgraded");
    assertThat(fixtures.tier(downgraded)).isEqualTo("REGISTERED");

    // when: and keeps the second's tier
    journey.openTask(second.getUserTaskKey());
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Keep the current tier");
    browser.screenshot("journey-tiers-en-02-keep-tier");
    journey.complete();

    // then
    assertThat(fixtures.awaitCompleted(secondReview)).isEqualTo("downgrade-kept-tier");
    assertThat(fixtures.tier(kept)).isEqualTo("SILVER");

    // and the downgraded partner's page shows its new tier
    browser.open(journey.url("/partners/" + downgraded));
    browser.waitForText(By.id("tier-progress"), "Current tier:");
    browser.screenshot("journey-tiers-en-03-downgraded-partner");
  }
}
