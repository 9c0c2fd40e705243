package io.partnerflow.app.notification;

import static io.partnerflow.app.notification.NotificationTestData.rejectionParams;
import static io.partnerflow.app.notification.NotificationTestData.uniqueRecipient;
import static io.partnerflow.app.notification.NotificationTestData.uniqueReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared test context has no spring.mail.host: the documented SMTP-less behaviour. */
@PartnerflowTest
class NotificationServiceTest {

  @Autowired NotificationService notifications;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldStoreTheRenderedNoticeAsSkippedWhileSmtpIsNotConfigured() {
    // given
    Recipient recipient = uniqueRecipient();
    Reference reference = uniqueReference();

    // when
    long id =
        notifications.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            recipient,
            Locale.SIMPLIFIED_CHINESE,
            rejectionParams("Acme <Labs>"),
            reference);

    // then
    actAs("admin", "ROLE_ADMIN");
    OutboxNotice notice = notifications.findById(id).orElseThrow();
    assertThat(notifications.smtpConfigured()).isFalse();
    assertThat(notice.status()).isEqualTo(NotificationStatus.SKIPPED);
    assertThat(notice.lastError()).isEqualTo("SMTP not configured (spring.mail.host is not set)");
    assertThat(notice.recipientEmail()).isEqualTo(recipient.email());
    assertThat(notice.recipientName()).isEqualTo("Rita Recipient");
    assertThat(notice.locale()).isEqualTo("zh-CN");
    assertThat(notice.subject()).isEqualTo("关于 Acme <Labs> 的合作伙伴申请");
    assertThat(notice.body()).contains("Acme &lt;Labs&gt;");
    assertThat(notice.referenceType()).isEqualTo("application");
    assertThat(notice.referenceId()).isEqualTo(reference.id());
    assertThat(notifications.findByReference(reference))
        .extracting(OutboxNotice::id)
        .containsExactly(id);
    assertThat(notice.retryable()).isTrue();
  }

  @Test
  void shouldStoreNothingWhenTheCallersTransactionRollsBack() {
    // given
    Reference reference = uniqueReference();

    // when
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              notifications.enqueue(
                  NotificationTemplates.APPLICATION_REJECTED,
                  uniqueRecipient(),
                  Locale.ENGLISH,
                  rejectionParams("Rolled Back Ltd"),
                  reference);
              status.setRollbackOnly();
            });

    // then
    actAs("admin", "ROLE_ADMIN");
    assertThat(notifications.findByReference(reference)).isEmpty();
  }

  @Test
  void shouldNeitherSendNorRetryWithoutSmtp() {
    // given
    long id =
        notifications.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            uniqueRecipient(),
            Locale.ENGLISH,
            rejectionParams("No Smtp Inc"),
            Reference.none());

    // when
    int dispatched = dispatcher.dispatchDue();

    // then
    assertThat(dispatched).isZero();
    actAs("admin", "ROLE_ADMIN");
    assertThat(notifications.findById(id).orElseThrow().status())
        .isEqualTo(NotificationStatus.SKIPPED);
    assertThatThrownBy(() -> notifications.retry(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldKeepTheOutboxFromEveryoneButAdministrators() {
    // given
    actAs("manager", "ROLE_PARTNER_MANAGER");

    // then
    assertThatThrownBy(() -> notifications.search(null, 0, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> notifications.count(null)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> notifications.findById(1)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> notifications.retry(1)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldListNoticesNewestFirstWithStatusFilterAndCount() {
    // given
    long older =
        notifications.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            uniqueRecipient(),
            Locale.ENGLISH,
            rejectionParams("Older"),
            Reference.none());
    long newer =
        notifications.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            uniqueRecipient(),
            Locale.ENGLISH,
            rejectionParams("Newer"),
            Reference.none());
    actAs("admin", "ROLE_ADMIN");

    // when
    List<OutboxNotice> skipped = notifications.search(NotificationStatus.SKIPPED, 0, 1000);

    // then
    assertThat(skipped).extracting(OutboxNotice::id).containsSubsequence(newer, older);
    assertThat(notifications.count(NotificationStatus.SKIPPED)).isGreaterThanOrEqualTo(2);
    assertThat(notifications.count(null))
        .isGreaterThanOrEqualTo(notifications.count(NotificationStatus.SKIPPED));
    assertThat(notifications.search(NotificationStatus.SENT, 0, 1000))
        .extracting(OutboxNotice::id)
        .doesNotContain(newer, older);
  }

  private static void actAs(String username, String... authorities) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(authorities)));
  }
}
