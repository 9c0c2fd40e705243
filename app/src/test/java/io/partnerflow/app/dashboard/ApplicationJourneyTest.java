package io.partnerflow.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.ApplicationRecords;
import io.partnerflow.app.support.DashboardDataSet;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.StaffTestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reporting table {@code app.application_journey}: its row follows each step of an application
 * as the records are written (the database's triggers, same transaction), and its backfill gives
 * what the dashboard's query computed from the history before the table existed.
 */
@PartnerflowTest
class ApplicationJourneyTest {

  @Autowired JdbcClient jdbc;
  @Autowired UserAccountService users;
  @Autowired PartnerService partners;
  @Autowired PlatformTransactionManager transactions;

  private static final Duration HOUR = Duration.ofHours(1);

  /** A country of its own: DashboardDataSet's periods may share a day with these applications. */
  private static final String COUNTRY = "BV";

  @Test
  void shouldFollowTheApplicationThroughReviewApprovalAgreementActivationAndANewManager() {
    // given: an application submitted on a day of its own
    Instant t0 = someDay();
    long application = ApplicationRecords.application(jdbc, COUNTRY, t0);
    assertThat(journey(application))
        .isEqualTo(new Journey(t0, COUNTRY, "reseller", null, null, null, null, null, null, null));

    // screening says nothing yet; the first review counts, a second round after questions does not
    ApplicationRecords.event(jdbc, application, "SCREENING", t0.plusSeconds(60));
    assertThat(journey(application).inReview()).isNull();
    ApplicationRecords.event(jdbc, application, "IN_REVIEW", t0.plus(HOUR.multipliedBy(2)));
    ApplicationRecords.event(
        jdbc, application, "INFORMATION_REQUESTED", t0.plus(HOUR.multipliedBy(3)));
    ApplicationRecords.event(jdbc, application, "IN_REVIEW", t0.plus(HOUR.multipliedBy(5)));
    assertThat(journey(application).inReview()).isEqualTo(t0.plus(HOUR.multipliedBy(2)));
    assertThat(journey(application).decided()).isNull();

    // approved: decided and approved at once
    Instant approved = t0.plus(HOUR.multipliedBy(26));
    ApplicationRecords.event(jdbc, application, "APPROVED", approved);
    assertThat(journey(application))
        .isEqualTo(
            new Journey(
                t0,
                COUNTRY,
                "reseller",
                t0.plus(HOUR.multipliedBy(2)),
                approved,
                approved,
                null,
                null,
                null,
                null));

    // the partner created for it, owned by a manager, onboarding
    String manager = StaffTestData.partnerManager(users);
    long partner =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        "Journey Partner " + UUID.randomUUID().toString().substring(0, 6),
                        null,
                        COUNTRY,
                        PartnerType.RESELLER,
                        PartnerTier.REGISTERED,
                        manager,
                        PartnerContact.primary("Jo Journey", "jo@journey.example", null),
                        70,
                        application)));
    assertThat(journey(application).partnerId()).isEqualTo(partner);
    assertThat(journey(application).owner()).isEqualTo(manager);
    assertThat(journey(application).partnerStatus()).isEqualTo("ONBOARDING");

    // the agreement: out for signature (no time in force), then in force
    long contract = awaitingSignature(partner);
    assertThat(journey(application).signed()).isNull();
    Instant inForce = approved.plus(Duration.ofDays(5));
    jdbc.sql("UPDATE app.contract SET status = 'IN_FORCE', in_force_at = :at WHERE id = :id")
        .param("at", Timestamp.from(inForce))
        .param("id", contract)
        .update();
    assertThat(journey(application).signed()).isEqualTo(inForce);

    // activated through the partner service: its STATUS_CHANGED event is the moment
    SystemIdentity.call(
        () -> {
          partners.changeStatus(partner, PartnerStatus.ACTIVE);
          return null;
        });
    Instant activated =
        jdbc.sql(
                "SELECT occurred_at FROM app.partner_event WHERE partner_id = :p"
                    + " AND kind = 'STATUS_CHANGED' AND new_value = 'ACTIVE'")
            .param("p", partner)
            .query(Timestamp.class)
            .single()
            .toInstant();
    assertThat(journey(application).activated()).isEqualTo(activated);
    assertThat(journey(application).partnerStatus()).isEqualTo("ACTIVE");

    // another manager takes the partner over: the manager filter follows
    String next = StaffTestData.partnerManager(users);
    SystemIdentity.call(
        () -> {
          partners.changeOwner(partner, next);
          return null;
        });
    assertThat(journey(application).owner()).isEqualTo(next);
    assertThat(journey(application).signed()).isEqualTo(inForce);
  }

  @Test
  void shouldKeepBothStepsWhenTwoTransactionsChangeTheSameApplicationAtOnce() throws Exception {
    // given: an approved application whose partner's agreement is out for signature
    Instant t0 = someDay();
    long application = ApplicationRecords.application(jdbc, COUNTRY, t0);
    ApplicationRecords.event(jdbc, application, "APPROVED", t0.plus(HOUR));
    long partner = partnerOf(application, StaffTestData.partnerManager(users));
    long contract = awaitingSignature(partner);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstWrote = new CountDownLatch(1);
    ExecutorService second = Executors.newSingleThreadExecutor();
    try {
      // when: one transaction records a review moment and, before it commits, another puts the
      // agreement in force (its trigger waits for the first one's row)
      Future<?> signing =
          second.submit(
              () -> {
                firstWrote.await();
                return transaction.execute(
                    status ->
                        jdbc.sql("UPDATE app.contract SET in_force_at = :at WHERE id = :id")
                            .param("at", Timestamp.from(t0.plus(Duration.ofDays(3))))
                            .param("id", contract)
                            .update());
              });
      transaction.executeWithoutResult(
          status -> {
            ApplicationRecords.event(jdbc, application, "IN_REVIEW", t0.plusSeconds(60));
            firstWrote.countDown();
            sleep(Duration.ofMillis(500)); // the second one is now waiting
          });
      signing.get(30, TimeUnit.SECONDS);
    } finally {
      second.shutdownNow();
    }

    // then: the row holds both, whichever committed last
    Journey journey = journey(application);
    assertThat(journey.inReview()).isEqualTo(t0.plusSeconds(60));
    assertThat(journey.signed()).isEqualTo(t0.plus(Duration.ofDays(3)));
  }

  @Test
  void shouldRecordARejectionAsADecisionWithoutApproval() {
    Instant t0 = someDay();
    long application = ApplicationRecords.application(jdbc, COUNTRY, t0);
    ApplicationRecords.event(jdbc, application, "IN_REVIEW", t0.plus(HOUR));
    ApplicationRecords.event(jdbc, application, "REJECTED", t0.plus(HOUR.multipliedBy(30)));

    Journey journey = journey(application);

    assertThat(journey.decided()).isEqualTo(t0.plus(HOUR.multipliedBy(30)));
    assertThat(journey.approved()).isNull();
    assertThat(journey.partnerId()).isNull();
  }

  @Test
  void shouldBackfillWhatTheHistoryQueryComputedFromTheRecords() {
    // given: the dashboards' fixed data set, fed through the triggers
    long before = lastApplication();
    new DashboardDataSet(jdbc, users);
    List<Long> applications =
        jdbc.sql(
                "SELECT id FROM app.application WHERE id > :before AND id <= :after"
                    + " AND company_name LIKE 'Dashboard Applicant %' ORDER BY id")
            .param("before", before)
            .param("after", lastApplication())
            .query(Long.class)
            .list();
    assertThat(applications).hasSize(7);
    List<Map<String, Object>> fromHistory = historyQuery(applications);
    assertThat(journeys(applications)).isEqualTo(fromHistory);

    // when: their rows are gone and the changelog's backfill runs again
    jdbc.sql("DELETE FROM app.application_journey WHERE application_id IN (:ids)")
        .param("ids", applications)
        .update();
    assertThat(journeys(applications)).isEmpty();
    jdbc.sql("SELECT app.application_journey_refresh(ARRAY(SELECT id FROM app.application))")
        .query()
        .listOfRows();

    // then: the same moments as the old query read from the history
    assertThat(journeys(applications)).isEqualTo(fromHistory);
  }

  /**
   * The per-application moments as ChannelFigures computed them before the reporting table: the
   * status history joined on every load, a subquery each for the agreement and the activation.
   */
  private List<Map<String, Object>> historyQuery(List<Long> applications) {
    return jdbc.sql(
            "WITH moments AS (SELECT a.id, a.created_at AS submitted,"
                + " min(e.created_at) FILTER (WHERE e.status = 'IN_REVIEW') AS in_review,"
                + " min(e.created_at) FILTER (WHERE e.status IN ('APPROVED','REJECTED')) AS decided,"
                + " min(e.created_at) FILTER (WHERE e.status = 'APPROVED') AS approved"
                + " FROM app.application a LEFT JOIN app.application_event e"
                + " ON e.application_id = a.id AND e.status IN ('IN_REVIEW','APPROVED','REJECTED')"
                + " WHERE a.id IN (:ids) GROUP BY a.id, a.created_at)"
                + " SELECT m.id, m.submitted, m.in_review, m.decided, m.approved,"
                + " (SELECT min(c.in_force_at) FROM app.contract c WHERE c.partner_id = p.id)"
                + " AS signed,"
                + " (SELECT min(pe.occurred_at) FROM app.partner_event pe WHERE pe.partner_id = p.id"
                + " AND pe.kind = 'STATUS_CHANGED' AND pe.new_value = 'ACTIVE') AS activated,"
                + " p.owner_username AS owner, p.status AS partner_status"
                + " FROM moments m LEFT JOIN app.partner p ON p.application_id = m.id ORDER BY m.id")
        .param("ids", applications)
        .query()
        .listOfRows();
  }

  private long lastApplication() {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM app.application").query(Long.class).single();
  }

  private List<Map<String, Object>> journeys(List<Long> applications) {
    return jdbc.sql(
            "SELECT application_id AS id, submitted_at AS submitted, in_review_at AS in_review,"
                + " decided_at AS decided, approved_at AS approved, signed_at AS signed,"
                + " activated_at AS activated, owner_username AS owner, partner_status"
                + " FROM app.application_journey WHERE application_id IN (:ids)"
                + " ORDER BY application_id")
        .param("ids", applications)
        .query()
        .listOfRows();
  }

  record Journey(
      Instant submitted,
      String country,
      String type,
      Instant inReview,
      Instant decided,
      Instant approved,
      Instant signed,
      Instant activated,
      Long partnerId,
      String owner,
      String partnerStatus) {

    Journey(
        Instant submitted,
        String country,
        String type,
        Instant inReview,
        Instant decided,
        Instant approved,
        Instant signed,
        Instant activated,
        Long partnerId,
        String owner) {
      this(
          submitted, country, type, inReview, decided, approved, signed, activated, partnerId,
          owner, null);
    }
  }

  private Journey journey(long application) {
    return jdbc.sql(
            "SELECT submitted_at, country, partner_type, in_review_at, decided_at, approved_at,"
                + " signed_at, activated_at, partner_id, owner_username, partner_status"
                + " FROM app.application_journey WHERE application_id = :id")
        .param("id", application)
        .query(
            (rs, n) ->
                new Journey(
                    instant(rs.getTimestamp(1)),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    instant(rs.getTimestamp(6)),
                    instant(rs.getTimestamp(7)),
                    instant(rs.getTimestamp(8)),
                    rs.getObject(9) == null ? null : rs.getLong(9),
                    rs.getString(10),
                    rs.getString(11)))
        .single();
  }

  private long partnerOf(long application, String owner) {
    return SystemIdentity.call(
        () ->
            partners.create(
                new NewPartner(
                    "Journey Partner " + UUID.randomUUID().toString().substring(0, 6),
                    null,
                    COUNTRY,
                    PartnerType.RESELLER,
                    PartnerTier.REGISTERED,
                    owner,
                    PartnerContact.primary("Jo Journey", "jo@journey.example", null),
                    70,
                    application)));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long awaitingSignature(long partner) {
    return jdbc.sql(
            "INSERT INTO app.contract (partner_id, process_instance_key, template_id,"
                + " countersignature_required, term_months, language, status, effective_on)"
                + " VALUES (:partner, :key, 'resale-agreement', false, 12, 'en',"
                + " 'AWAITING_SIGNATURE', current_date) RETURNING id")
        .param("partner", partner)
        .param("key", -Math.abs(UUID.randomUUID().getMostSignificantBits() >> 1))
        .query(Long.class)
        .single();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A day between 1995 and 2015 no other test's applications share (as DashboardDataSet does). */
  private static Instant someDay() {
    return start(
            LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365 * 20)))
        .plus(Duration.ofHours(9));
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
