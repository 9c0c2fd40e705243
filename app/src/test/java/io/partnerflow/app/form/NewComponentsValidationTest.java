package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server's rules for the new components and for tampered submissions: whatever a browser sends,
 * only values the form allows get through.
 */
class NewComponentsValidationTest {

  private static final String FORM =
      """
      {"id": "new", "components": [
        {"type": "filepicker", "key": "document"},
        {"type": "dynamiclist", "path": "contacts", "minItems": 1, "maxItems": 2, "components": [
          {"type": "textfield", "key": "name", "validate": {"required": true, "maxLength": 20}},
          {"type": "select", "key": "role", "values": [{"label": "Sales", "value": "sales"}]}]},
        {"type": "table", "id": "Orders", "dataSource": "orders", "columns": [{"label": "P", "key": "p"}]},
        {"type": "html", "id": "Notice", "content": "<p>hi</p>"},
        {"type": "textfield", "key": "code", "validate": {"pattern": "^[A-Z]{3}$", "minLength": 3, "maxLength": 3}},
        {"type": "number", "key": "seats", "validate": {"min": 1, "max": 50}},
        {"type": "textfield", "key": "tier", "readonly": "=locked"},
        {"type": "textfield", "key": "secretNote", "conditional": {"hide": "=not(showNote)"}}
      ]}
      """;

  private final FormSchema schema = new FormSchemaParser().parse(FORM);
  private final FormValidator validator = new FormValidator();
  private static final String REFERENCE = "0b6a3c1e-5f7d-4a8b-9c2d-1e3f4a5b6c7d";

  @Test
  void shouldAcceptAFileReferenceAndAListWithinItsLimits() {
    // when
    FormValidationResult result =
        validate(
            Map.of(
                "document", REFERENCE, "contacts", List.of(Map.of("name", "Ada", "role", "sales"))),
            Map.of("locked", false, "showNote", false));

    // then
    assertThat(result.errors()).isEmpty();
    assertThat(result.values()).containsEntry("document", REFERENCE);
  }

  @Test
  void shouldRefuseBytesOrAPathInPlaceOfAFileReference() {
    assertThat(errorOf(Map.of("document", "JVBERi0xLjcK"), "document"))
        .isEqualTo(ValidationMessages.NOT_FILE);
    assertThat(errorOf(Map.of("document", "../../etc/passwd"), "document"))
        .isEqualTo(ValidationMessages.NOT_FILE);
    assertThat(errorOf(Map.of("document", List.of(REFERENCE)), "document"))
        .isEqualTo(ValidationMessages.NOT_FILE);
  }

  @Test
  void shouldRefuseAListOutsideItsLimitsOrWithSmuggledOrInvalidEntries() {
    Map<String, Object> ada = Map.of("name", "Ada");
    assertThat(errorOf(Map.of("contacts", List.of()), "contacts"))
        .isEqualTo(ValidationMessages.MIN_ITEMS);
    assertThat(errorOf(Map.of("contacts", List.of(ada, ada, ada)), "contacts"))
        .isEqualTo(ValidationMessages.MAX_ITEMS);
    assertThat(
            errorOf(
                Map.of("contacts", List.of(Map.of("name", "Ada", "isAdmin", true))), "contacts"))
        .isEqualTo(ValidationMessages.UNKNOWN_FIELD);
    assertThat(errorOf(Map.of("contacts", List.of(Map.of("name", ""))), "contacts"))
        .isEqualTo(ValidationMessages.REQUIRED);
    assertThat(
            errorOf(Map.of("contacts", List.of(Map.of("name", "Ada", "role", "ceo"))), "contacts"))
        .isEqualTo(ValidationMessages.NOT_AN_OPTION);
    assertThat(errorOf(Map.of("contacts", "Ada"), "contacts"))
        .isEqualTo(ValidationMessages.NOT_ITEMS);
  }

  @Test
  void shouldRefuseValuesForDisplayOnlyComponents() {
    assertThat(errorOf(Map.of("Orders", List.of(Map.of("p", "x"))), "Orders"))
        .isEqualTo(ValidationMessages.UNKNOWN_FIELD);
    assertThat(errorOf(Map.of("Notice", "<script>"), "Notice"))
        .isEqualTo(ValidationMessages.UNKNOWN_FIELD);
  }

  @Test
  void shouldCheckPatternLengthsAndLimitsAsCamundaFormsDoes() {
    assertThat(errorOf(Map.of("code", "ab1"), "code")).isEqualTo(ValidationMessages.PATTERN);
    assertThat(errorOf(Map.of("code", "AB"), "code")).isEqualTo(ValidationMessages.MIN_LENGTH);
    assertThat(errorOf(Map.of("code", "ABCD"), "code")).isEqualTo(ValidationMessages.MAX_LENGTH);
    assertThat(errorOf(Map.of("seats", 0), "seats")).isEqualTo(ValidationMessages.MIN);
    assertThat(errorOf(Map.of("seats", 51), "seats")).isEqualTo(ValidationMessages.MAX);
  }

  @Test
  void shouldRefuseATamperedValueOfAFieldReadonlyOrHiddenByFeel() {
    // given: the variables lock the tier and hide the note
    Map<String, Object> variables = Map.of("locked", true, "showNote", false, "tier", "SILVER");

    // when
    FormValidationResult result =
        validate(
            Map.of(
                "contacts", List.of(Map.of("name", "Ada")),
                "tier", "PLATINUM",
                "secretNote", "smuggled"),
            variables);

    // then
    assertThat(result.errorsOf("tier"))
        .extracting(FieldError::messageKey)
        .containsExactly(ValidationMessages.NOT_EDITABLE);
    assertThat(result.errorsOf("secretNote"))
        .extracting(FieldError::messageKey)
        .containsExactly(ValidationMessages.HIDDEN);
    assertThat(result.values()).isEmpty();

    // when: the same fields, editable and shown
    FormValidationResult open =
        validate(
            Map.of(
                "contacts", List.of(Map.of("name", "Ada")),
                "tier", "PLATINUM",
                "secretNote", "fine"),
            Map.of("locked", false, "showNote", true));

    // then
    assertThat(open.errors()).isEmpty();
    assertThat(open.values()).containsEntry("tier", "PLATINUM").containsEntry("secretNote", "fine");
  }

  private String errorOf(Map<String, Object> values, String key) {
    Map<String, Object> submitted = new HashMap<>(values);
    if (!submitted.containsKey("contacts")) {
      submitted.put("contacts", List.of(Map.of("name", "Ada")));
    }
    List<FieldError> errors =
        validate(submitted, Map.of("locked", false, "showNote", false)).errorsOf(key);
    assertThat(errors).as("errors of " + key).hasSize(1);
    return errors.get(0).messageKey();
  }

  private FormValidationResult validate(Map<String, Object> submitted, Map<String, Object> vars) {
    return validator.validate(schema, vars, submitted);
  }
}
