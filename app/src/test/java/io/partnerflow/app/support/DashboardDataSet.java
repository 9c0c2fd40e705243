package io.partnerflow.app.support;

import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small, fixed history for the dashboards, written as the processes would have left it (status
 * history, partners, partner events, contracts, certificates), in a period of its own (a random
 * month between 1995 and 2015, so it shares no day with other tests' data) and owned by a partner
 * manager of its own. The figures it must give are worked out by hand in {@code
 * dashboard/ChannelFiguresTest}:
 *
 * <pre>
 * app  country submitted  in review  decision            partner               agreement  active
 * A1   TV      d0 09:00   +2h        APPROVED +24h       P1 GOLD ACTIVE        +5d        +1d
 * A2   TV      d0+1       +4h        APPROVED +48h       P2 SILVER CONTRACT_P. +10d       -
 * A3   TV      d0+2       +6h        REJECTED +72h       -
 * A4   TV      d0+3       +8h        (info requested)    -
 * A5   TV      d0+4       -          BLOCKED             -
 * A6   TV      d0-1       +1h        APPROVED +1h        -                     (outside the period)
 * A7   NR      d0+5       +1h        APPROVED +1h        P3 GOLD ACTIVE        -          (other country)
 * P4   TV      REGISTERED TERMINATED, no application
 * certificates: P1 one valid (expires in 2999), P3 one lapsed
 * </pre>
 */
public final class DashboardDataSet {

  public static final String COUNTRY = "TV";
  public static final String OTHER_COUNTRY = "NR";

  /** The password of the data set's partner manager. */
  public static final String PASSWORD = "dashboard manager password";

  public final String manager;
  public final LocalDate firstDay;
  public final LocalDate lastDay;
  public final long p1;
  public final long p2;
  public final long p3;
  public final long p4;

  private final JdbcClient jdbc;

  public DashboardDataSet(JdbcClient jdbc, UserAccountService users) {
    this.jdbc = jdbc;
    this.manager = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    users.createIfAbsent(
        new NewUserAccount(
            manager,
            PASSWORD,
            "Dana Dashboard",
            manager + "@vendor.example",
            Set.of(Role.PARTNER_MANAGER),
            Set.of("partner-managers")));
    firstDay = LocalDate.of(1995, 1, 1).plusMonths(ThreadLocalRandom.current().nextInt(0, 12 * 20));
    lastDay = firstDay.plusDays(27);
    Instant d0 = firstDay.atTime(9, 0).toInstant(ZoneOffset.UTC);

    long a1 = application(COUNTRY, d0);
    events(a1, d0, "IN_REVIEW", h(2), "APPROVED", h(2 + 24));
    p1 = partner(a1, COUNTRY, "GOLD", "ACTIVE");
    Instant signed1 = d0.plus(h(26)).plus(Duration.ofDays(5));
    contract(p1, signed1);
    activated(p1, signed1.plus(Duration.ofDays(1)));

    Instant t2 = d0.plus(Duration.ofDays(1));
    long a2 = application(COUNTRY, t2);
    events(a2, t2, "IN_REVIEW", h(4), "APPROVED", h(4 + 48));
    p2 = partner(a2, COUNTRY, "SILVER", "CONTRACT_PENDING");
    contract(p2, t2.plus(h(52)).plus(Duration.ofDays(10)));

    Instant t3 = d0.plus(Duration.ofDays(2));
    long a3 = application(COUNTRY, t3);
    events(a3, t3, "IN_REVIEW", h(6), "REJECTED", h(6 + 72));

    Instant t4 = d0.plus(Duration.ofDays(3));
    long a4 = application(COUNTRY, t4);
    events(a4, t4, "IN_REVIEW", h(8), "INFORMATION_REQUESTED", h(9));

    Instant t5 = d0.plus(Duration.ofDays(4));
    long a5 = application(COUNTRY, t5);
    events(a5, t5, "BLOCKED", h(1), null, null);

    Instant t6 = d0.minus(Duration.ofDays(1));
    long a6 = application(COUNTRY, t6);
    events(a6, t6, "IN_REVIEW", h(1), "APPROVED", h(2));

    Instant t7 = d0.plus(Duration.ofDays(5));
    long a7 = application(OTHER_COUNTRY, t7);
    events(a7, t7, "IN_REVIEW", h(1), "APPROVED", h(2));
    p3 = partner(a7, OTHER_COUNTRY, "GOLD", "ACTIVE");

    p4 = partner(null, COUNTRY, "REGISTERED", "TERMINATED");

    long certification =
        jdbc.sql(
                "INSERT INTO app.certification (code, name_en, name_zh, validity_months, active)"
                    + " VALUES (:code, 'Dashboard certification', '仪表板认证', 12, true) RETURNING id")
            .param("code", "dash-" + UUID.randomUUID().toString().substring(0, 8))
            .query(Long.class)
            .single();
    long user =
        jdbc.sql("SELECT id FROM app.app_user WHERE username = :u")
            .param("u", manager)
            .query(Long.class)
            .single();
    certificate(certification, user, p1, "VALID", Instant.parse("2999-01-01T00:00:00Z"));
    certificate(certification, user, p3, "LAPSED", d0.plus(Duration.ofDays(30)));
  }

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  private long application(String country, Instant submitted) {
    return ApplicationRecords.application(jdbc, country, submitted);
  }

  private void events(
      long application,
      Instant submitted,
      String first,
      Duration after1,
      String second,
      Duration after2) {
    event(application, "SCREENING", submitted.plusSeconds(60));
    event(application, first, submitted.plus(after1));
    if (second != null) {
      event(application, second, submitted.plus(after2));
    }
  }

  private void event(long application, String status, Instant at) {
    ApplicationRecords.event(jdbc, application, status, at);
  }

  private long partner(Long application, String country, String tier, String status) {
    return jdbc.sql(
            "INSERT INTO app.partner (name, website, country, type, tier, status, owner_username,"
                + " fit_score, application_id) VALUES (:name, null, :country, 'RESELLER', :tier,"
                + " :status, :owner, 70, :application) RETURNING id")
        .param("name", "Dashboard Partner " + UUID.randomUUID().toString().substring(0, 6))
        .param("country", country)
        .param("tier", tier)
        .param("status", status)
        .param("owner", manager)
        .param("application", application)
        .query(Long.class)
        .single();
  }

  private void contract(long partner, Instant inForce) {
    jdbc.sql(
            "INSERT INTO app.contract (partner_id, process_instance_key, template_id,"
                + " countersignature_required, term_months, language, status, effective_on,"
                + " in_force_at) VALUES (:partner, :key, 'resale-agreement', false, 12, 'en',"
                + " 'IN_FORCE', :day, :at)")
        .param("partner", partner)
        .param("key", -Math.abs(UUID.randomUUID().getMostSignificantBits() >> 1))
        .param("day", java.sql.Date.valueOf(inForce.atZone(ZoneOffset.UTC).toLocalDate()))
        .param("at", Timestamp.from(inForce))
        .update();
  }

  private void activated(long partner, Instant at) {
    jdbc.sql(
            "INSERT INTO app.partner_event (partner_id, occurred_at, kind, old_value, new_value,"
                + " actor) VALUES (:partner, :at, 'STATUS_CHANGED', 'CONTRACT_PENDING', 'ACTIVE',"
                + " 'system')")
        .param("partner", partner)
        .param("at", Timestamp.from(at))
        .update();
  }

  private void certificate(
      long certification, long user, long partner, String status, Instant expires) {
    jdbc.sql(
            "INSERT INTO app.certificate (certification_id, user_id, partner_id,"
                + " verification_code, issued_at, expires_at, status) VALUES (:certification,"
                + " :user, :partner, :code, :issued, :expires, :status)")
        .param("certification", certification)
        .param("user", user)
        .param("partner", partner)
        .param("code", UUID.randomUUID().toString().replace("-", "").substring(0, 20))
        .param("issued", Timestamp.from(expires.minus(Duration.ofDays(365))))
        .param("expires", Timestamp.from(expires))
        .param("status", status)
        .update();
  }
}
