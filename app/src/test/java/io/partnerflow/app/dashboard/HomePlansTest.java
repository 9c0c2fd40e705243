package io.partnerflow.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.qbr.QuarterlyResults;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.StaffTestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A partner manager's plan attainment on the home page: the latest quarter with actuals of each of
 * their active partners (the newest plan version's review of it), every partner's reviews read in
 * one query.
 */
@PartnerflowTest
class HomePlansTest {

  private static final AtomicLong PLAN_IDS =
      new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

  @Autowired JdbcClient jdbc;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired PartnerService partners;
  @Autowired HomeService home;
  @Autowired QuarterlyResults results;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldShowTheLatestQuarterWithActualsOfEachActivePartnerOfTheManager() {
    // given: a manager with two active partners and one still onboarding, each with reviews
    String manager = StaffTestData.partnerManager(users);
    long alpha = partner("Alpha Plans", manager, true);
    long beta = partner("Beta Plans", manager, true);
    long onboarding = partner("Gamma Plans", manager, false);
    long planA = PLAN_IDS.incrementAndGet();
    review(alpha, planA, 1, "2026-Q1", "COMPLETED", 2, "25000.00", 1);
    review(alpha, planA, 1, "2026-Q2", "SCHEDULED", null, null, null);
    long planB = PLAN_IDS.incrementAndGet();
    review(beta, planB, 1, "2026-Q1", "COMPLETED", 1, "5000.00", 0);
    review(beta, planB, 2, "2026-Q1", "COMPLETED", 3, "60000.00", 2); // the newer version counts
    review(beta, planB, 1, "2026-Q2", "REPLACED", 9, "90000.00", 9);
    review(onboarding, PLAN_IDS.incrementAndGet(), 1, "2026-Q1", "COMPLETED", 3, "1.00", 1);
    // and another manager's active partner with a review
    long others = partner("Delta Plans", StaffTestData.partnerManager(users), true);
    review(others, PLAN_IDS.incrementAndGet(), 1, "2026-Q1", "COMPLETED", 3, "1.00", 1);

    // when
    StaffTestData.loginAs(userDetails, manager);
    MyPlans plans = home.myPlans();

    // then: targets 3 customers, 50,000 revenue, 2 certified people per quarter
    assertThat(plans.attainment())
        .containsExactly(
            new PlanAttainment(alpha, name(alpha), "2026-Q1", 2.0 / 3, 0.5, 0.5),
            new PlanAttainment(beta, name(beta), "2026-Q1", 1.0, 1.2, 1.0));
  }

  @Test
  void shouldRefuseAManagerAnotherManagersAttainment() {
    String manager = StaffTestData.partnerManager(users);
    StaffTestData.loginAs(userDetails, manager);

    assertThatThrownBy(() -> results.attainmentOfActivePartners("manager"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(results.attainmentOfActivePartners(manager)).isEmpty();
  }

  private long partner(String name, String owner, boolean active) {
    NewPartner template =
        PartnerTestData.newPartner(
            PartnerTestData.unique(name), PartnerType.RESELLER, PartnerTier.REGISTERED);
    return SystemIdentity.call(
        () -> {
          long id =
              partners.create(
                  new NewPartner(
                      template.name(),
                      template.website(),
                      template.country(),
                      template.type(),
                      template.tier(),
                      owner,
                      template.contact(),
                      template.fitScore(),
                      null));
          if (active) {
            partners.changeStatus(id, PartnerStatus.ACTIVE);
          }
          return id;
        });
  }

  private String name(long partner) {
    return jdbc.sql("SELECT name FROM app.partner WHERE id = :id")
        .param("id", partner)
        .query(String.class)
        .single();
  }

  /** A review row as the quarterly-review process leaves it (targets 3, 50,000 EUR, 2). */
  private void review(
      long partner,
      long plan,
      int version,
      String quarter,
      String status,
      Integer customers,
      String revenue,
      Integer certified) {
    jdbc.sql(
            "INSERT INTO app.quarterly_review (partner_id, plan_id, plan_version, quarter,"
                + " quarter_end, opens_at, missed_at, target_new_customers, target_revenue,"
                + " currency, target_certified_people, actual_certified_people,"
                + " actual_new_customers, actual_revenue, status, process_instance_key)"
                + " VALUES (:partner, :plan, :version, :quarter, current_date, now(),"
                + " now() + :days * interval '1 day', 3, 50000.00, 'EUR', 2, :certified,"
                + " :customers, :revenue, :status, :key)")
        .param("partner", partner)
        .param("plan", plan)
        .param("version", version)
        .param("quarter", quarter)
        .param("days", Duration.ofDays(14).toDays())
        .param("certified", certified)
        .param("customers", customers)
        .param("revenue", revenue == null ? null : new BigDecimal(revenue))
        .param("status", status)
        .param("key", -Math.abs(UUID.randomUUID().getMostSignificantBits() >> 1))
        .update();
  }
}
