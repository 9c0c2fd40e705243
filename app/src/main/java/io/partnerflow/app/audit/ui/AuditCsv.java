package io.partnerflow.app.audit.ui;

import io.partnerflow.app.audit.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit entries as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled). A cell that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe.
 */
final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "id",
          "occurred_at",
          "actor",
          "client_address",
          "action",
          "subject_type",
          "subject_id",
          "partner_id",
          "process_instance_key",
          "before",
          "after");

  private final Writer out;

  AuditCsv(Writer out) {
    this.out = out;
  }

  void header() {
    line(HEADER);
  }

  void entry(AuditEntry entry) {
    line(
        List.of(
            Long.toString(entry.id()),
            entry.occurredAt().toString(),
            text(entry.actor()),
            text(entry.clientAddress()),
            entry.action().name(),
            entry.subject().type(),
            entry.subject().id(),
            text(entry.subject().partnerId()),
            text(entry.subject().processInstanceKey()),
            text(entry.before()),
            text(entry.after())));
  }

  private void line(List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(String value) {
    String safe = defused(value);
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static String defused(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + value : value;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
