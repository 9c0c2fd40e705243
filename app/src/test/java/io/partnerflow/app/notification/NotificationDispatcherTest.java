package io.partnerflow.app.notification;

import static io.partnerflow.app.notification.NotificationTestData.uniqueRecipient;
import static io.partnerflow.app.notification.NotificationTestData.uniqueReference;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PortalAccount;
import io.partnerflow.app.support.PartnerflowTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher against a real SMTP server in the test's JVM (GreenMail), wired as Spring Boot
 * wires it when {@code spring.mail.host} is set; outbox and templates are the shared context's.
 */
@PartnerflowTest
class NotificationDispatcherTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String FROM = "Partnerflow <no-reply@partnerflow.test>";

  @Autowired OutboxRepository outbox;
  @Autowired TemplateRenderer renderer;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired List<SecretLinkIssuer> issuers;
  @Autowired InvitationService invitations;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldSendAPendingNoticeOverSmtpAndMarkItSent() throws Exception {
    // given
    JavaMailSender sender = sender(SMTP.getSmtp().getPort());
    NotificationProperties properties = properties(3, Duration.ZERO);
    Recipient recipient = uniqueRecipient();
    long id =
        service(properties, sender)
            .enqueue(
                NotificationTemplates.PORTAL_INVITATION,
                recipient,
                Locale.ENGLISH,
                invitation(),
                uniqueReference());
    assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.PENDING);

    // when
    int handled = dispatcher(properties, sender).dispatchDue();

    // then
    assertThat(handled).isPositive();
    MimeMessage mail = receivedBy(recipient);
    assertThat(mail.getSubject()).isEqualTo("Your access to the Partnerflow partner portal");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress())
        .isEqualTo("no-reply@partnerflow.test");
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal())
        .isEqualTo("Rita Recipient");
    assertThat(mail.getHeader("X-Partnerflow-Notice")).containsExactly(String.valueOf(id));
    String content = text(mail);
    assertThat(content)
        .contains("<a href=\"https://partnerflow.example/set-password?token=t1&amp;lang=en\">")
        .contains("Please set your password here: https://partnerflow.example/set-password");
    OutboxNotice sent = outbox.findById(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).isNotNull();
    assertThat(sent.lastError()).isNull();
  }

  @Test
  void shouldRetryAFailingSendAndMarkItFailedAfterTheLimitThenSendItOnAdminRetry()
      throws Exception {
    // given
    JavaMailSender broken = sender(closedPort());
    NotificationProperties properties = properties(3, Duration.ZERO);
    NotificationService service = service(properties, broken);
    Recipient recipient = uniqueRecipient();
    long id =
        service.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            recipient,
            Locale.ENGLISH,
            NotificationTestData.rejectionParams("Unlucky Ltd"),
            uniqueReference());

    // when: without a delay every attempt is due at once
    dispatcher(properties, broken).dispatchDue();

    // then
    OutboxNotice failed = outbox.findById(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("MailSendException");
    assertThat(failed.sentAt()).isNull();

    // when: an administrator retries once SMTP works
    JavaMailSender working = sender(SMTP.getSmtp().getPort());
    boolean queued = service(properties, working).retry(id);
    dispatcher(properties, working).dispatchDue();

    // then
    assertThat(queued).isTrue();
    assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    assertThat(receivedBy(recipient).getSubject()).contains("Unlucky Ltd");
  }

  @Test
  void shouldIssueASecretLinkOnlyWhenSendingAndNeverStoreIt() throws Exception {
    // given: an invitation queued for a new portal user
    JavaMailSender sender = sender(SMTP.getSmtp().getPort());
    NotificationProperties properties = properties(3, Duration.ZERO);
    Recipient recipient = uniqueRecipient();
    PortalAccount account = invitations.invitePartnerUser(recipient.email(), "Rita", partner());
    Map<String, String> params = new java.util.HashMap<>(invitation());
    params.remove("setPasswordLink");
    long id =
        service(properties, sender)
            .enqueue(
                NotificationTemplates.PORTAL_INVITATION,
                recipient,
                Locale.ENGLISH,
                params,
                uniqueReference(),
                SecretLink.of("setPasswordLink", "portal-invitation", account.userId()),
                null);

    // then: administrators see the link masked
    assertThat(outbox.findById(id).orElseThrow().body())
        .contains(SecretLink.MASK)
        .doesNotContain("/invitation/");

    // when
    dispatcher(properties, sender).dispatchDue();

    // then: the e-mail carries a working one-time link that is stored nowhere
    String content = text(receivedBy(recipient));
    Matcher link = Pattern.compile("/invitation/([A-Za-z0-9_-]{22})").matcher(content);
    assertThat(link.find()).isTrue();
    String token = link.group(1);
    assertThat(content).doesNotContain(SecretLink.MASK);
    assertThat(outbox.findById(id).orElseThrow().body()).doesNotContain(token);
    assertThat(invitations.setPassword(token, "a long enough password")).isTrue();
  }

  @Test
  void shouldSendANoticeSkippedForWantOfSmtpOnceSmtpIsConfigured() throws Exception {
    // given: a notice stored while SMTP was not configured
    NotificationProperties properties = properties(3, Duration.ZERO);
    Recipient recipient = uniqueRecipient();
    long id =
        new NotificationService(outbox, renderer, properties, provider(null))
            .enqueue(
                NotificationTemplates.APPLICATION_REJECTED,
                recipient,
                Locale.ENGLISH,
                NotificationTestData.rejectionParams("Patient Ltd"),
                uniqueReference());
    assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.SKIPPED);

    // when: the platform runs with SMTP
    JavaMailSender sender = sender(SMTP.getSmtp().getPort());
    NotificationDispatcher dispatcher = dispatcher(properties, sender);
    dispatcher.requeueSkipped();
    dispatcher.dispatchDue();

    // then
    assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    assertThat(receivedBy(recipient).getSubject()).contains("Patient Ltd");
  }

  @Test
  void shouldSendOtherNoticesWhileOneSendHangsAndHoldNoLockMeanwhile() throws Exception {
    // given: an SMTP conversation that hangs for the first notice
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JavaMailSenderImpl working = (JavaMailSenderImpl) sender(SMTP.getSmtp().getPort());
    JavaMailSenderImpl sender =
        new JavaMailSenderImpl() {
          @Override
          public void send(MimeMessage... messages) {
            try {
              if (messages[0].getSubject().contains("Hanging")) {
                hanging.countDown();
                release.await(30, TimeUnit.SECONDS);
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            working.send(messages);
          }
        };
    NotificationProperties properties = properties(3, Duration.ZERO);
    NotificationService service = service(properties, sender);
    long stuck =
        service.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            uniqueRecipient(),
            Locale.ENGLISH,
            NotificationTestData.rejectionParams("Hanging Ltd"),
            uniqueReference());
    NotificationDispatcher dispatcher = dispatcher(properties, sender);
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
    assertThat(hanging.await(10, TimeUnit.SECONDS)).isTrue();
    Recipient other = uniqueRecipient();
    long next =
        service.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            other,
            Locale.ENGLISH,
            NotificationTestData.rejectionParams("Punctual Ltd"),
            uniqueReference());

    // when: another sender (thread or node) runs while the first one hangs
    dispatcher.dispatchDue();

    // then: the other notice went out, and the hanging one holds no row lock
    assertThat(outbox.findById(next).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    assertThat(receivedBy(other).getSubject()).contains("Punctual Ltd");
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status ->
                jdbc.sql("SELECT id FROM app.notification_outbox WHERE id = :id FOR UPDATE NOWAIT")
                    .param("id", stuck)
                    .query(Long.class)
                    .single());
    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    assertThat(outbox.findById(stuck).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void shouldRunOnItsOwnThreadsNotOnTheSharedScheduler() throws Exception {
    // given
    Thread[] sending = new Thread[1];
    JavaMailSenderImpl sender =
        new JavaMailSenderImpl() {
          @Override
          public void send(MimeMessage... messages) {
            sending[0] = Thread.currentThread();
          }
        };
    NotificationProperties properties =
        new NotificationProperties(
            FROM,
            Duration.ofMillis(100),
            20,
            3,
            Duration.ZERO,
            NotificationProperties.WithoutSmtp.SKIP,
            2);
    long id =
        service(properties, sender)
            .enqueue(
                NotificationTemplates.APPLICATION_REJECTED,
                uniqueRecipient(),
                Locale.ENGLISH,
                NotificationTestData.rejectionParams("Threaded Ltd"),
                uniqueReference());
    NotificationDispatcher dispatcher = dispatcher(properties, sender);

    // when
    dispatcher.start();
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> outbox.findById(id).orElseThrow().status() == NotificationStatus.SENT);
    } finally {
      dispatcher.stop();
    }

    // then
    assertThat(sending[0].getName()).startsWith("notification-");
    assertThat(dispatcher.isRunning()).isFalse();
  }

  @Test
  void shouldQueueOneNoticePerBusinessEvent() {
    // given
    NotificationService service = service(properties(3, Duration.ZERO), null);
    String event = "job/" + UUID.randomUUID();

    // when: a retried job queues its notice again
    long first =
        service.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            uniqueRecipient(),
            Locale.ENGLISH,
            NotificationTestData.rejectionParams("Twice GmbH"),
            uniqueReference(),
            null,
            event);
    long second =
        service.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            uniqueRecipient(),
            Locale.ENGLISH,
            NotificationTestData.rejectionParams("Twice GmbH"),
            uniqueReference(),
            null,
            event);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.notification_outbox WHERE event_key = :event")
                .param("event", event)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void shouldWaitTheRetryDelayBeforeTheNextAttempt() throws Exception {
    // given
    JavaMailSender broken = sender(closedPort());
    NotificationProperties properties = properties(5, Duration.ofHours(1));
    long id =
        service(properties, broken)
            .enqueue(
                NotificationTemplates.APPLICATION_REJECTED,
                uniqueRecipient(),
                Locale.ENGLISH,
                NotificationTestData.rejectionParams("Patient GmbH"),
                Reference.none());
    NotificationDispatcher dispatcher = dispatcher(properties, broken);

    // when
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    // then: one attempt, the next one due in an hour
    OutboxNotice waiting = outbox.findById(id).orElseThrow();
    assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).isNotBlank();
    assertThat(waiting.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
  }

  @Test
  void shouldSkipANoticeThatAnotherNodeHasLocked() throws Exception {
    // given
    JavaMailSender sender = sender(SMTP.getSmtp().getPort());
    NotificationProperties properties = properties(3, Duration.ZERO);
    long id =
        service(properties, sender)
            .enqueue(
                NotificationTemplates.APPLICATION_REJECTED,
                uniqueRecipient(),
                Locale.ENGLISH,
                NotificationTestData.rejectionParams("Locked AG"),
                Reference.none());
    NotificationDispatcher dispatcher = dispatcher(properties, sender);

    // when: another node holds the row while this one dispatches
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              jdbc.sql("SELECT id FROM app.notification_outbox WHERE id = :id FOR UPDATE")
                  .param("id", id)
                  .query(Long.class)
                  .single();
              CompletableFuture.supplyAsync(dispatcher::dispatchDue).join();
              assertThat(outbox.findById(id).orElseThrow().status())
                  .isEqualTo(NotificationStatus.PENDING);
            });
    dispatcher.dispatchDue();

    // then
    assertThat(outbox.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
  }

  private NotificationService service(NotificationProperties properties, JavaMailSender sender) {
    return new NotificationService(outbox, renderer, properties, provider(sender));
  }

  private NotificationDispatcher dispatcher(
      NotificationProperties properties, JavaMailSender sender) {
    return new NotificationDispatcher(outbox, properties, provider(sender), issuers);
  }

  private static NotificationProperties properties(int maxAttempts, Duration retryDelay) {
    return new NotificationProperties(
        FROM,
        Duration.ofSeconds(30),
        20,
        maxAttempts,
        retryDelay,
        NotificationProperties.WithoutSmtp.SKIP,
        1);
  }

  private long partner() {
    return jdbc.sql(
            "INSERT INTO app.partner (name, country, type, tier, status)"
                + " VALUES (:name, 'DE', 'RESELLER', 'REGISTERED', 'ONBOARDING') RETURNING id")
        .param("name", "Invited " + UUID.randomUUID())
        .query(Long.class)
        .single();
  }

  /** SMTP configured with the sender, or not configured at all (null). */
  private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (sender != null) {
      beans.addBean("mailSender", sender);
    }
    return beans.getBeanProvider(JavaMailSender.class);
  }

  /** As Spring Boot builds it from spring.mail.host/port. */
  private static JavaMailSender sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", "2000");
    sender.setJavaMailProperties(properties);
    return sender;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, String> invitation() {
    return Map.of(
        "contactName", "Rita",
        "partnerName", "Rita's Reseller",
        "username", "rita",
        "setPasswordLink", "https://partnerflow.example/set-password?token=t1&lang=en",
        "expiresAt", "2026-12-31");
  }

  private static MimeMessage receivedBy(Recipient recipient) throws Exception {
    SMTP.waitForIncomingEmail(5000, 1);
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      Address[] to = message.getRecipients(Message.RecipientType.TO);
      if (to != null
          && Arrays.stream(to)
              .anyMatch(a -> ((InternetAddress) a).getAddress().equals(recipient.email()))) {
        return message;
      }
    }
    throw new AssertionError("No mail to " + recipient.email());
  }

  /** All text parts (plain and HTML) of a message, decoded. */
  private static String text(Part part) throws Exception {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text + "\n";
    }
    StringBuilder all = new StringBuilder();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        all.append(text(body));
      }
    }
    return all.toString();
  }
}
