package io.partnerflow.app.recruitment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.recruitment.application.ApplicationForm;
import io.partnerflow.app.recruitment.application.ApplicationRateLimitedException;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.FillTimeProperties;
import io.partnerflow.app.recruitment.application.FormTicketException;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What /apply tells the visitor when the service says no; without Spring, service mocked. */
class ApplyViewMessagesTest {

  private final ApplicationService applications = mock(ApplicationService.class);
  private final FormTickets tickets =
      new FormTickets(
          Clock.systemUTC(), new FillTimeProperties(Duration.ofSeconds(3), Duration.ofHours(12)));

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void shouldSayThatApplicationsAreClosedWhileTheProcessIsNotDeployed() {
    // given
    when(applications.applicationForm()).thenReturn(Optional.empty());

    // when
    UI.getCurrent().add(new ApplyView(applications, tickets, new TranslationProvider()));

    // then
    _get(Paragraph.class, spec -> spec.withId("applications-closed"));
    _assertNone(RenderedForm.class);
  }

  @Test
  void shouldSayThatApplicationsAreClosedWhenTheEngineDoesNotAnswer() {
    // given
    when(applications.applicationForm()).thenThrow(new IllegalStateException("connect refused"));

    // when
    UI.getCurrent().add(new ApplyView(applications, tickets, new TranslationProvider()));

    // then
    _get(Paragraph.class, spec -> spec.withId("applications-closed"));
  }

  @Test
  void shouldExplainTheRateLimit() {
    // given
    when(applications.applicationForm())
        .thenReturn(new FormService().load("partner-application").map(ApplicationForm::new));
    when(applications.submit(any())).thenThrow(new ApplicationRateLimitedException());
    UI.getCurrent().add(new ApplyView(applications, tickets, new TranslationProvider()));
    RenderedForm form = _get(RenderedForm.class);
    RecruitmentTestModel.validValues("Limited").forEach(form::setValue);

    // when
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then
    MessageArea message = _get(MessageArea.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(message.getElement().getTextRecursively())
        .isEqualTo(UI.getCurrent().getTranslation("apply.error.rateLimited"));
  }

  @Test
  void shouldNotCallTheServiceWhenTheBrowserSideCheckFails() {
    // given
    when(applications.applicationForm())
        .thenReturn(new FormService().load("partner-application").map(ApplicationForm::new));
    UI.getCurrent().add(new ApplyView(applications, tickets, new TranslationProvider()));

    // when
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then
    assertThat(_get(MessageArea.class).isVisible()).isTrue();
    verify(applications, never()).submit(any());
  }

  @Test
  void shouldTellSomeoneTooFastToCheckAndSendAgain() {
    // given: the service refuses the first submission as faster than a person, then accepts
    when(applications.applicationForm())
        .thenReturn(new FormService().load("partner-application").map(ApplicationForm::new));
    when(applications.submit(any()))
        .thenThrow(new FormTicketException(FormTicketException.Reason.TOO_FAST));
    UI.getCurrent().add(new ApplyView(applications, tickets, new TranslationProvider()));
    RenderedForm form = _get(RenderedForm.class);
    RecruitmentTestModel.validValues("Quick").forEach(form::setValue);

    // when
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then: the message, and the form stays with what was entered
    assertThat(_get(MessageArea.class).getElement().getTextRecursively())
        .isEqualTo(UI.getCurrent().getTranslation("apply.error.tooFast"));
    assertThat(form.submit()).isPresent();
    verify(applications)
        .submit(
            org.mockito.ArgumentMatchers.argThat(
                submission ->
                    submission.formTicket() != null && submission.formTicket().contains(".")));
  }
}
