package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.audit.AuditTestData;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** An administrator reads a partner's audit trail in the browser and downloads it as CSV. */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class AuditTrailBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;
  @Autowired AuditLog auditLog;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldShowAPartnersHistoryAndExportItAsCsv() throws Exception {
    // given: changes to one partner, one of them carrying a would-be spreadsheet formula
    long partner = AuditTestData.uniqueKey();
    AuditTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    auditLog.record(
        AuditAction.PARTNER_CHANGED,
        AuditSubject.partner(partner),
        Map.of("tier", "SILVER"),
        Map.of("tier", "GOLD"));
    auditLog.record(
        AuditAction.PARTNER_CHANGED,
        AuditSubject.partner(partner),
        Map.of("status", "ONBOARDING"),
        Map.of("status", "ACTIVE"));
    SecurityContextHolder.clearContext();

    // when
    journey.logInAs("admin");
    browser.open("http://localhost:" + port + "/operations/audit?partner=" + partner);

    // then
    browser.waitForText(By.id("audit-grid"), "tier: SILVER → tier: GOLD");
    assertThat(browser.gridContains("audit-grid", "status: ONBOARDING → status: ACTIVE")).isTrue();
    browser.screenshot("audit-trail-en");

    // when: the export link, fetched with the administrator's session
    String href = browser.waitFor(By.id("audit-export")).getAttribute("href");
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    HttpResponse<String> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // then: the two entries of that partner, newest first, as an attachment
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment")
        .contains(".csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(3);
    // a byte order mark first, so that Excel reads the Chinese names as UTF-8
    assertThat(lines[0]).startsWith("\uFEFFid,occurred_at,actor");
    assertThat(lines[1]).contains("\"{\"\"status\"\": \"\"ONBOARDING\"\"}\"");
    assertThat(lines[2]).contains("\"{\"\"tier\"\": \"\"SILVER\"\"}\"");

    // when: one entry opened, in Chinese
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "审计日志");
    browser.waitFor(By.xpath("//vaadin-grid-cell-content[contains(., 'tier: SILVER')]")).click();

    // then
    browser.waitForText(By.id("audit-detail-after"), "GOLD");
    assertThat(browser.waitFor(By.id("audit-detail-title")).getText()).contains("合作伙伴已变更");
    browser.screenshot("audit-trail-zh");
  }
}
