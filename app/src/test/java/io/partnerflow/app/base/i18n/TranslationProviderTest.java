package io.partnerflow.app.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class TranslationProviderTest {

  private final TranslationProvider provider = new TranslationProvider();

  @Test
  void shouldTranslateEveryEnglishKeyOfEveryBundleIntoChinese() throws IOException {
    Resource[] bundles =
        new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
    int checked = 0;
    for (Resource english : bundles) {
      String name = english.getFilename();
      if (name == null || name.contains("_")) {
        continue;
      }
      // given
      Properties englishKeys = load(english);
      Properties chineseKeys =
          load(english.createRelative(name.replace(".properties", "_zh_CN.properties")));

      // then
      assertThat(chineseKeys.stringPropertyNames())
          .as("keys of the Chinese %s", name)
          .containsExactlyInAnyOrderElementsOf(englishKeys.stringPropertyNames());
      for (String key : englishKeys.stringPropertyNames()) {
        assertThat(provider.getTranslation(key, TranslationProvider.CHINESE))
            .as(key)
            .isEqualTo(chineseKeys.getProperty(key))
            .isNotBlank();
        checked++;
      }
    }
    assertThat(checked).isPositive();
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

  private static Properties load(Resource resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = resource.getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
