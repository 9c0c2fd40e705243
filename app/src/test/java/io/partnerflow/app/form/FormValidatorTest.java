package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

  static final String FORM =
      """
      {"id": "application", "components": [
        {"type": "textfield", "key": "company", "validate": {"required": true, "minLength": 2, "maxLength": 20}},
        {"type": "textfield", "key": "code", "validate": {"pattern": "^[A-Z]{3}$"}},
        {"type": "textfield", "key": "email", "validate": {"validationType": "email"}},
        {"type": "textfield", "key": "phone", "validate": {"validationType": "phone"}},
        {"type": "textarea", "key": "notes"},
        {"type": "number", "key": "employees", "validate": {"min": 1, "max": 1000}},
        {"type": "checkbox", "key": "consent", "validate": {"required": true}},
        {"type": "radio", "key": "size", "values": [{"label": "Small", "value": "s"}, {"label": "Large", "value": "l"}]},
        {"type": "select", "key": "partnerType", "values": [
          {"label": "Reseller", "value": "reseller"}, {"label": "Technology", "value": "technology"}]},
        {"type": "checklist", "key": "regions", "values": [
          {"label": "EMEA", "value": "emea"}, {"label": "APAC", "value": "apac"}]},
        {"type": "taglist", "key": "industries", "valuesKey": "industryOptions"},
        {"type": "select", "key": "channel", "valuesExpression": "=for c in channels return {label: c, value: c}"},
        {"type": "datetime", "key": "startDate", "subtype": "date"},
        {"type": "datetime", "key": "callAt", "subtype": "time"},
        {"type": "datetime", "key": "meetingAt", "subtype": "datetime"},
        {"type": "textfield", "key": "score", "readonly": true},
        {"type": "textfield", "key": "internal", "disabled": true},
        {"type": "textfield", "key": "reviewNote", "readonly": "=score > 50"},
        {"type": "textfield", "key": "resellerId", "conditional": {"hide": "=partnerType != \\"reseller\\""}},
        {"type": "group", "label": "Distributor", "conditional": {"hide": "=partnerType != \\"distributor\\""},
         "components": [{"type": "textfield", "key": "warehouses", "validate": {"required": true}}]}
      ]}
      """;

  static final Map<String, Object> VARIABLES =
      Map.of(
          "industryOptions",
          List.of(
              Map.of("label", "Software", "value", "software"),
              Map.of("label", "Retail", "value", "retail")),
          "channels",
          List.of("direct", "marketplace"),
          "score",
          87);

  private final FormSchema schema = new FormSchemaParser().parse(FORM);
  private final FormValidator validator = new FormValidator();

  @Test
  void shouldAcceptAValidSubmissionAndReturnOnlyItsValues() {
    // given
    Map<String, Object> submitted =
        submission(
            Map.of(
                "employees", 12,
                "regions", List.of("emea", "apac"),
                "industries", List.of("software"),
                "channel", "marketplace",
                "startDate", "2026-03-01",
                "callAt", "14:30+01:00",
                "meetingAt", "2026-03-01T09:00Z"));

    // when
    FormValidationResult result = validator.validate(schema, VARIABLES, submitted);

    // then
    assertThat(result.errors()).isEmpty();
    assertThat(result.isValid()).isTrue();
    assertThat(result.values()).isEqualTo(submitted);
  }

  @Test
  void shouldRequireRequiredFieldsIncludingATickedCheckbox() {
    // given
    Map<String, Object> submitted = submission(Map.of());
    submitted.put("company", "  ");
    submitted.put("consent", false);

    // when
    FormValidationResult result = validator.validate(schema, VARIABLES, submitted);

    // then
    assertThat(result.errors())
        .containsExactlyInAnyOrder(
            FieldError.of("company", "form.error.required"),
            FieldError.of("consent", "form.error.required"));
    assertThat(result.values()).isEmpty();
  }

  @Test
  void shouldRejectTextShorterThanMinLengthOrLongerThanMaxLength() {
    assertThat(errors(Map.of("company", "A")))
        .containsExactly(FieldError.of("company", "form.error.minLength", 2));
    assertThat(errors(Map.of("company", "A".repeat(21))))
        .containsExactly(FieldError.of("company", "form.error.maxLength", 20));
  }

  @Test
  void shouldRejectTooLongTextEvenWithoutAMaxLength() {
    assertThat(errors(Map.of("notes", "x".repeat(FieldRules.DEFAULT_MAX_TEXT + 1))))
        .containsExactly(
            FieldError.of("notes", "form.error.maxLength", FieldRules.DEFAULT_MAX_TEXT));
  }

  @Test
  void shouldRejectTextNotMatchingThePattern() {
    assertThat(errors(Map.of("code", "ABC"))).isEmpty();
    assertThat(errors(Map.of("code", "abcd")))
        .containsExactly(FieldError.of("code", "form.error.pattern", "^[A-Z]{3}$"));
  }

  @Test
  void shouldRejectAnInvalidEmailAddressOrPhoneNumber() {
    assertThat(errors(Map.of("email", "ada@example.com", "phone", "+49 30 1234567"))).isEmpty();
    assertThat(errors(Map.of("email", "ada@", "phone", "call me")))
        .containsExactlyInAnyOrder(
            FieldError.of("email", "form.error.email"), FieldError.of("phone", "form.error.phone"));
  }

  @Test
  void shouldRejectNumbersBelowMinOrAboveMax() {
    assertThat(errors(Map.of("employees", 0)))
        .extracting(FieldError::messageKey)
        .containsExactly("form.error.min");
    assertThat(errors(Map.of("employees", 1000.5)))
        .extracting(FieldError::messageKey)
        .containsExactly("form.error.max");
    assertThat(errors(Map.of("employees", 1000))).isEmpty();
  }

  @Test
  void shouldRejectMoreDecimalPlacesThanTheFormAllows() {
    // given
    FormSchema form =
        new FormSchemaParser()
            .parse(
                "{\"components\": [{\"type\": \"number\", \"key\": \"rate\", \"decimalDigits\": 2}]}");

    // when / then
    assertThat(validator.validate(form, Map.of(), Map.of("rate", 1.25)).errors()).isEmpty();
    assertThat(validator.validate(form, Map.of(), Map.of("rate", 1.255)).errors())
        .containsExactly(FieldError.of("rate", "form.error.decimalDigits", 2));
  }

  @Test
  void shouldRejectValuesOfTheWrongType() {
    // given
    Map<String, Object> wrong =
        Map.of(
            "code", 5,
            "employees", "12",
            "regions", "emea",
            "startDate", "tomorrow",
            "callAt", "noon",
            "meetingAt", "2026-13-01T10:00");
    Map<String, Object> submitted = submission(wrong);
    submitted.put("consent", "yes");

    // when
    List<FieldError> errors = validator.validate(schema, VARIABLES, submitted).errors();

    // then
    assertThat(errors)
        .containsExactlyInAnyOrder(
            FieldError.of("code", "form.error.type.text"),
            FieldError.of("employees", "form.error.type.number"),
            FieldError.of("consent", "form.error.type.boolean"),
            FieldError.of("regions", "form.error.type.list"),
            FieldError.of("startDate", "form.error.type.date"),
            FieldError.of("callAt", "form.error.type.time"),
            FieldError.of("meetingAt", "form.error.type.datetime"));
  }

  @Test
  void shouldRejectAValueOutsideTheStaticOptions() {
    assertThat(
            errors(
                Map.of("partnerType", "hacker", "size", "xl", "regions", List.of("emea", "mars"))))
        .containsExactlyInAnyOrder(
            FieldError.of("partnerType", "form.error.option", "hacker"),
            FieldError.of("size", "form.error.option", "xl"),
            FieldError.of("regions", "form.error.option", "mars"));
  }

  @Test
  void shouldRejectATagOutsideTheOptionsOfTheValuesKeyVariable() {
    assertThat(errors(Map.of("industries", List.of("software", "weapons"))))
        .containsExactly(FieldError.of("industries", "form.error.option", "weapons"));
  }

  @Test
  void shouldRejectAnOptionThatTheValuesExpressionDoesNotYield() {
    assertThat(errors(Map.of("channel", "direct"))).isEmpty();
    assertThat(errors(Map.of("channel", "darknet")))
        .containsExactly(FieldError.of("channel", "form.error.option", "darknet"));
  }

  @Test
  void shouldRejectAChecklistValueChosenTwice() {
    assertThat(errors(Map.of("regions", List.of("emea", "emea"))))
        .containsExactly(FieldError.of("regions", "form.error.duplicate", "emea"));
  }

  @Test
  void shouldRejectAKeyThatIsNoFieldOfTheForm() {
    // when
    FormValidationResult result = validate(Map.of("isAdmin", true));

    // then
    assertThat(result.errors())
        .containsExactly(FieldError.of("isAdmin", "form.error.unknownField", "isAdmin"));
    assertThat(result.values()).doesNotContainKey("isAdmin");
  }

  @Test
  void shouldRejectAValueForAComponentTypeTheRendererDoesNotSupport() {
    // given
    FormSchema form =
        new FormSchemaParser()
            .parse("{\"components\": [{\"type\": \"documentPreview\", \"key\": \"upload\"}]}");

    // when / then
    assertThat(validator.validate(form, Map.of(), Map.of("upload", "x")).errors())
        .containsExactly(FieldError.of("upload", "form.error.unknownField", "upload"));
  }

  @Test
  void shouldRejectANullKeyAsAnUnknownField() {
    // given
    Map<String, Object> submitted = submission(Map.of());
    submitted.put(null, null);

    // when / then
    assertThat(validator.validate(schema, VARIABLES, submitted).errors())
        .containsExactly(FieldError.of("null", "form.error.unknownField", "null"));
  }

  @Test
  void shouldRejectAChangedReadonlyOrDisabledField() {
    assertThat(errors(Map.of("score", "100", "internal", "x")))
        .containsExactlyInAnyOrder(
            FieldError.of("score", "form.error.notEditable"),
            FieldError.of("internal", "form.error.notEditable"));
  }

  @Test
  void shouldEvaluateAReadonlyExpressionAgainstTheVariables() {
    // given the score variable is 87, above 50
    assertThat(errors(Map.of("reviewNote", "fine")))
        .containsExactly(FieldError.of("reviewNote", "form.error.notEditable"));

    // when the score is low the note is editable
    Map<String, Object> lowScore = new HashMap<>(VARIABLES);
    lowScore.put("score", 10);
    FormValidationResult result =
        validator.validate(schema, lowScore, submission(Map.of("reviewNote", "fine")));

    // then
    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).containsEntry("reviewNote", "fine");
  }

  @Test
  void shouldRejectAValueForAFieldHiddenByItsCondition() {
    assertThat(errors(Map.of("resellerId", "R-1")))
        .containsExactly(FieldError.of("resellerId", "form.error.hidden"));
  }

  @Test
  void shouldAcceptTheConditionalFieldWhenTheSubmittedValuesShowIt() {
    // when
    FormValidationResult result = validate(Map.of("partnerType", "reseller", "resellerId", "R-1"));

    // then
    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).containsEntry("resellerId", "R-1");
  }

  @Test
  void shouldRequireAFieldOfAGroupOnceTheGroupIsShown() {
    // given a form whose group shows for a checkbox
    FormSchema form =
        new FormSchemaParser()
            .parse(
                """
                {"components": [
                  {"type": "checkbox", "key": "hasWarehouse"},
                  {"type": "group", "conditional": {"hide": "=not(hasWarehouse)"}, "components": [
                    {"type": "textfield", "key": "warehouses", "validate": {"required": true}}]}
                ]}
                """);

    // when / then
    assertThat(validator.validate(form, Map.of(), Map.of("hasWarehouse", false)).errors())
        .isEmpty();
    assertThat(validator.validate(form, Map.of(), Map.of("hasWarehouse", true)).errors())
        .containsExactly(FieldError.of("warehouses", "form.error.required"));
  }

  @Test
  void shouldAcceptNullForAnOptionalField() {
    // given
    Map<String, Object> submitted = submission(Map.of());
    submitted.put("employees", null);
    submitted.put("regions", null);

    // when / then
    assertThat(validator.validate(schema, VARIABLES, submitted).errors()).isEmpty();
  }

  private List<FieldError> errors(Map<String, Object> extra) {
    return validate(extra).errors();
  }

  private FormValidationResult validate(Map<String, Object> extra) {
    return validator.validate(schema, VARIABLES, submission(extra));
  }

  /** A valid minimal submission with the given values added. */
  private static Map<String, Object> submission(Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>();
    values.put("company", "ACME");
    values.put("consent", true);
    values.put("partnerType", "technology");
    values.putAll(extra);
    return values;
  }
}
