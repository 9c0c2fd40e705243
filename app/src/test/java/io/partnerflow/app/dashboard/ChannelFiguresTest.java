package io.partnerflow.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.DashboardDataSet;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboards' figures against the small history of {@link DashboardDataSet}, worked out by hand
 * (see the table there), and who may read them.
 */
@PartnerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelFiguresTest {

  @Autowired JdbcClient jdbc;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired ChannelDashboardService channel;
  @Autowired HomeService home;
  @Autowired PartnerService partners;

  private DashboardDataSet data;

  @BeforeAll
  void data() {
    data = new DashboardDataSet(jdbc, users);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  private ChannelFilter country() {
    return new ChannelFilter(data.firstDay, data.lastDay, DashboardDataSet.COUNTRY, null, null);
  }

  @Test
  void shouldCountTheFunnelOfThePeriodAndCountry() {
    // given: a team lead
    loginAs("lead");

    // when
    ChannelDashboard dashboard = channel.load(country());

    // then: A1–A5 applied; A1–A4 screened; A1–A3 reviewed; A1, A2 approved and signed; A1 active
    assertThat(dashboard.funnel())
        .extracting(FunnelStep::count)
        .containsExactly(5L, 4L, 3L, 2L, 2L, 1L);
    assertThat(dashboard.funnel().get(0).conversion()).isNull();
    assertThat(dashboard.funnel().subList(1, 6))
        .extracting(FunnelStep::conversion)
        .satisfiesExactly(
            rate -> assertThat(rate).isCloseTo(0.8, within(1e-9)),
            rate -> assertThat(rate).isCloseTo(0.75, within(1e-9)),
            rate -> assertThat(rate).isCloseTo(2.0 / 3, within(1e-9)),
            rate -> assertThat(rate).isCloseTo(1.0, within(1e-9)),
            rate -> assertThat(rate).isCloseTo(0.5, within(1e-9)));
  }

  @Test
  void shouldMeasureEachStageByMedianAndNinetiethPercentile() {
    loginAs("admin");

    List<StageTime> times = channel.load(country()).stageTimes();

    // screening 2h, 4h, 6h, 8h: median 5h; p90 at rank 2.7 = 6h + 0.7 × 2h = 7h24m
    assertThat(times.get(0))
        .isEqualTo(
            new StageTime(
                Stage.SCREENING, 4, Duration.ofHours(5), Duration.ofMinutes(7 * 60 + 24)));
    // review 24h, 48h, 72h: median 48h; p90 at rank 1.8 = 48h + 0.8 × 24h = 67h12m
    assertThat(times.get(1))
        .isEqualTo(
            new StageTime(Stage.REVIEW, 3, Duration.ofHours(48), Duration.ofMinutes(67 * 60 + 12)));
    // contract 5d, 10d: median 7.5d; p90 at rank 0.9 = 5d + 0.9 × 5d = 9.5d
    assertThat(times.get(2))
        .isEqualTo(new StageTime(Stage.CONTRACT, 2, Duration.ofHours(180), Duration.ofHours(228)));
    // activation: A1 only, one day
    assertThat(times.get(3))
        .isEqualTo(new StageTime(Stage.ACTIVATION, 1, Duration.ofDays(1), Duration.ofDays(1)));
  }

  @Test
  void shouldNarrowTheFunnelToTheApplicationsThatBecameTheManagersPartners() {
    loginAs("lead");

    ChannelDashboard dashboard =
        channel.load(
            new ChannelFilter(
                data.firstDay,
                data.lastDay,
                DashboardDataSet.COUNTRY,
                PartnerType.RESELLER,
                data.manager));

    assertThat(dashboard.funnel())
        .extracting(FunnelStep::count)
        .containsExactly(2L, 2L, 2L, 2L, 2L, 1L);
  }

  @Test
  void shouldCountTodaysPartnersByTierCountryAndCertification() {
    loginAs("lead");

    // the manager's partners in every country: P1 GOLD TV, P2 SILVER TV, P3 GOLD NR (P4 ended)
    ChannelDashboard dashboard =
        channel.load(new ChannelFilter(data.firstDay, data.lastDay, null, null, data.manager));

    assertThat(dashboard.partnersByTier())
        .containsExactly(
            new CountBy("REGISTERED", 0),
            new CountBy("SILVER", 1),
            new CountBy("GOLD", 2),
            new CountBy("PLATINUM", 0));
    assertThat(dashboard.partnersByCountry())
        .containsExactly(new CountBy("TV", 2), new CountBy("NR", 1));
    // active: P1 and P3 (both GOLD); only P1's certificate is valid
    assertThat(dashboard.certification())
        .containsExactly(
            new Coverage("REGISTERED", 0, 0),
            new Coverage("SILVER", 0, 0),
            new Coverage("GOLD", 2, 1),
            new Coverage("PLATINUM", 0, 0));
    assertThat(dashboard.certification().get(2).share()).isEqualTo(0.5);
  }

  @Test
  void shouldShowAManagerOnlyTheirOwnPartners() {
    loginAs(data.manager);

    MyPartners mine = home.myPartners();

    assertThat(mine.total()).isEqualTo(4);
    assertThat(mine.byStatus())
        .contains(
            new CountBy("ACTIVE", 2),
            new CountBy("CONTRACT_PENDING", 1),
            new CountBy("TERMINATED", 1),
            new CountBy("ONBOARDING", 0));
    assertThat(mine.byTier())
        .containsExactly(
            new CountBy("REGISTERED", 1),
            new CountBy("SILVER", 1),
            new CountBy("GOLD", 2),
            new CountBy("PLATINUM", 0));

    // no quarterly review yet: nothing attained, nothing due
    assertThat(home.myPlans()).isEqualTo(new MyPlans(List.of(), List.of()));

    // and the demo manager's figures hold none of them
    loginAs("manager");
    assertThat(home.myPartners().byTier()).isNotEqualTo(mine.byTier());
    assertThat(home.myPartners().total())
        .isEqualTo(
            jdbc.sql("SELECT count(*) FROM app.partner WHERE owner_username = 'manager'")
                .query(Long.class)
                .single());
  }

  @Test
  void shouldRefuseTheChannelDashboardToManagersWhoAreNotTeamLeadsAndToPartners() {
    loginAs("manager");
    assertThat(channel.mayRead()).isFalse();
    assertThatThrownBy(() -> channel.load(country())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> channel.managers()).isInstanceOf(AccessDeniedException.class);

    loginAs(data.manager);
    assertThatThrownBy(() -> channel.load(country())).isInstanceOf(AccessDeniedException.class);

    String partnerUser = PartnerTestData.partnerUser(users, jdbc, data.p1, "partner password 1");
    loginAs(partnerUser);
    assertThatThrownBy(() -> channel.load(country())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> home.myPartners()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> home.myTasks()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> home.myPlans()).isInstanceOf(AccessDeniedException.class);

    loginAs("legal");
    assertThatThrownBy(() -> channel.load(country())).isInstanceOf(AccessDeniedException.class);

    loginAs("lead");
    assertThat(channel.mayRead()).isTrue();
    loginAs("admin");
    assertThat(channel.mayRead()).isTrue();
    assertThat(channel.managers()).contains(data.manager);
  }

  @Test
  void shouldComputeConversionOnlyAfterAStageSomebodyReached() {
    assertThat(ChannelDashboardService.funnel(List.of(4L, 0L, 0L, 0L, 0L, 0L)))
        .extracting(FunnelStep::conversion)
        .containsExactly(null, 0.0, null, null, null, null);
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
