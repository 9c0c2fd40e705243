package io.partnerflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.support.PartnerflowTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@PartnerflowTest
class InvitationServiceTest {

  @Autowired InvitationService invitations;
  @Autowired UserAccountService users;
  @Autowired PasswordEncoder passwordEncoder;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldCreateAPartnerUserWhoSetsThePasswordOnceThroughTheLink() {
    // given
    long partnerId = partner();
    String email = "Contact-" + UUID.randomUUID() + "@Example.org";

    // when
    Invitation invitation = invitations.invitePartnerUser(email, "Cora Contact", partnerId);

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
  void shouldInviteTheSameContactTwiceWithoutASecondUser() {
    long partnerId = partner();
    String email = "twice-" + UUID.randomUUID() + "@example.org";

    Invitation first = invitations.invitePartnerUser(email, "Tess", partnerId);
    Invitation second = invitations.invitePartnerUser(email, "Tess", partnerId);

    assertThat(second.username()).isEqualTo(first.username());
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(invitations.setPassword(first.token(), "first long password")).isTrue();
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
                + " VALUES (:name, 'DE', 'RESELLER', 'REGISTERED', 'PROSPECT') RETURNING id")
        .param("name", "Invited " + UUID.randomUUID())
        .query(Long.class)
        .single();
  }
}
