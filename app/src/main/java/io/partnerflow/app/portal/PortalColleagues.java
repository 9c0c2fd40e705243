package io.partnerflow.app.portal;

import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.notification.SecretLink;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.worker.InvitationLinkIssuer;
import io.partnerflow.app.security.AccountExistsException;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PortalAccount;
import io.partnerflow.app.security.PortalMember;
import io.partnerflow.app.security.PortalMembers;
import io.partnerflow.app.security.PortalRole;
import io.partnerflow.app.security.UserAccount;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner organisation's portal users as its own users see them, and the main contact's
 * invitations of colleagues: a new account of the organisation with one portal role and the usual
 * invitation e-mail (one-time link to set the password, issued when the e-mail is sent).
 */
@Service
@Secured("ROLE_PARTNER")
public class PortalColleagues {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final int MAX_NAME = 200;
  private static final int MAX_EMAIL = 254;

  private final CurrentUser currentUser;
  private final PortalMembers members;
  private final InvitationService invitations;
  private final PartnerService partners;
  private final NotificationService notifications;

  PortalColleagues(
      CurrentUser currentUser,
      PortalMembers members,
      InvitationService invitations,
      PartnerService partners,
      NotificationService notifications) {
    this.currentUser = currentUser;
    this.members = members;
    this.invitations = invitations;
    this.partners = partners;
    this.notifications = notifications;
  }

  /** The users of the caller's organisation, with their portal roles and invitation state. */
  @Transactional(readOnly = true)
  public List<PortalMember> colleagues() {
    return members.ofPartner(partnerOf(user()));
  }

  /** Whether the caller is their organisation's main contact (who may invite). */
  public boolean mayInvite() {
    UserAccount user = user();
    return user.partnerId() != null && members.rolesOf(user.id()).contains(PortalRole.MAIN_CONTACT);
  }

  /**
   * Creates the colleague's account and queues the invitation in the given language.
   *
   * @throws InvalidInvitationException with the field errors; nothing is created
   * @throws AccessDeniedException unless the caller is the organisation's main contact
   */
  @Transactional
  public PortalMember invite(ColleagueInvitation invitation, Locale language) {
    UserAccount inviter = user();
    long partnerId = partnerOf(inviter);
    if (!members.rolesOf(inviter.id()).contains(PortalRole.MAIN_CONTACT)) {
      throw new AccessDeniedException("Only the organisation's main contact invites colleagues");
    }
    String name = trim(invitation.name());
    String email = trim(invitation.email());
    Map<String, String> errors = new LinkedHashMap<>();
    if (name == null) {
      errors.put("name", "portal.error.required");
    } else if (name.length() > MAX_NAME) {
      errors.put("name", "portal.error.tooLong");
    }
    if (email == null) {
      errors.put("email", "portal.error.required");
    } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      errors.put("email", "portal.error.email");
    }
    if (invitation.role() == null || !PortalRole.forColleagues().contains(invitation.role())) {
      errors.put("role", "portal.error.role");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInvitationException(errors);
    }
    PortalAccount account;
    try {
      account = invitations.inviteColleague(email, name, partnerId, invitation.role());
    } catch (AccountExistsException exists) {
      throw new InvalidInvitationException(Map.of("email", "portal.error.accountExists"));
    }
    Partner partner = partners.findById(partnerId).orElseThrow();
    notifications.enqueue(
        "portal-invitation",
        new Recipient(account.username(), name),
        language,
        Map.of(
            "contactName", name,
            "partnerName", partner.name(),
            "username", account.username(),
            "expiresAt",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(language)
                    .withZone(DisplayZone.get())
                    .format(invitations.expiryOfALinkIssuedNow())),
        Reference.of(Reference.PARTNER, partnerId),
        SecretLink.of("setPasswordLink", InvitationLinkIssuer.KIND, account.userId()),
        "colleague/" + account.userId());
    return members.ofPartner(partnerId).stream()
        .filter(member -> member.userId() == account.userId())
        .findFirst()
        .orElseThrow();
  }

  private static long partnerOf(UserAccount user) {
    if (user.partnerId() == null) {
      throw new AccessDeniedException("The account belongs to no partner organisation");
    }
    return user.partnerId();
  }

  private UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }

  private static String trim(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }
}
