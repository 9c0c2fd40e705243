package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormTranslationsTest {

  private final FormTranslations translations = new FormTranslations("forms-test/i18n");

  @Test
  void shouldTranslateLabelsDescriptionsOptionsAndTextsIntoChinese() throws IOException {
    // given
    FormSchema schema = sample();
    FormComponent company = schema.input("company").orElseThrow();
    FormComponent type = schema.input("partnerType").orElseThrow();

    // when
    FormLabels labels = translations.labels("sample", Locale.SIMPLIFIED_CHINESE);

    // then
    assertThat(labels.label(company)).isEqualTo("公司名称");
    assertThat(labels.description(company)).isEqualTo("与商业登记一致");
    assertThat(labels.option(type, type.values().get(1))).isEqualTo("技术合作伙伴");
    assertThat(labels.label(schema.components().get(3))).isEqualTo("联系人");
    assertThat(labels.text(schema.components().get(0))).startsWith("# 欢迎");
  }

  @Test
  void shouldFallBackToTheFormJsonForMissingEnglishEntries() throws IOException {
    // given
    FormSchema schema = sample();
    FormComponent type = schema.input("partnerType").orElseThrow();

    // when
    FormLabels labels = translations.labels("sample", Locale.ENGLISH);

    // then
    assertThat(labels.label(schema.input("company").orElseThrow())).isEqualTo("Company name");
    assertThat(labels.label(type)).isEqualTo("Partner type");
    assertThat(labels.option(type, type.values().get(0))).isEqualTo("Reseller partner");
    assertThat(labels.option(type, type.values().get(1))).isEqualTo("Technology");
  }

  @Test
  void shouldUseEnglishForOtherLanguagesAndTheJsonForUnknownForms() throws IOException {
    // given
    FormComponent company = sample().input("company").orElseThrow();

    // then
    assertThat(translations.labels("sample", Locale.GERMAN).label(company))
        .isEqualTo("Company name");
    assertThat(translations.labels("missing", Locale.ENGLISH).label(company)).isEqualTo("Company");
  }

  @Test
  void shouldIgnoreAFormIdThatCouldLeaveTheTranslationFolder() throws IOException {
    // given
    FormComponent company = sample().input("company").orElseThrow();

    // then
    assertThat(translations.labels("../forms-test/i18n/sample", Locale.ENGLISH).label(company))
        .isEqualTo("Company");
  }

  static FormSchema sample() throws IOException {
    try (InputStream in =
        FormTranslationsTest.class.getClassLoader().getResourceAsStream("forms-test/sample.form")) {
      return new FormSchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
