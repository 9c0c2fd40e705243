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
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What /apply tells the visitor when the service says no; without Spring, service mocked. */
class ApplyViewMessagesTest {

  private final ApplicationService applications = mock(ApplicationService.class);

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
    UI.getCurrent().add(new ApplyView(applications, new TranslationProvider()));

    // then
    _get(Paragraph.class, spec -> spec.withId("applications-closed"));
    _assertNone(RenderedForm.class);
  }

  @Test
  void shouldSayThatApplicationsAreClosedWhenTheEngineDoesNotAnswer() {
    // given
    when(applications.applicationForm()).thenThrow(new IllegalStateException("connect refused"));

    // when
    UI.getCurrent().add(new ApplyView(applications, new TranslationProvider()));

    // then
    _get(Paragraph.class, spec -> spec.withId("applications-closed"));
  }

  @Test
  void shouldExplainTheRateLimit() {
    // given
    when(applications.applicationForm())
        .thenReturn(new FormService().load("partner-application").map(ApplicationForm::new));
    when(applications.submit(any())).thenThrow(new ApplicationRateLimitedException());
    UI.getCurrent().add(new ApplyView(applications, new TranslationProvider()));
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
    UI.getCurrent().add(new ApplyView(applications, new TranslationProvider()));

    // when
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then
    assertThat(_get(MessageArea.class).isVisible()).isTrue();
    verify(applications, never()).submit(any());
  }
}
