package io.partnerflow.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class TemplateRendererTest {

  private static final Map<String, String> INVITATION =
      Map.of(
          "contactName", "Zoë <script>alert(1)</script>",
          "partnerName", "Smith & \"Sons\"",
          "username", "zoe",
          "setPasswordLink", "https://partnerflow.example/set-password?token=abc&x=1",
          "expiresAt", "2026-12-01");

  private final TemplateRenderer renderer = new TemplateRenderer();

  @Test
  void shouldRenderTheInvitationInEnglishWithEscapedParameters() {
    // when
    RenderedNotice notice =
        renderer.render(NotificationTemplates.PORTAL_INVITATION, Locale.ENGLISH, INVITATION);

    // then
    assertThat(notice.subject()).isEqualTo("Your access to the Partnerflow partner portal");
    assertThat(notice.htmlBody())
        .contains("Dear Zoë &lt;script&gt;alert(1)&lt;/script&gt;,")
        .contains("Smith &amp; &quot;Sons&quot;")
        .contains("<a href=\"https://partnerflow.example/set-password?token=abc&amp;x=1\">")
        .doesNotContain("<script>");
  }

  @Test
  void shouldRenderTheInvitationInChineseForAnyChineseLocale() {
    // when
    RenderedNotice notice =
        renderer.render(NotificationTemplates.PORTAL_INVITATION, Locale.CHINA, INVITATION);

    // then
    assertThat(notice.subject()).isEqualTo("您的 Partnerflow 合作伙伴门户账户");
    assertThat(notice.htmlBody())
        .contains("尊敬的 Zoë &lt;script&gt;")
        .contains("用户名为 <strong>zoe</strong>");
    assertThat(TemplateRenderer.languageTag(Locale.TRADITIONAL_CHINESE)).isEqualTo("zh-CN");
    assertThat(TemplateRenderer.languageTag(Locale.GERMAN)).isEqualTo("en");
  }

  @Test
  void shouldKeepTheSubjectOnOneLineWithoutEscaping() {
    // when
    RenderedNotice notice =
        renderer.render(
            NotificationTemplates.APPLICATION_REJECTED,
            Locale.ENGLISH,
            Map.of(
                "applicantName",
                "Ann",
                "companyName",
                "A & B\r\nBcc: evil@example.com",
                "applicantMessage",
                ""));

    // then
    assertThat(notice.subject())
        .isEqualTo("Your partner application for A & B Bcc: evil@example.com")
        .doesNotContain("\n");
  }

  @Test
  void shouldRefuseAMissingParameter() {
    assertThatThrownBy(
            () ->
                renderer.render(
                    NotificationTemplates.APPLICATION_REJECTED,
                    Locale.ENGLISH,
                    Map.of("applicantName", "Ann")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("companyName");
  }

  @Test
  void shouldRefuseALinkThatIsNoWebAddress() {
    // given
    Map<String, String> params = new HashMap<>(INVITATION);
    params.put("setPasswordLink", "javascript:alert(1)");

    // then
    assertThatThrownBy(
            () -> renderer.render(NotificationTemplates.PORTAL_INVITATION, Locale.ENGLISH, params))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setPasswordLink");
  }

  @Test
  void shouldRefuseAnUnknownTemplate() {
    assertThatThrownBy(() -> renderer.render("no-such-template", Locale.ENGLISH, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> renderer.render("../secret", Locale.ENGLISH, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static final Set<String> TEMPLATES = Set.copyOf(NotificationTemplates.ALL);

  @ParameterizedTest
  @FieldSource("TEMPLATES")
  void shouldHaveEveryTemplateInBothLanguagesWithTheSameParameters(String template)
      throws IOException {
    // given
    Properties english = load(template + "_en");
    Properties chinese = load(template + "_zh_CN");

    // then
    assertThat(placeholders(chinese)).isEqualTo(placeholders(english)).isNotEmpty();
    Map<String, String> params = new HashMap<>();
    placeholders(english).forEach(name -> params.put(name, "https://example.com/" + name));
    assertThat(renderer.render(template, Locale.ENGLISH, params).htmlBody()).startsWith("<p>");
    assertThat(renderer.render(template, Locale.CHINESE, params).subject()).isNotBlank();
  }

  @Test
  void shouldTurnTheHtmlBodyIntoPlainText() {
    assertThat(
            PlainText.of(
                "<p>Dear A &amp; B,</p><p>see <a href=\"https://x.example\">https://x.example</a>"
                    + "</p><p>Bye<br>Team</p>"))
        .isEqualTo("Dear A & B,\n\nsee https://x.example\n\nBye\nTeam");
  }

  private static Set<String> placeholders(Properties template) {
    Set<String> names = new TreeSet<>();
    for (String key : Set.of("subject", "body")) {
      Matcher matcher =
          Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}").matcher(template.getProperty(key));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  private static Properties load(String name) throws IOException {
    try (InputStream in =
        TemplateRendererTest.class
            .getClassLoader()
            .getResourceAsStream("notification/templates/" + name + ".properties")) {
      assertThat(in).as(name).isNotNull();
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    }
  }
}
