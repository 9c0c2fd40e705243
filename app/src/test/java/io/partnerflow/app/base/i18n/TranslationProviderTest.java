package io.partnerflow.app.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationProviderTest {

  private final TranslationProvider provider = new TranslationProvider();

  @Test
  void shouldTranslateEveryEnglishKeyIntoChinese() throws IOException {
    // given
    Properties english = load("/i18n/messages.properties");
    Properties chinese = load("/i18n/messages_zh_CN.properties");

    // then
    assertThat(chinese.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(provider.getTranslation(key, TranslationProvider.CHINESE))
          .as(key)
          .isEqualTo(chinese.getProperty(key))
          .isNotBlank();
    }
  }

  @Test
  void shouldFormatParametersAndFallBackToEnglishForOtherLanguages() {
    assertThat(provider.getTranslation("home.welcome", Locale.GERMAN, "Ada"))
        .isEqualTo("Welcome, Ada");
    assertThat(provider.getTranslation("home.welcome", TranslationProvider.CHINESE, "Ada"))
        .isEqualTo("欢迎，Ada");
  }

  @Test
  void shouldMarkAMissingKeyVisibly() {
    assertThat(provider.getTranslation("no.such.key", TranslationProvider.ENGLISH))
        .isEqualTo("!no.such.key");
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = TranslationProviderTest.class.getResourceAsStream(resource)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
