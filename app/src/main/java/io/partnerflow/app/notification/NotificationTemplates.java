package io.partnerflow.app.notification;

import java.util.List;

/**
 * The template ids. Each has {@code notification/templates/<id>_en.properties} and {@code
 * _zh_CN.properties} with a {@code subject} and an HTML {@code body}; every {@code {name}} in them
 * is a required parameter (listed in the file's header).
 */
public final class NotificationTemplates {

  /** To the applicant: applicantName, companyName, statusLink. */
  public static final String APPLICATION_RECEIVED = "application-received";

  /** To the applicant: applicantName, companyName. */
  public static final String APPLICATION_REJECTED = "application-rejected";

  /** To the applicant: applicantName, companyName, question, statusLink. */
  public static final String INFORMATION_REQUESTED = "information-requested";

  /** To the team lead: leadName, companyName, reviewer, dueDate, taskLink. */
  public static final String REVIEW_OVERDUE = "review-overdue";

  /** To the partner's contact: contactName, partnerName, tier, managerName. */
  public static final String PARTNER_WELCOME = "partner-welcome";

  /** To the new portal user: contactName, partnerName, username, setPasswordLink, expiresAt. */
  public static final String PORTAL_INVITATION = "portal-invitation";

  /** To the partner's signatory: recipientName, partnerName, portalLink. */
  public static final String CONTRACT_SIGNING_REQUESTED = "contract-signing-requested";

  /** To the partner's signatory: recipientName, partnerName, portalLink. */
  public static final String CONTRACT_SIGNING_REMINDER = "contract-signing-reminder";

  /** To the partner manager and the signatory: recipientName, partnerName, effectiveOn, endsOn. */
  public static final String CONTRACT_SIGNED = "contract-signed";

  /** To legal: recipientName, partnerName, taskLink. */
  public static final String CONTRACT_COUNTERSIGNATURE_NEEDED = "contract-countersignature-needed";

  /** To the partner manager: recipientName, partnerName, taskLink. */
  public static final String CONTRACT_EXPIRED = "contract-expired";

  /** To the partner manager: recipientName, partnerName, reason, taskLink. */
  public static final String CONTRACT_DECLINED = "contract-declined";

  /**
   * To the partner's main contact and manager: recipientName, partnerName, previousTier, newTier.
   */
  public static final String TIER_UPGRADED = "tier-upgraded";

  /**
   * To the partner's main contact and manager: recipientName, partnerName, previousTier, newTier.
   */
  public static final String TIER_DOWNGRADED = "tier-downgraded";

  /** To the certified person: recipientName, certificationName, expiresOn, portalLink. */
  public static final String CERTIFICATE_ISSUED = "certificate-issued";

  /** To the holder before the expiry: recipientName, certificationName, expiresOn, portalLink. */
  public static final String CERTIFICATE_RENEWAL_REMINDER = "certificate-renewal-reminder";

  /**
   * To the holder and the partner manager: recipientName, holderName, partnerName,
   * certificationName, expiredOn.
   */
  public static final String CERTIFICATE_LAPSED = "certificate-lapsed";

  /** To a partner user whose course is not started: recipientName, courseTitle, courseLink. */
  public static final String ENABLEMENT_COURSE_REMINDER = "enablement-course-reminder";

  /**
   * To the partner manager: recipientName, partnerName, passed, courses, partnerLink (the
   * organisation's learning plan is finished).
   */
  public static final String ENABLEMENT_PLAN_COMPLETE = "enablement-plan-complete";

  /**
   * To the partner managers' team leads: leadName, partnerName, quarter, manager, partnerLink (a
   * quarterly business review was not held in time).
   */
  public static final String QBR_MISSED = "qbr-missed";

  public static final List<String> ALL =
      List.of(
          APPLICATION_RECEIVED,
          APPLICATION_REJECTED,
          INFORMATION_REQUESTED,
          REVIEW_OVERDUE,
          PARTNER_WELCOME,
          PORTAL_INVITATION,
          CONTRACT_SIGNING_REQUESTED,
          CONTRACT_SIGNING_REMINDER,
          CONTRACT_SIGNED,
          CONTRACT_COUNTERSIGNATURE_NEEDED,
          CONTRACT_EXPIRED,
          CONTRACT_DECLINED,
          CERTIFICATE_ISSUED,
          CERTIFICATE_RENEWAL_REMINDER,
          CERTIFICATE_LAPSED,
          TIER_UPGRADED,
          TIER_DOWNGRADED,
          ENABLEMENT_COURSE_REMINDER,
          ENABLEMENT_PLAN_COMPLETE,
          QBR_MISSED);

  private NotificationTemplates() {}
}
