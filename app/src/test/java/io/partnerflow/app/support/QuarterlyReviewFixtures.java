package io.partnerflow.app.support;

import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.qbr.PlanForReview;
import io.partnerflow.app.qbr.QuarterTarget;
import io.partnerflow.app.qbr.QuarterlyReviews;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partners with approved plans under quarterly review, for tests of the reviews and of what reads
 * them (dashboards): a partner of the demo manager, a portal user of it, and {@link
 * QuarterlyReviews#startFor} as the plan's approval calls it.
 */
public final class QuarterlyReviewFixtures {

  /** Plan ids far from what the plan feature's sequence hands out in the same database. */
  private static final AtomicLong PLAN_IDS =
      new AtomicLong(9_000_000_000L + System.nanoTime() % 1_000_000_000L);

  private final PartnerService partners;
  private final UserAccountService users;
  private final JdbcClient jdbc;
  private final QuarterlyReviews reviews;

  public QuarterlyReviewFixtures(
      PartnerService partners,
      UserAccountService users,
      JdbcClient jdbc,
      QuarterlyReviews reviews) {
    this.partners = partners;
    this.users = users;
    this.jdbc = jdbc;
    this.reviews = reviews;
  }

  /** A new active reseller of the demo manager ("manager"). */
  public long partner() {
    long id =
        SystemIdentity.call(
            () ->
                partners.create(
                    PartnerTestData.newPartner(
                        PartnerTestData.unique("QBR Partner"),
                        PartnerType.RESELLER,
                        PartnerTier.REGISTERED)));
    PartnerTestData.agreementInForce(jdbc, id);
    return id;
  }

  /** A portal user of the partner (main contact and signatory). */
  public String partnerUser(long partnerId, String password) {
    return PartnerTestData.partnerUser(users, jdbc, partnerId, password);
  }

  /** The calendar quarter {@code n} quarters after today's (0: this one), e.g. 2027-Q1. */
  public static String quarterFromNow(int n) {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    LocalDate date = first.withMonth(((first.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3L * n);
    return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
  }

  public static QuarterTarget target(String quarter) {
    return new QuarterTarget(quarter, 3, new BigDecimal("50000.00"), "EUR", 2);
  }

  public long newPlanId() {
    return PLAN_IDS.incrementAndGet();
  }

  /** Starts the reviews of a plan version with one target per quarter, as the plan's approval. */
  public long approve(long partnerId, long planId, int version, String... quarters) {
    List<QuarterTarget> targets = new ArrayList<>();
    for (String quarter : quarters) {
      targets.add(target(quarter));
    }
    PlanForReview plan =
        new PlanForReview(partnerId, planId, version, LocalDate.now(ZoneOffset.UTC), targets);
    return SystemIdentity.call(() -> reviews.startFor(plan));
  }

  /** The plan version's reviews by quarter: status, opens_at, missed_at, escalated_at, ... */
  public List<Map<String, Object>> reviewsOf(long planId) {
    return jdbc.sql(
            "SELECT * FROM app.quarterly_review WHERE plan_id = :plan ORDER BY plan_version, quarter")
        .param("plan", planId)
        .query()
        .listOfRows();
  }

  /** Waits until the plan has that many reviews recorded. */
  public List<Map<String, Object>> awaitReviews(long planId, int count)
      throws InterruptedException {
    return ProcessDriver.await(
        () -> {
          List<Map<String, Object>> rows = reviewsOf(planId);
          return rows.size() >= count ? Optional.of(rows) : Optional.empty();
        });
  }

  public static Instant opensAt(Map<String, Object> review) {
    return ((java.sql.Timestamp) review.get("opens_at")).toInstant();
  }

  public static Instant missedAt(Map<String, Object> review) {
    return ((java.sql.Timestamp) review.get("missed_at")).toInstant();
  }

  /** The notices about the partner from the reviews (template to recipient). */
  public List<String> notices(long partnerId) {
    return jdbc.sql(
            "SELECT template || ' to ' || recipient_email FROM app.notification_outbox"
                + " WHERE reference_type = 'partner' AND reference_id = :id"
                + " AND template LIKE 'qbr-%' ORDER BY id")
        .param("id", String.valueOf(partnerId))
        .query(String.class)
        .list();
  }
}
