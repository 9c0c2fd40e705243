package io.partnerflow.app.dashboard;

import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The channel dashboard of the partner managers' team leads and the administrators: the recruitment
 * funnel and its stage times for a period, SLA breaches, the partners by tier and country, and the
 * certification coverage. Who may read it is checked here, whatever view asks.
 */
@Service
public class ChannelDashboardService {

  private final ChannelFigures figures;
  private final OverdueTasks overdue;
  private final CurrentUser currentUser;
  private final Clock clock;

  ChannelDashboardService(
      ChannelFigures figures, OverdueTasks overdue, CurrentUser currentUser, Clock clock) {
    this.figures = figures;
    this.overdue = overdue;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Whether the current user may read the channel dashboard (administrators and team leads). */
  @Secured({
    DashboardRoles.ADMIN,
    DashboardRoles.MANAGER,
    DashboardRoles.LEGAL,
    DashboardRoles.ENABLEMENT
  })
  public boolean mayRead() {
    return currentUser.get().map(ChannelDashboardService::teamLeadOrAdmin).orElse(false);
  }

  @Secured({DashboardRoles.ADMIN, DashboardRoles.MANAGER})
  public ChannelDashboard load(ChannelFilter filter) {
    if (!mayRead()) {
      throw new AccessDeniedException("The channel dashboard is for team leads and administrators");
    }
    ZoneId zone = clock.getZone();
    Instant from = filter.from().atStartOfDay(zone).toInstant();
    Instant to = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
    ChannelFigures.Journey journey = figures.journey(filter, from, to);
    Instant now = clock.instant();
    return new ChannelDashboard(
        filter,
        funnel(journey.counts()),
        journey.times(),
        overdue.count(OffsetDateTime.ofInstant(now, zone)),
        byTier(figures.partnersByTier(filter)),
        figures.partnersByCountry(filter),
        coverage(figures.certification(filter, now)));
  }

  /** The partner managers who own partners: the manager filter's choices. */
  @Secured({DashboardRoles.ADMIN, DashboardRoles.MANAGER})
  public List<String> managers() {
    if (!mayRead()) {
      throw new AccessDeniedException("The channel dashboard is for team leads and administrators");
    }
    return figures.managers();
  }

  static List<FunnelStep> funnel(List<Long> counts) {
    List<FunnelStep> steps = new ArrayList<>();
    FunnelStage[] stages = FunnelStage.values();
    for (int i = 0; i < stages.length; i++) {
      long count = counts.get(i);
      Double conversion = null;
      if (i > 0 && counts.get(i - 1) > 0) {
        conversion = (double) count / counts.get(i - 1);
      }
      steps.add(new FunnelStep(stages[i], count, conversion));
    }
    return steps;
  }

  /** Every tier, from Registered to Platinum, with zero where there is none. */
  private static List<CountBy> byTier(List<CountBy> counts) {
    Map<String, Long> byKey =
        counts.stream().collect(Collectors.toMap(CountBy::key, CountBy::count));
    return Arrays.stream(PartnerTier.values())
        .map(tier -> new CountBy(tier.name(), byKey.getOrDefault(tier.name(), 0L)))
        .toList();
  }

  private static List<Coverage> coverage(List<Coverage> rows) {
    Map<String, Coverage> byTier =
        rows.stream().collect(Collectors.toMap(Coverage::tier, Function.identity()));
    return Arrays.stream(PartnerTier.values())
        .map(tier -> byTier.getOrDefault(tier.name(), new Coverage(tier.name(), 0, 0)))
        .sorted(Comparator.comparing(coverage -> PartnerTier.valueOf(coverage.tier())))
        .toList();
  }

  static boolean teamLeadOrAdmin(UserAccount user) {
    return user.roles().contains(Role.ADMIN)
        || user.roles().contains(Role.PARTNER_MANAGER)
            && user.groups().contains(DashboardRoles.TEAM_LEADS);
  }
}
