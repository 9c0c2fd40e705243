package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.form.ui.FormRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The Spring wiring of the package, without the whole application (no database, no web). */
class FormBeansTest {

  @Test
  void shouldCreateTheRendererAndTheServiceWithTheApplicationsTranslations() {
    // given
    try (var context =
        new AnnotationConfigApplicationContext(
            TranslationProvider.class, FormRenderer.class, FormService.class)) {

      // then
      assertThat(context.getBean(FormRenderer.class)).isNotNull();
      assertThat(context.getBean(FormService.class).load("no-such-form")).isEmpty();
      assertThat(context.getBean(FormService.class).load("../application")).isEmpty();
    }
  }
}
