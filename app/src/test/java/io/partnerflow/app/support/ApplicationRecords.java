package io.partnerflow.app.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applications and their status history written as the recruitment process's workers leave them (an
 * application row and one {@code app.application_event} per status), without running the process:
 * for the dashboards' figures, which read only those records.
 */
public final class ApplicationRecords {

  private ApplicationRecords() {}

  /** A submitted reseller application of the country, with its SUBMITTED event. */
  public static long application(JdbcClient jdbc, String country, Instant submitted) {
    long id =
        jdbc.sql(
                // a process instance key of its own (no engine knows it): the start retry
                // would otherwise run the recruitment process for these rows
                "INSERT INTO app.application (company_name, contact_name, contact_email,"
                    + " country, partner_type, data, locale, status, created_at, updated_at,"
                    + " process_instance_key) VALUES (:company, 'Dora Data',"
                    + " 'dora@applicant.example', :country, 'reseller', '{}'::jsonb, 'en',"
                    + " 'SUBMITTED', :at, :at, :key) RETURNING id")
            .param("key", -Math.abs(UUID.randomUUID().getMostSignificantBits() >> 1))
            .param("company", "Dashboard Applicant " + UUID.randomUUID().toString().substring(0, 6))
            .param("country", country)
            .param("at", Timestamp.from(submitted))
            .query(Long.class)
            .single();
    event(jdbc, id, "SUBMITTED", submitted);
    return id;
  }

  /** The application moved to the status at that moment: its history and its current status. */
  public static void event(JdbcClient jdbc, long application, String status, Instant at) {
    jdbc.sql(
            "INSERT INTO app.application_event (application_id, status, created_at)"
                + " VALUES (:id, :status, :at)")
        .param("id", application)
        .param("status", status)
        .param("at", Timestamp.from(at))
        .update();
    jdbc.sql("UPDATE app.application SET status = :status WHERE id = :id")
        .param("id", application)
        .param("status", status)
        .update();
  }
}
