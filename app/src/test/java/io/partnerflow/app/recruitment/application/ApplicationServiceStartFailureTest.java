package io.partnerflow.app.recruitment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerflow.app.base.secret.InstallationSecrets;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.notification.NotificationService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** What happens when the engine is not there: nothing is lost, nobody can apply without a form. */
class ApplicationServiceStartFailureTest {

  private static final FormTickets TICKETS =
      new FormTickets(
          java.time.Clock.systemUTC(),
          new FillTimeProperties(java.time.Duration.ZERO, java.time.Duration.ofHours(1)));

  private final ApplicationRepository repository = mock(ApplicationRepository.class);
  private final RecruitmentProcess process = mock(RecruitmentProcess.class);
  private final NotificationService notifications = mock(NotificationService.class);
  private final RecruitmentProperties properties =
      new RecruitmentProperties(
          URI.create("https://partners.example.com/"),
          5,
          Duration.ofHours(1),
          20000,
          "salt",
          Duration.ofMinutes(1),
          Duration.ofDays(90),
          Duration.ofMinutes(5));
  private ApplicationService service;

  @BeforeEach
  void setUp() throws IOException {
    service =
        new ApplicationService(
            repository,
            process,
            new FormService(),
            notifications,
            properties,
            new ObjectMapper(),
            mock(PlatformTransactionManager.class),
            mock(InstallationSecrets.class),
            TICKETS);
    when(process.latestStartForm()).thenReturn(Optional.of(classpathForm()));
  }

  @Test
  void shouldKeepTheApplicationAndItsLinkWhenTheProcessDoesNotStart() {
    // given
    when(repository.insert(any())).thenReturn(42L);
    when(repository.claimStart(eq(42L), any())).thenReturn(true);
    when(repository.findById(42L)).thenReturn(Optional.of(stored(42L)));
    when(process.start(any())).thenThrow(new IllegalStateException("engine unavailable"));

    // when
    ApplicationReceipt receipt = service.submit(submission());

    // then: stored with its event and e-mail, the failure noted for the retry
    assertThat(receipt.statusLink()).startsWith("https://partners.example.com/apply/status/");
    verify(repository).insertEvent(42L, ApplicationStatus.SUBMITTED, null);
    verify(notifications)
        .enqueue(
            eq("application-received"),
            any(),
            eq(Locale.ENGLISH),
            any(),
            any(),
            any(),
            eq("application/42/received"));
    verify(repository).recordStartFailure(eq(42L), contains("engine unavailable"));
    verify(repository, never()).setProcessInstance(anyLong(), anyLong());
  }

  @Test
  void shouldRecordTheUnrecordedInstanceInsteadOfStartingASecond() {
    // given: the first start created the instance, then the app died before recording it
    when(repository.claimStart(eq(42L), any())).thenReturn(true);
    when(repository.findById(42L)).thenReturn(Optional.of(stored(42L)));
    when(process.instanceOf(42L)).thenReturn(Optional.empty());
    when(process.start(any())).thenReturn(4711L);
    org.mockito.Mockito.doThrow(new IllegalStateException("killed before recording"))
        .doNothing()
        .when(repository)
        .setProcessInstance(42L, 4711L);
    assertThat(service.startProcess(42L)).isFalse();

    // when: the retry runs (the engine now knows the instance)
    when(process.instanceOf(42L)).thenReturn(Optional.of(4711L));
    boolean started = service.startProcess(42L);

    // then: the same instance is recorded, none created a second time
    assertThat(started).isTrue();
    verify(process, org.mockito.Mockito.times(1)).start(any());
    verify(repository, org.mockito.Mockito.times(2)).setProcessInstance(42L, 4711L);
  }

  @Test
  void shouldNotStartAProcessSomeoneElseIsStarting() {
    // given
    when(repository.claimStart(eq(7L), any())).thenReturn(false);

    // when / then
    assertThat(service.startProcess(7L)).isFalse();
    verify(process, never()).start(any());
  }

  @Test
  void shouldRefuseApplicationsWhileTheProcessIsNotDeployed() {
    // given
    when(process.latestStartForm()).thenReturn(Optional.empty());

    // when / then
    assertThat(service.applicationForm()).isEmpty();
    assertThatThrownBy(() -> service.submit(submission()))
        .isInstanceOf(ApplicationsClosedException.class);
    verify(repository, never()).insert(any());
    verify(notifications, never()).enqueue(anyString(), any(), any(), any(), any(), any(), any());
  }

  private static ApplicationSubmission submission() {
    return new ApplicationSubmission(
        RecruitmentTestModel.validValues("Northwind"),
        null,
        "192.0.2.1",
        Locale.ENGLISH,
        TICKETS.issue());
  }

  private static Application stored(long id) {
    return new Application(
        id,
        "Northwind",
        "Ada Lovelace",
        "ada@example.com",
        "DE",
        "reseller",
        "en",
        ApplicationStatus.SUBMITTED,
        null,
        Map.of("companyName", "Northwind"),
        Instant.now(),
        Instant.now(),
        null);
  }

  private static String classpathForm() throws IOException {
    try (InputStream in =
        ApplicationServiceStartFailureTest.class
            .getClassLoader()
            .getResourceAsStream("forms/partner-application.form")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
