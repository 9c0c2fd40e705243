package io.partnerflow.app.recruitment.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.partnerflow.app.base.secret.InstallationSecrets;
import io.partnerflow.app.recruitment.application.FormTicketException.Reason;
import io.partnerflow.app.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signed render time of the apply form: too fast, altered, forged and stale are refused. */
class FormTicketsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final FormTickets tickets =
      new FormTickets(clock, new FillTimeProperties(Duration.ofSeconds(3), Duration.ofHours(12)));

  @Test
  void shouldRefuseASubmissionSoonerThanAPersonFillsTheForm() {
    // given
    String ticket = tickets.issue();

    // when / then
    clock.advance(Duration.ofMillis(2999));
    assertRefused(ticket, Reason.TOO_FAST);
    clock.advance(Duration.ofMillis(1));
    assertThatCode(() -> tickets.check(ticket)).doesNotThrowAnyException();
  }

  @Test
  void shouldAcceptATicketOfAnotherNodeOfTheSameInstallation() {
    // given: two nodes reading the installation's one key
    byte[] installationKey = new byte[32];
    installationKey[0] = 7;
    InstallationSecrets secrets = mock(InstallationSecrets.class);
    when(secrets.obtain(InstallationSecrets.FORM_TICKET_KEY)).thenReturn(installationKey);
    FillTimeProperties fillTime =
        new FillTimeProperties(Duration.ofSeconds(3), Duration.ofHours(12));
    FormTickets nodeA = new FormTickets(clock, fillTime, secrets);
    FormTickets nodeB = new FormTickets(clock, fillTime, secrets);

    // when: the form is shown by one node and sent to the other
    String ticket = nodeA.issue();
    clock.advance(Duration.ofSeconds(30));

    // then
    assertThatCode(() -> nodeB.check(ticket)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAStaleForm() {
    String ticket = tickets.issue();

    clock.advance(Duration.ofHours(12).plusSeconds(1));

    assertRefused(ticket, Reason.EXPIRED);
  }

  @Test
  void shouldRefuseMissingAlteredAndForeignTickets() {
    // given: a valid ticket whose time is moved back by a minute, keeping the signature
    String ticket = tickets.issue();
    clock.advance(Duration.ofSeconds(1));
    String signature = ticket.substring(ticket.indexOf('.'));
    byte[] earlier =
        java.nio.ByteBuffer.allocate(Long.BYTES)
            .putLong(clock.instant().minusSeconds(60).toEpochMilli())
            .array();
    String backdated = Base64.getUrlEncoder().withoutPadding().encodeToString(earlier) + signature;
    FormTickets otherInstallation =
        new FormTickets(clock, new FillTimeProperties(Duration.ZERO, Duration.ofHours(12)));

    // then
    assertRefused(backdated, Reason.INVALID);
    assertRefused(otherInstallation.issue(clock.instant().minusSeconds(60)), Reason.INVALID);
    assertRefused(null, Reason.INVALID);
    assertRefused("", Reason.INVALID);
    assertRefused("no-dot-here", Reason.INVALID);
    assertRefused("!!!.???", Reason.INVALID);
    assertRefused(".", Reason.INVALID);
  }

  private void assertRefused(String ticket, Reason reason) {
    assertThatThrownBy(() -> tickets.check(ticket))
        .isInstanceOfSatisfying(
            FormTicketException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(reason));
  }
}
