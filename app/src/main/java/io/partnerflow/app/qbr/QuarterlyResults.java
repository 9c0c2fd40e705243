package io.partnerflow.app.qbr;

import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features read of the quarterly reviews: a partner's reviews (staff, with scores; the
 * partner's own users without them), the reviews due per manager, and plan attainment per partner
 * and quarter (plan against actuals). Every read checks the caller (see {@link ReviewAccess}).
 */
@Service
public class QuarterlyResults {

  private final QuarterlyReviewRepository reviews;
  private final ReviewActionRepository actions;
  private final ReviewAccess access;
  private final PartnerService partners;
  private final Clock clock;

  QuarterlyResults(
      QuarterlyReviewRepository reviews,
      ReviewActionRepository actions,
      ReviewAccess access,
      PartnerService partners,
      Clock clock) {
    this.reviews = reviews;
    this.actions = actions;
    this.access = access;
    this.partners = partners;
    this.clock = clock;
  }

  /** The partner's reviews, newest quarter first, for staff who manage it. */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.SYSTEM})
  @Transactional(readOnly = true)
  public List<QuarterlyReview> ofPartner(long partnerId) {
    access.checkStaffMaySee(partnerId);
    return reviews.ofPartner(partnerId);
  }

  /** The actions agreed in a review, for staff who manage its partner. */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.SYSTEM})
  @Transactional(readOnly = true)
  public List<ReviewAction> actionsOf(long reviewId) {
    QuarterlyReview review =
        reviews.find(reviewId).orElseThrow(() -> new AccessDeniedException("No such review"));
    access.checkStaffMaySee(review.partnerId());
    return actions.ofReview(reviewId);
  }

  /** The caller's organisation's reviews, without the internal parts, newest quarter first. */
  @Secured(QbrRoles.PARTNER)
  @Transactional(readOnly = true)
  public List<PartnerReview> ofMyOrganisation() {
    long partnerId = access.checkPartnerUser();
    return reviews.ofPartner(partnerId).stream()
        .filter(review -> review.status() != ReviewStatus.SCHEDULED)
        .map(review -> PartnerReview.of(review, actions.ofReview(review.id())))
        .toList();
  }

  /**
   * Reviews open now or opening within {@code within}, soonest missed first: the manager's own
   * partners' ({@code manager} = their username); null for every manager's (team leads,
   * administrators). A manager asking for another manager's is refused.
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.SYSTEM})
  @Transactional(readOnly = true)
  public List<DueReview> dueFor(String manager, Duration within) {
    ReviewAccess.Reader reader = access.reader();
    if (!reader.seesAll() && (manager == null || !manager.equals(reader.username()))) {
      throw new AccessDeniedException("Only your own reviews");
    }
    List<QuarterlyReview> due = reviews.dueFor(manager, clock.instant().plus(within));
    Map<Long, Partner> byId =
        due.stream()
            .map(QuarterlyReview::partnerId)
            .distinct()
            .map(id -> SystemIdentity.call(() -> partners.findById(id)))
            .flatMap(java.util.Optional::stream)
            .collect(Collectors.toMap(Partner::id, p -> p));
    return due.stream()
        .map(
            review -> {
              Partner partner = byId.get(review.partnerId());
              return new DueReview(
                  review.id(),
                  review.partnerId(),
                  partner == null ? "" : partner.name(),
                  partner == null ? null : partner.ownerUsername(),
                  review.quarter(),
                  review.status(),
                  review.opensAt(),
                  review.missedAt(),
                  review.escalatedAt() != null);
            })
        .toList();
  }

  /**
   * Plan against actuals per quarter of the partner, oldest quarter first, for staff who manage it
   * (one row per quarter: the review of the newest plan version that has one).
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.SYSTEM})
  @Transactional(readOnly = true)
  public List<QuarterResult> attainment(long partnerId) {
    access.checkStaffMaySee(partnerId);
    return attainment(partnerId, reviews.ofPartner(partnerId));
  }

  /**
   * {@link #attainment(long)} of every active partner a manager owns, by partner id, read in one
   * query: the manager's own ({@code manager} = their username); a manager asking for another
   * manager's is refused.
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.SYSTEM})
  @Transactional(readOnly = true)
  public Map<Long, List<QuarterResult>> attainmentOfActivePartners(String manager) {
    ReviewAccess.Reader reader = access.reader();
    if (reader.partnerId() != null
        || (!reader.seesAll() && (manager == null || !manager.equals(reader.username())))) {
      throw new AccessDeniedException("Only your own partners");
    }
    return reviews.ofActivePartnersOf(manager).stream()
        .collect(Collectors.groupingBy(QuarterlyReview::partnerId))
        .entrySet()
        .stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, entry -> attainment(entry.getKey(), entry.getValue())));
  }

  private static List<QuarterResult> attainment(long partnerId, List<QuarterlyReview> ofPartner) {
    Map<String, QuarterlyReview> newestPerQuarter =
        ofPartner.stream()
            .collect(
                Collectors.toMap(
                    QuarterlyReview::quarter,
                    review -> review,
                    (a, b) -> a.planVersion() >= b.planVersion() ? a : b,
                    java.util.TreeMap::new));
    return newestPerQuarter.values().stream()
        .filter(Objects::nonNull)
        .map(
            review ->
                new QuarterResult(
                    partnerId,
                    review.quarter(),
                    review.target(),
                    review.actuals().newCustomers(),
                    review.actuals().revenue(),
                    review.actuals().certifiedPeople(),
                    review.totalScore(),
                    review.status()))
        .toList();
  }
}
