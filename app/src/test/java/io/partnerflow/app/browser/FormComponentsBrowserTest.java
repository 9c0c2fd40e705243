package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reviewer attaches call notes to the review of an application (the review form's filepicker),
 * asks the applicant for information and, on the next review of the same application, finds the
 * file and downloads it; in Chinese, a renamed executable is refused with a message on the field.
 * Screenshots: target/screenshots/forms-&lt;lang&gt;-NN-*.png.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class FormComponentsBrowserTest {

  private static final String NOTES = "%PDF-1.7\n% call notes of the first review\n";

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    // other tests deploy their own partner-recruitment; make the real one the latest again
    deployments.deploy(deployments.configuredModels());
  }

  @Test
  void shouldUploadAFileInATaskFormAndDownloadItOnTheLaterTask() throws IOException {
    // given: an application waiting for its first review
    String company = RecruitmentJourney.unique("Forms Upload");
    Applicant applicant = journey.apply(company, "Netherlands", "forms-en-00");
    long firstReview = journey.awaitTask(applicant, "review-application");

    // when: the manager asks for information and attaches the call notes
    journey.logInAs("manager");
    journey.openTask(firstReview);
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Request information");
    browser.type("form-field-informationRequest", "Please send two customer references.");
    browser.upload(
        "reviewDocument",
        Browser.uploadFile("call-notes.pdf", NOTES.getBytes(StandardCharsets.US_ASCII)));

    // then: the form shows the file with its download link
    browser.waitForText(By.id("form-file-reviewDocument"), "call-notes.pdf");
    browser.screenshot("forms-en-01-file-attached");
    journey.complete();

    // and the applicant answers on the status page
    journey.awaitStatus(applicant, "INFORMATION_REQUESTED");
    journey.openStatusPage(applicant);
    browser.type("form-field-additionalInformation", "Contoso and Fabrikam, contacts attached.");
    browser.click("information-submit");
    browser.waitForText(By.id("status-message"), "Thank you");

    // when: the next review of the same application opens
    long secondReview = journey.awaitTask(applicant, "review-application");
    journey.logInAs("manager");
    journey.openTask(secondReview);

    // then: the file of the first review is there and downloads with its bytes
    WebElement link = browser.waitFor(By.id("form-file-reviewDocument"));
    assertThat(link.getText()).contains("call-notes.pdf");
    assertThat(download(link)).isEqualTo(NOTES);
    browser.screenshot("forms-en-02-later-task");

    // when: in Chinese, the manager claims it and tries a renamed executable
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "首页");
    journey.openTask(secondReview);
    browser.waitForText(By.id("form-file-reviewDocument"), "下载 call-notes.pdf");
    browser.screenshot("forms-zh-03-later-task");
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.upload(
        "reviewDocument",
        Browser.uploadFile("price-list.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3}));

    // then: refused, in Chinese, and the earlier file stays the value
    browser.waitForText(
        By.cssSelector("#form-field-reviewDocument .form-filepicker-error"), "不能上传此类文件");
    assertThat(browser.waitFor(By.id("form-file-reviewDocument")).getText())
        .contains("call-notes.pdf");
    browser.screenshot("forms-zh-04-executable-refused");
  }

  /** Fetches the link in the logged-in browser, as a click would download it. */
  private String download(WebElement link) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.ok ? r.text() : 'HTTP ' + r.status)"
                    + ".then(done).catch(e => done('failed: ' + e));",
                link.getAttribute("href"));
  }
}
