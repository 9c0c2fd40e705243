package io.partnerflow.app.audit.ui;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.partnerflow.app.audit.AuditFilter;
import io.partnerflow.app.audit.AuditLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The audit view's current filter as a CSV file, streamed row by row from a database cursor to the
 * browser: the export never holds the whole log in memory. Reading is checked by {@link AuditLog}
 * itself (administrators only), whoever asks for the download.
 */
class AuditCsvDownload implements DownloadHandler {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final AuditLog auditLog;
  private final Supplier<AuditFilter> filter;

  private final Clock clock;

  AuditCsvDownload(AuditLog auditLog, Supplier<AuditFilter> filter, Clock clock) {
    this.clock = clock;
    this.auditLog = auditLog;
    this.filter = filter;
  }

  @Override
  public void handleDownloadRequest(DownloadEvent event) throws IOException {
    event.setFileName("audit-" + FILE_TIME.format(clock.instant()) + ".csv");
    event.setContentType("text/csv; charset=UTF-8");
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
      write(filter.get(), out);
    }
  }

  void write(AuditFilter current, Writer out) {
    AuditCsv csv = new AuditCsv(out);
    csv.header();
    auditLog.export(current, csv::entry);
  }
}
