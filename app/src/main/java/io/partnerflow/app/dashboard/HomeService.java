package io.partnerflow.app.dashboard;

import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.qbr.QuarterResult;
import io.partnerflow.app.qbr.QuarterlyResults;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskPage;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import io.partnerflow.app.tasklist.TaskSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The staff's home page: the open tasks of one's groups by due date, and for partner managers their
 * own partners. Every figure is the current user's own; nobody asks for another's.
 */
@Service
public class HomeService {

  /** Open tasks read for the counts; a desk with more shows "at least". */
  static final int TASK_WINDOW = 500;

  static final int URGENT = 5;

  /** Partners whose plan attainment the home page shows, and how far ahead reviews count as due. */
  static final int PLAN_PARTNERS = 12;

  static final Duration REVIEWS_AHEAD = Duration.ofDays(30);

  private final TaskListService tasks;
  private final ChannelFigures figures;
  private final QuarterlyResults reviews;
  private final CurrentUser currentUser;
  private final Clock clock;

  HomeService(
      TaskListService tasks,
      ChannelFigures figures,
      QuarterlyResults reviews,
      CurrentUser currentUser,
      Clock clock) {
    this.tasks = tasks;
    this.figures = figures;
    this.reviews = reviews;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Secured({
    DashboardRoles.ADMIN,
    DashboardRoles.MANAGER,
    DashboardRoles.LEGAL,
    DashboardRoles.ENABLEMENT
  })
  public TaskLoad myTasks() {
    TaskPage page =
        tasks.search(
            new TaskQuery(TaskScope.MY_GROUPS, null, DueFilter.ANY, null, TaskSort.DUE, false),
            0,
            TASK_WINDOW);
    Map<DueBucket, Long> byDue = new EnumMap<>(DueBucket.class);
    Arrays.stream(DueBucket.values()).forEach(bucket -> byDue.put(bucket, 0L));
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    for (TaskSummary task : page.items()) {
      byDue.merge(bucket(task.due(), now, today), 1L, Long::sum);
    }
    List<TaskSummary> urgent =
        page.items().stream().filter(task -> task.due() != null).limit(URGENT).toList();
    return new TaskLoad(byDue, urgent, page.total() > page.items().size());
  }

  DueBucket bucket(Instant due, Instant now, LocalDate today) {
    if (due == null) {
      return DueBucket.NO_DUE_DATE;
    }
    if (due.isBefore(now)) {
      return DueBucket.OVERDUE;
    }
    LocalDate day = due.atZone(clock.getZone()).toLocalDate();
    if (!day.isAfter(today)) {
      return DueBucket.TODAY;
    }
    return day.isBefore(today.plusDays(7)) ? DueBucket.THIS_WEEK : DueBucket.LATER;
  }

  /** The current partner manager's own partners. */
  @Secured(DashboardRoles.MANAGER)
  public MyPartners myPartners() {
    UserAccount user = user();
    if (!user.roles().contains(Role.PARTNER_MANAGER)) {
      throw new AccessDeniedException("Partners are owned by partner managers");
    }
    List<ChannelFigures.StatusTierCount> rows = figures.partnersOf(user.username());
    Map<String, Long> byStatus =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    ChannelFigures.StatusTierCount::status,
                    Collectors.summingLong(ChannelFigures.StatusTierCount::count)));
    Map<String, Long> byTier =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    ChannelFigures.StatusTierCount::tier,
                    Collectors.summingLong(ChannelFigures.StatusTierCount::count)));
    return new MyPartners(
        Arrays.stream(PartnerStatus.values())
            .map(status -> new CountBy(status.name(), byStatus.getOrDefault(status.name(), 0L)))
            .toList(),
        Arrays.stream(PartnerTier.values())
            .map(tier -> new CountBy(tier.name(), byTier.getOrDefault(tier.name(), 0L)))
            .toList());
  }

  /**
   * The current partner manager's plan attainment (the latest reviewed quarter of each of their
   * active partners with a review) and their reviews due within 30 days, from the quarterly
   * reviews.
   */
  @Secured(DashboardRoles.MANAGER)
  public MyPlans myPlans() {
    UserAccount user = user();
    List<PlanAttainment> attainment = new ArrayList<>();
    // every partner's reviews in one query, not one per partner
    Map<Long, List<QuarterResult>> byPartner = reviews.attainmentOfActivePartners(user.username());
    for (ChannelFigures.PartnerName partner : figures.activePartnersOf(user.username())) {
      List<QuarterResult> quarters = byPartner.getOrDefault(partner.id(), List.of());
      quarters.stream()
          .filter(result -> result.actualRevenue() != null || result.actualNewCustomers() != null)
          .reduce((first, second) -> second)
          .ifPresent(latest -> attainment.add(attainment(partner, latest)));
      if (attainment.size() == PLAN_PARTNERS) {
        break;
      }
    }
    return new MyPlans(attainment, reviews.dueFor(user.username(), REVIEWS_AHEAD));
  }

  private static PlanAttainment attainment(ChannelFigures.PartnerName partner, QuarterResult q) {
    return new PlanAttainment(
        partner.id(),
        partner.name(),
        q.quarter(),
        share(q.actualNewCustomers(), q.target().newCustomers()),
        q.revenueAttainment() == null ? null : q.revenueAttainment().doubleValue(),
        share(q.actualCertifiedPeople(), q.target().certifiedPeople()));
  }

  private static Double share(Integer actual, int target) {
    return actual == null || target == 0 ? null : (double) actual / target;
  }

  /** Whether the current user may open the channel dashboard (a link on the home page). */
  public boolean seesChannel() {
    return currentUser.get().map(ChannelDashboardService::teamLeadOrAdmin).orElse(false);
  }

  private UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }
}
