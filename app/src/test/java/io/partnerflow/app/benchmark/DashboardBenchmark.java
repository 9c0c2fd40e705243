package io.partnerflow.app.benchmark;

import io.partnerflow.app.dashboard.ChannelDashboardService;
import io.partnerflow.app.dashboard.ChannelFilter;
import io.partnerflow.app.dashboard.HomeService;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): each dashboard's data load — the channel dashboard (one SQL query for
 * the funnel and stage times, three for partners and certification, two counts of overdue tasks on
 * the engine) and a partner manager's home (the open tasks of their groups from the engine, their
 * partners by status and tier, plan attainment and reviews due from the quarterly reviews) — with a
 * year of history written in bulk SQL (benchmark only): 5,000 partners, 50,000 applications with
 * their status history (about 550,000 rows of {@code app.application_event}, in place of the
 * completed tasks), contracts, activations and certificates. The database's triggers turn those
 * writes into the reporting rows the funnel and stage times read ({@code app.application_journey}),
 * as they do the workers' writes. Each figure is printed with the load average.
 *
 * <p>{@code ./mvnw -B -pl app -am -Pbenchmark test -Dtest=DashboardBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, options {@code -Dbenchmark.applications=50000
 * -Dbenchmark.partners=5000 -Dbenchmark.loads=30}.
 */
@PartnerflowTest
class DashboardBenchmark {

  private static final String COUNTRIES =
      "ARRAY['DE','US','GB','FR','CN','JP','IN','BR','CA','AU','NL','SE','ES','IT','PL',"
          + "'SG','KR','MX','ZA','CH','AT','BE','DK','NO','FI','IE','NZ','PT','CZ','TR']";
  private static final String TYPES =
      "ARRAY['reseller','technology','referral','distributor','marketplace']";
  private static final String TIERS = "ARRAY['REGISTERED','SILVER','GOLD','PLATINUM']";
  private static final int MANAGERS = 20;

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired ChannelDashboardService channel;
  @Autowired HomeService home;

  @Test
  void measure() {
    int applications = Integer.getInteger("benchmark.applications", 50_000);
    int partners = Integer.getInteger("benchmark.partners", 5_000);
    int loads = Integer.getInteger("benchmark.loads", 30);
    String run = UUID.randomUUID().toString().substring(0, 6);

    long writing = System.nanoTime();
    long[] range = applications(run, applications);
    long events = history(range);
    partners(run, range, partners);
    jdbc.sql("ANALYZE").update();
    System.out.printf(
        "%nPartnerflow dashboard benchmark on %d cores: %d applications, %d status-history rows,"
            + " %d partners written in %.1f s (load average before measuring: %s)%n",
        Runtime.getRuntime().availableProcessors(),
        applications,
        events,
        partners,
        (System.nanoTime() - writing) / 1e9,
        loadAverage());

    LocalDate today = LocalDate.now(clock);
    ChannelFilter year = ChannelFilter.lastYear(today);
    String manager = "bench-mgr-" + run + "-0";
    users.createIfAbsent(
        new NewUserAccount(
            manager,
            "benchmark manager password",
            "Bench Manager",
            manager + "@vendor.example",
            Set.of(Role.PARTNER_MANAGER),
            Set.of("partner-managers")));

    loginAs("lead");
    measure("channel: last 12 months, all", loads, () -> channel.load(year));
    measure(
        "channel: last 12 months, one country",
        loads,
        () -> channel.load(new ChannelFilter(year.from(), year.to(), "DE", null, null)));
    measure(
        "channel: last quarter, type+manager",
        loads,
        () ->
            channel.load(
                new ChannelFilter(
                    today.minusMonths(3), today, null, PartnerType.RESELLER, manager)));
    loginAs(manager);
    measure(
        "manager home: tasks, partners, plans",
        loads,
        () -> {
          home.myTasks();
          home.myPlans();
          return home.myPartners();
        });
    SecurityContextHolder.clearContext();
  }

  private long[] applications(String run, int count) {
    Timestamp start = Timestamp.from(clock.instant().minus(Duration.ofDays(365)));
    long minutes = Math.max(1, 365L * 24 * 60 / count);
    jdbc.sql(
            "INSERT INTO app.application (company_name, contact_name, contact_email, country,"
                + " partner_type, data, locale, status, created_at, updated_at,"
                // a key no engine knows: the start retry leaves these rows alone
                + " process_instance_key)"
                + " SELECT 'Bench Co ' || :run || ' ' || g, 'Bench Contact', 'c@bench.example',"
                + " ("
                + COUNTRIES
                + ")[1 + g % 30], ("
                + TYPES
                + ")[1 + g % 5], '{}'::jsonb, 'en', 'SUBMITTED',"
                + " CAST(:start AS timestamptz) + g * :minutes * interval '1 minute',"
                + " CAST(:start AS timestamptz), -(:salt + g)"
                + " FROM generate_series(1, :count) g")
        .param(
            "salt",
            2_000_000_000_000L
                + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L))
        .param("run", run)
        .param("start", start)
        .param("minutes", minutes)
        .param("count", count)
        .update();
    return jdbc.sql("SELECT min(id), max(id) FROM app.application WHERE company_name LIKE :prefix")
        .param("prefix", "Bench Co " + run + " %")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  /**
   * The status history as the recruitment process writes it: submitted, screening, then one in ten
   * blocked; the others in review after 1–48 h, up to eight rounds of information requested and
   * answered, and six in ten approved, two rejected, one still open.
   */
  private long history(long[] range) {
    String apps = " FROM app.application a WHERE a.id BETWEEN :lo AND :hi";
    jdbc.sql(
            "INSERT INTO app.application_event (application_id, status, created_at)"
                + " SELECT a.id, 'SUBMITTED', a.created_at"
                + apps
                + " UNION ALL SELECT a.id, 'SCREENING', a.created_at + interval '1 minute'"
                + apps
                + " UNION ALL SELECT a.id, 'BLOCKED', a.created_at + interval '2 minutes'"
                + apps
                + " AND a.id % 10 = 0"
                + " UNION ALL SELECT a.id, 'IN_REVIEW', a.created_at + (1 + a.id % 48) * interval"
                + " '1 hour'"
                + apps
                + " AND a.id % 10 <> 0"
                + " UNION ALL SELECT a.id, s.status, a.created_at + interval '2 days' + r * interval"
                + " '6 hours' + CASE WHEN s.status = 'IN_REVIEW' THEN interval '3 hours' ELSE"
                + " interval '0' END"
                + " FROM app.application a CROSS JOIN generate_series(1, 8) r"
                + " CROSS JOIN (VALUES ('INFORMATION_REQUESTED'), ('IN_REVIEW')) s(status)"
                + " WHERE a.id BETWEEN :lo AND :hi AND a.id % 10 <> 0 AND r <= a.id % 9"
                + " UNION ALL SELECT a.id, CASE WHEN a.id % 10 BETWEEN 1 AND 6 THEN 'APPROVED'"
                + " ELSE 'REJECTED' END, a.created_at + interval '5 days' + (a.id % 72) * interval"
                + " '1 hour'"
                + apps
                + " AND a.id % 10 BETWEEN 1 AND 8")
        .param("lo", range[0])
        .param("hi", range[1])
        .update();
    return jdbc.sql(
            "SELECT count(*) FROM app.application_event WHERE application_id BETWEEN :lo AND :hi")
        .param("lo", range[0])
        .param("hi", range[1])
        .query(Long.class)
        .single();
  }

  /**
   * Partners of the first approved applications, owned by twenty managers: three in five active
   * (agreement in force 1–20 days after the approval, active 0–4 days later), one with the
   * agreement out for signature, one onboarding; half of the active ones with two certificates.
   */
  private void partners(String run, long[] range, int count) {
    jdbc.sql(
            "INSERT INTO app.partner (name, website, country, type, tier, status, owner_username,"
                + " fit_score, application_id, created_at)"
                + " SELECT a.company_name, null, a.country, upper(a.partner_type), ("
                + TIERS
                + ")[1 + a.id % 4], CASE WHEN a.id % 5 < 3 THEN 'ACTIVE' WHEN a.id % 5 = 3 THEN"
                + " 'CONTRACT_PENDING' ELSE 'ONBOARDING' END, 'bench-mgr-' || :run || '-' ||"
                + " (a.id % "
                + MANAGERS
                + "), 60 + a.id % 40, a.id, a.created_at + interval '5 days'"
                + " FROM app.application a WHERE a.id BETWEEN :lo AND :hi"
                + " AND a.id % 10 BETWEEN 1 AND 6 ORDER BY a.id LIMIT :count")
        .param("run", run)
        .param("lo", range[0])
        .param("hi", range[1])
        .param("count", count)
        .update();
    String ours = " FROM app.partner p WHERE p.application_id BETWEEN :lo AND :hi";
    jdbc.sql(
            "INSERT INTO app.contract (partner_id, process_instance_key, template_id,"
                + " countersignature_required, term_months, language, status, effective_on,"
                + " in_force_at)"
                + " SELECT p.id, -(p.id + :salt), 'resale-agreement', false, 12, 'en',"
                + " CASE WHEN p.status = 'ACTIVE' THEN 'IN_FORCE' ELSE 'AWAITING_SIGNATURE' END,"
                + " current_date, CASE WHEN p.status = 'ACTIVE' THEN p.created_at + (1 + p.id %"
                + " 20) * interval '1 day' END"
                + ours
                + " AND p.status IN ('ACTIVE', 'CONTRACT_PENDING')")
        .param("lo", range[0])
        .param("hi", range[1])
        .param(
            "salt",
            1_000_000_000_000L
                + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L))
        .update();
    jdbc.sql(
            "INSERT INTO app.partner_event (partner_id, occurred_at, kind, old_value, new_value,"
                + " actor) SELECT p.id, c.in_force_at + (p.id % 5) * interval '1 day',"
                + " 'STATUS_CHANGED', 'CONTRACT_PENDING', 'ACTIVE', 'system'"
                + " FROM app.partner p JOIN app.contract c ON c.partner_id = p.id"
                + " WHERE p.application_id BETWEEN :lo AND :hi AND p.status = 'ACTIVE'")
        .param("lo", range[0])
        .param("hi", range[1])
        .update();
    // one valid certificate per person and certification: a certification per certificate here
    long user =
        jdbc.sql("SELECT id FROM app.app_user WHERE username = 'admin'").query(Long.class).single();
    jdbc.sql(
            "INSERT INTO app.certification (code, name_en, name_zh, validity_months, active)"
                + " SELECT :run || '-' || p.id || '-' || k, 'Bench certification', '基准认证', 12,"
                + " true FROM app.partner p CROSS JOIN generate_series(1, 2) k"
                + " WHERE p.application_id BETWEEN :lo AND :hi AND p.status = 'ACTIVE'"
                + " AND p.id % 2 = 0")
        .param("run", "bench-" + run)
        .param("lo", range[0])
        .param("hi", range[1])
        .update();
    jdbc.sql(
            "INSERT INTO app.certificate (certification_id, user_id, partner_id,"
                + " verification_code, issued_at, expires_at, status)"
                + " SELECT c.id, :user, split_part(c.code, '-', 3)::bigint, c.code,"
                + " now() - interval '100 days', now() + interval '250 days', 'VALID'"
                + " FROM app.certification c WHERE c.code LIKE :prefix")
        .param("user", user)
        .param("prefix", "bench-" + run + "-%")
        .update();
  }

  private static void measure(String label, int loads, Supplier<?> load) {
    for (int i = 0; i < 5; i++) {
      load.get(); // warm-up
    }
    long[] nanos =
        IntStream.range(0, loads)
            .mapToLong(
                i -> {
                  long started = System.nanoTime();
                  load.get();
                  return System.nanoTime() - started;
                })
            .toArray();
    Arrays.sort(nanos);
    System.out.printf(
        "%-40s p50 %7.1f ms  p95 %7.1f ms  (%d loads, load average %s)%n",
        label,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.95)] / 1e6,
        loads,
        loadAverage());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
