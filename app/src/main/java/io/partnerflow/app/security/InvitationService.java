package io.partnerflow.app.security;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites partner contacts to the portal: creates a disabled-until-set user bound to the partner
 * organisation and, when the invitation is sent, a one-time link (128-bit token, valid 7 days) to
 * set the password. Only the newest link of a user works.
 */
@Service
public class InvitationService {

  /** Shortest password a new user may choose. */
  public static final int MINIMUM_PASSWORD_LENGTH = PasswordPolicy.MINIMUM_LENGTH;

  private static final Duration VALIDITY = Duration.ofDays(7);

  /** The invited contact of a new partner: the organisation's first signatory. */
  private static final Set<PortalRole> MAIN_CONTACT_ROLES =
      Set.of(PortalRole.MAIN_CONTACT, PortalRole.SIGNATORY);

  private final UserAccountRepository users;
  private final InvitationRepository invitations;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final AccountSessions sessions;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;
  private final SecureRandom random = new SecureRandom();

  InvitationService(
      UserAccountRepository users,
      InvitationRepository invitations,
      PasswordEncoder passwordEncoder,
      Clock clock,
      AccountSessions sessions,
      AuditLog auditLog,
      ApplicationEventPublisher events) {
    this.users = users;
    this.invitations = invitations;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
    this.sessions = sessions;
    this.auditLog = auditLog;
    this.events = events;
  }

  /**
   * The partner user (username = e-mail) of the organisation, created if it does not exist yet,
   * unable to log in until an invitation link sets its password. Called by the recruitment process
   * on approval; a repeated call (a retried job) finds the same user instead of creating a second.
   *
   * @throws IllegalStateException when an account with that username exists but is not a partner
   *     user of this organisation: it is never handed to another one
   */
  @Transactional
  public PortalAccount invitePartnerUser(String email, String displayName, long partnerId) {
    String username = email.trim().toLowerCase(java.util.Locale.ROOT);
    Optional<UserAccount> existing = users.findByUsername(username);
    if (existing.isPresent()) {
      UserAccount account = existing.get();
      if (!Long.valueOf(partnerId).equals(account.partnerId())
          || !account.roles().equals(Set.of(Role.PARTNER))) {
        throw new IllegalStateException(
            "The account "
                + username
                + " belongs to another organisation or is not a partner user");
      }
      return new PortalAccount(account.id(), username);
    }
    // an unguessable password nobody knows until the link sets a real one
    String placeholder = passwordEncoder.encode(UUID.randomUUID().toString());
    long id =
        users.insert(
            new NewUserAccount(
                username, null, displayName, username, Set.of(Role.PARTNER), Set.of("partners")),
            placeholder);
    users.markAwaitingPassword(id);
    users.bindToPartner(id, partnerId);
    users.grantPortalRoles(id, MAIN_CONTACT_ROLES);
    auditLog.record(
        AuditAction.USER_CHANGED,
        new AuditSubject(AuditSubject.USER, username, partnerId, null),
        null,
        Map.of("roles", List.of(Role.PARTNER.name()), "partnerId", partnerId));
    return new PortalAccount(id, username);
  }

  /**
   * A new partner user of the organisation with one portal role, invited by a colleague (the main
   * contact), unable to log in until an invitation link sets its password.
   *
   * @throws AccountExistsException when any account has that username (e-mail) already: an
   *     invitation never takes over an account
   * @throws IllegalArgumentException for a role a colleague may not be given ({@link
   *     PortalRole#forColleagues()})
   */
  @Transactional
  public PortalAccount inviteColleague(
      String email, String displayName, long partnerId, PortalRole role) {
    if (!PortalRole.forColleagues().contains(role)) {
      throw new IllegalArgumentException("A colleague cannot be given the role " + role);
    }
    String username = email.trim().toLowerCase(java.util.Locale.ROOT);
    if (users.existsByUsername(username)) {
      throw new AccountExistsException(username);
    }
    String placeholder = passwordEncoder.encode(UUID.randomUUID().toString());
    long id =
        users.insert(
            new NewUserAccount(
                username, null, displayName, username, Set.of(Role.PARTNER), Set.of("partners")),
            placeholder);
    users.markAwaitingPassword(id);
    users.bindToPartner(id, partnerId);
    users.grantPortalRoles(id, Set.of(role));
    auditLog.record(
        AuditAction.USER_CHANGED,
        new AuditSubject(AuditSubject.USER, username, partnerId, null),
        null,
        Map.of(
            "roles",
            List.of(Role.PARTNER.name()),
            "partnerId",
            partnerId,
            "portalRoles",
            List.of(role.name())));
    return new PortalAccount(id, username);
  }

  /**
   * A fresh one-time link for the user (128-bit token, only its hash stored, valid {@link
   * #VALIDITY}); every older unused link of the user stops working. Called when the invitation
   * e-mail is sent, so the link exists nowhere but in that e-mail.
   */
  @Transactional
  public Invitation issueLink(long userId) {
    String username =
        users
            .findUsernameById(userId)
            .orElseThrow(() -> new IllegalStateException("No user " + userId));
    byte[] secret = new byte[16];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expires = clock.instant().plus(VALIDITY);
    invitations.deleteUnused(userId);
    invitations.insert(hash(token), userId, expires);
    return new Invitation(username, token, expires);
  }

  /** When a link issued now would expire: for the notice that announces it. */
  public Instant expiryOfALinkIssuedNow() {
    return clock.instant().plus(VALIDITY);
  }

  /**
   * Sets the password through a link, once, and ends every session of the account (on this node):
   * whoever was logged in with the old password is logged out.
   *
   * @return false when the link is unknown, used, revoked or expired (the same answer for all)
   * @throws PasswordPolicyException when the password is too short or too long ({@link
   *     PasswordPolicy})
   */
  @Transactional
  public boolean setPassword(String token, String password) {
    PasswordPolicy.require(password);
    if (token == null || token.isBlank()) {
      return false;
    }
    Instant now = clock.instant();
    String hash = hash(token);
    return invitations
        .lockUsable(hash, now)
        .map(
            userId -> {
              users.updatePassword(userId, passwordEncoder.encode(password));
              invitations.markUsed(hash, now);
              users
                  .findPartnerIdOf(userId)
                  .ifPresent(
                      partnerId -> events.publishEvent(new PartnerUserJoined(userId, partnerId)));
              users
                  .findUsernameById(userId)
                  .ifPresent(
                      username -> {
                        sessions.endAfterCommit(username);
                        // that it was set, and how; never the password
                        auditLog.record(
                            AuditAction.USER_CHANGED,
                            AuditSubject.user(username),
                            null,
                            Map.of("password", "set by link"));
                      });
              return true;
            })
        .orElse(false);
  }

  static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
