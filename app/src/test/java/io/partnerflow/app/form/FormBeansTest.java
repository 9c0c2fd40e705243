package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.form.ui.FormRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The Spring wiring of the package, without the whole application (no database, no web). */
class FormBeansTest {

  @Test
  void shouldCreateTheRendererAndTheServiceWithTheApplicationsTranslations() {
    // given
    try (var context =
        new AnnotationConfigApplicationContext(
            TranslationProvider.class, Settings.class, FormRenderer.class, FormService.class)) {

      // then
      assertThat(context.getBean(FormRenderer.class)).isNotNull();
      assertThat(context.getBean(FormService.class).load("no-such-form")).isEmpty();
      assertThat(context.getBean(FormService.class).load("../application")).isEmpty();
      // without configuration: no iframe host, uploads up to 10 MB
      assertThat(context.getBean(FormProperties.class).iframeHosts()).isEmpty();
      assertThat(context.getBean(FormProperties.class).upload().maxFileSize().toMegabytes())
          .isEqualTo(10);
    }
  }

  /** The form settings, bound as the application binds them. */
  @EnableConfigurationProperties(FormProperties.class)
  static class Settings {}
}
