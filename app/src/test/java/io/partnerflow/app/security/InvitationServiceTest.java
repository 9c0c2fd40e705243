package io.partnerflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.support.PartnerflowTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;

@PartnerflowTest
class InvitationServiceTest {

  @Autowired InvitationService invitations;
  @Autowired UserAccountService users;
  @Autowired PasswordEncoder passwordEncoder;
  @Autowired JdbcClient jdbc;
  @Autowired SessionRegistry sessions;

  @Test
  void shouldCreateAPartnerUserWhoSetsThePasswordOnceThroughTheLink() {
    // given
    long partnerId = partner();
    String email = "Contact-" + UUID.randomUUID() + "@Example.org";

    // when
    PortalAccount account = invitations.invitePartnerUser(email, "Cora Contact", partnerId);
    Invitation invitation = invitations.issueLink(account.userId());

    // then: a partner user bound to the organisation, who cannot log in yet
    UserAccount user = users.findByUsername(invitation.username()).orElseThrow();
    assertThat(user.username()).isEqualTo(email.toLowerCase());
    assertThat(user.roles()).containsExactly(Role.PARTNER);
    assertThat(user.partnerId()).isEqualTo(partnerId);
    assertThat(invitation.token()).hasSizeGreaterThanOrEqualTo(22);

    // when
    boolean set = invitations.setPassword(invitation.token(), "correct horse battery");
    boolean again = invitations.setPassword(invitation.token(), "another long password");

    // then
    assertThat(set).isTrue();
    assertThat(again).isFalse();
    String hash = users.findByUsername(invitation.username()).orElseThrow().passwordHash();
    assertThat(passwordEncoder.matches("correct horse battery", hash)).isTrue();
  }

  @Test
  void shouldInviteTheSameContactTwiceWithoutASecondUserAndOnlyTheNewestLinkWorks() {
    // given
    long partnerId = partner();
    String email = "twice-" + UUID.randomUUID() + "@example.org";

    // when
    PortalAccount first = invitations.invitePartnerUser(email, "Tess", partnerId);
    Invitation firstLink = invitations.issueLink(first.userId());
    PortalAccount second = invitations.invitePartnerUser(email, "Tess", partnerId);
    Invitation secondLink = invitations.issueLink(second.userId());

    // then: one account; the first link was revoked by the second
    assertThat(second).isEqualTo(first);
    assertThat(secondLink.token()).isNotEqualTo(firstLink.token());
    assertThat(invitations.setPassword(firstLink.token(), "first long password")).isFalse();
    assertThat(invitations.setPassword(secondLink.token(), "second long password")).isTrue();
  }

  @Test
  void shouldNeverHandAnAccountToAnotherOrganisation() {
    // given: a contact who already has an account with one partner
    String email = "shared-" + UUID.randomUUID() + "@example.org";
    PortalAccount existing = invitations.invitePartnerUser(email, "Sam", partner());
    long otherPartner = partner();

    // when / then: another organisation's invitation does not get it
    assertThatThrownBy(() -> invitations.invitePartnerUser(email, "Sam", otherPartner))
        .isInstanceOf(IllegalStateException.class);
    assertThat(users.findByUsername(existing.username()).orElseThrow().partnerId())
        .isNotEqualTo(otherPartner);
    // nor does a staff account with the same name
    assertThatThrownBy(() -> invitations.invitePartnerUser("manager", "Max", otherPartner))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldEndTheAccountsSessionsWhenThePasswordIsSet() {
    // given: the account is logged in somewhere
    PortalAccount account =
        invitations.invitePartnerUser(
            "session-" + UUID.randomUUID() + "@example.org", "Sid", partner());
    sessions.registerNewSession(
        "session-" + account.userId(),
        User.withUsername(account.username()).password("x").roles("PARTNER").build());
    Invitation invitation = invitations.issueLink(account.userId());

    // when
    invitations.setPassword(invitation.token(), "a brand new password");

    // then
    assertThat(sessions.getSessionInformation("session-" + account.userId()).isExpired()).isTrue();
  }

  @Test
  void shouldStoreNoTokenInClear() {
    // given
    PortalAccount account =
        invitations.invitePartnerUser(
            "clear-" + UUID.randomUUID() + "@example.org", "Cleo", partner());

    // when
    Invitation invitation = invitations.issueLink(account.userId());

    // then
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.user_invitation WHERE token_hash = :token")
                .param("token", invitation.token())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.notification_outbox WHERE body LIKE :token")
                .param("token", "%" + invitation.token() + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void shouldRefuseShortPasswordsAndUnknownLinks() {
    assertThatThrownBy(() -> invitations.setPassword("whatever", "short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(invitations.setPassword("no-such-token", "long enough password")).isFalse();
  }

  private long partner() {
    return jdbc.sql(
            "INSERT INTO app.partner (name, country, type, tier, status)"
                + " VALUES (:name, 'DE', 'RESELLER', 'REGISTERED', 'ONBOARDING') RETURNING id")
        .param("name", "Invited " + UUID.randomUUID())
        .query(Long.class)
        .single();
  }
}
