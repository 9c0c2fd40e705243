package io.partnerflow.app.qbr;

import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationTemplates;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.tier.CertifiedPeople;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic steps of bpmn/quarterly-business-review.bpmn, for its workers (which act as {@link
 * SystemIdentity}). Each is idempotent, so a retried job changes nothing twice.
 */
@Service
public class ReviewSteps {

  /** The group of the partner managers' team leads, who hear of missed reviews. */
  public static final String TEAM_LEADS = "partner-manager-leads";

  private final QuarterlyReviewRepository reviews;
  private final CertifiedPeople certifiedPeople;
  private final PartnerService partners;
  private final UserAccountService users;
  private final NotificationService notifications;
  private final RecruitmentProperties links;
  private final Clock clock;

  ReviewSteps(
      QuarterlyReviewRepository reviews,
      CertifiedPeople certifiedPeople,
      PartnerService partners,
      UserAccountService users,
      NotificationService notifications,
      RecruitmentProperties links,
      Clock clock) {
    this.reviews = reviews;
    this.certifiedPeople = certifiedPeople;
    this.partners = partners;
    this.users = users;
    this.notifications = notifications;
    this.links = links;
    this.clock = clock;
  }

  /** Records the quarter's review (SCHEDULED) and says when it opens and when it is missed. */
  @Secured(QbrRoles.SYSTEM)
  @Transactional
  public ScheduledReview schedule(
      long partnerId,
      long planId,
      int planVersion,
      QuarterTarget target,
      int daysBeforeQuarterEnd,
      int missedAfterDays,
      long processInstanceKey) {
    LocalDate lastDay = target.lastDay();
    Instant opensAt =
        lastDay.minusDays(daysBeforeQuarterEnd).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant missedAt =
        lastDay.plusDays(1L + missedAfterDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    long id =
        reviews.schedule(
            partnerId, planId, planVersion, target, opensAt, missedAt, processInstanceKey);
    return new ScheduledReview(id, opensAt, missedAt);
  }

  /**
   * Opens the review for the partner's self-assessment with the actuals the platform knows: the
   * partner's certified people now (people holding a valid certificate, counted once per
   * certification they hold, as the tier rules count them).
   */
  @Secured(QbrRoles.SYSTEM)
  @Transactional
  public void open(long reviewId) {
    QuarterlyReview review = require(reviewId);
    int certified =
        certifiedPeople.validHoldersByCertification(review.partnerId()).values().stream()
            .mapToInt(Integer::intValue)
            .sum();
    reviews.open(reviewId, certified);
  }

  /**
   * Marks the review missed and tells every team lead (one notice per lead and review, so a retry
   * queues nothing new).
   */
  @Secured(QbrRoles.SYSTEM)
  @Transactional
  public void escalate(long reviewId) {
    QuarterlyReview review = require(reviewId);
    reviews.escalated(reviewId, clock.instant());
    Partner partner =
        partners
            .findById(review.partnerId())
            .orElseThrow(() -> new IllegalStateException("No partner " + review.partnerId()));
    List<UserAccount> leads = users.membersOf(TEAM_LEADS);
    for (UserAccount lead : leads) {
      if (lead.email() == null) {
        continue;
      }
      notifications.enqueue(
          NotificationTemplates.QBR_MISSED,
          new Recipient(lead.email(), lead.displayName()),
          Locale.ENGLISH,
          Map.of(
              "leadName", lead.displayName(),
              "partnerName", partner.name(),
              "quarter", review.quarter(),
              "manager", partner.ownerUsername() == null ? "nobody" : partner.ownerUsername(),
              "partnerLink", links.link("partners/" + partner.id())),
          Reference.of(Reference.PARTNER, partner.id()),
          null,
          "qbr-missed/" + reviewId + "/user/" + lead.id());
    }
  }

  private QuarterlyReview require(long reviewId) {
    return reviews
        .find(reviewId)
        .orElseThrow(() -> new IllegalStateException("No quarterly review " + reviewId));
  }
}
