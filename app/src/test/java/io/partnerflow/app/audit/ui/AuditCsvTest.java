package io.partnerflow.app.audit.ui;

import static io.partnerflow.app.audit.AuditTestData.actAs;
import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static io.partnerflow.app.audit.AuditTestData.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditEntry;
import io.partnerflow.app.audit.AuditFilter;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.support.PartnerflowTest;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The CSV export: RFC 4180 quoting, no formulas for spreadsheets, streamed from the database. */
@PartnerflowTest
class AuditCsvTest {

  @Autowired AuditLog auditLog;
  @Autowired Clock clock;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldQuoteCommasQuotesAndLineBreaks() {
    assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
    assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(AuditCsv.cell("cr\rlf")).isEqualTo("\"cr\rlf\"");
    assertThat(AuditCsv.cell("")).isEmpty();
  }

  @Test
  void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(AuditCsv.cell("+1+1")).isEqualTo("'+1+1");
    assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
    assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
  }

  @Test
  void shouldExportTheFilteredEntriesWithAHeaderAndCrlfLineEnds() {
    // given: a typed username meant to run in a spreadsheet, and a value with commas and quotes
    long partner = uniqueKey();
    actAs("=cmd|' /C calc'!A0", "ROLE_PARTNER_MANAGER");
    auditLog.record(
        AuditAction.PARTNER_CHANGED,
        AuditSubject.partner(partner),
        Map.of("name", "Smith, \"Jr\""),
        Map.of("name", "Smith"));
    actAsAdmin();
    auditLog.record(AuditAction.PARTNER_CHANGED, AuditSubject.partner(partner), null, "@x");
    StringWriter out = new StringWriter();

    // when
    new AuditCsvDownload(auditLog, () -> AuditFilter.all().withPartner(partner), clock)
        .write(AuditFilter.all().withPartner(partner), out);

    // then
    String[] lines = out.toString().split("\r\n", -1);
    assertThat(lines).hasSize(4); // header, two entries, the empty rest after the last CRLF
    assertThat(lines[0])
        .isEqualTo(
            "id,occurred_at,actor,client_address,action,subject_type,subject_id,partner_id,"
                + "process_instance_key,before,after");
    AuditEntry newest = auditLog.find(AuditFilter.all().withPartner(partner), 0, 1).get(0);
    assertThat(lines[1])
        .isEqualTo(
            newest.id()
                + ","
                + newest.occurredAt()
                + ",admin,,PARTNER_CHANGED,partner,"
                + partner
                + ","
                + partner
                + ",,,\"\"\"@x\"\"\"");
    assertThat(lines[2])
        .contains(",'=cmd|' /C calc'!A0,")
        .endsWith(
            ",\"{\"\"name\"\": \"\"Smith, \\\"\"Jr\\\"\"\"\"}\",\"{\"\"name\"\": \"\"Smith\"\"}\"");
    assertThat(lines[3]).isEmpty();
    assertThat(Instant.parse(lines[2].split(",")[1])).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void shouldExportOnlyForAdministrators() {
    actAs("manager", "ROLE_PARTNER_MANAGER");
    assertThatThrownBy(
            () ->
                new AuditCsvDownload(auditLog, AuditFilter::all, clock)
                    .write(AuditFilter.all(), new StringWriter()))
        .isInstanceOf(AccessDeniedException.class);
  }
}
