package io.partnerflow.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites partner contacts to the portal: creates a disabled-until-set user bound to the partner
 * organisation and a one-time link (128-bit token, valid 7 days) to set the password.
 */
@Service
public class InvitationService {

  /** Shortest password a new user may choose. */
  public static final int MINIMUM_PASSWORD_LENGTH = PasswordPolicy.MINIMUM_LENGTH;

  private static final Duration VALIDITY = Duration.ofDays(7);

  private final UserAccountRepository users;
  private final InvitationRepository invitations;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  InvitationService(
      UserAccountRepository users,
      InvitationRepository invitations,
      PasswordEncoder passwordEncoder,
      Clock clock) {
    this.users = users;
    this.invitations = invitations;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  /**
   * Creates the partner user (username = e-mail) if it does not exist yet and a fresh link. Called
   * by the recruitment process on approval; a repeated call (a retried job) makes a new link for
   * the same user instead of a second user.
   */
  @Transactional
  public Invitation invitePartnerUser(String email, String displayName, long partnerId) {
    String username = email.trim().toLowerCase(java.util.Locale.ROOT);
    long userId =
        users
            .findByUsername(username)
            .map(UserAccount::id)
            .orElseGet(
                () -> {
                  // an unguessable password nobody knows until the link sets a real one
                  String placeholder = passwordEncoder.encode(UUID.randomUUID().toString());
                  long id =
                      users.insert(
                          new NewUserAccount(
                              username,
                              null,
                              displayName,
                              username,
                              Set.of(Role.PARTNER),
                              Set.of("partners")),
                          placeholder);
                  users.bindToPartner(id, partnerId);
                  return id;
                });
    byte[] secret = new byte[16];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expires = clock.instant().plus(VALIDITY);
    invitations.insert(hash(token), userId, expires);
    return new Invitation(username, token, expires);
  }

  /**
   * Sets the password through a link, once.
   *
   * @return false when the link is unknown, used or expired (the same answer for all three)
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
