package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSchemaParserTest {

  private final FormSchemaParser parser = new FormSchemaParser();

  @Test
  void shouldReadTheCommonPropertiesOfAComponent() {
    // given
    String json =
        """
        {"id": "demo", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "id": "Field_1", "key": "company", "label": "Company",
           "description": "Legal name", "defaultValue": "ACME", "readonly": "=locked",
           "validate": {"required": true, "minLength": 2, "maxLength": 80, "pattern": "^[A-Z]",
                        "validationType": "email"},
           "conditional": {"hide": "=hideCompany"}},
          {"type": "number", "key": "employees", "disabled": true,
           "validate": {"min": 1, "max": 10.5}, "decimalDigits": 0}
        ]}
        """;

    // when
    FormSchema schema = parser.parse(json);

    // then
    assertThat(schema.id()).isEqualTo("demo");
    FormComponent company = schema.components().get(0);
    assertThat(company.type()).isEqualTo("textfield");
    assertThat(company.key()).isEqualTo("company");
    assertThat(company.label()).isEqualTo("Company");
    assertThat(company.description()).isEqualTo("Legal name");
    assertThat(company.defaultValue()).isEqualTo("ACME");
    assertThat(company.readonly()).isEqualTo(new Flag(false, "=locked"));
    assertThat(company.hide()).isEqualTo("=hideCompany");
    assertThat(company.validate())
        .isEqualTo(new ValidationRules(true, 2, 80, null, null, "^[A-Z]", "email"));
    FormComponent employees = schema.components().get(1);
    assertThat(employees.disabled()).isTrue();
    assertThat(employees.validate().min()).isEqualByComparingTo("1");
    assertThat(employees.validate().max()).isEqualByComparingTo(new BigDecimal("10.5"));
    assertThat(employees.properties().path("decimalDigits").asInt()).isZero();
  }

  @Test
  void shouldReadStaticOptionsAndOptionSources() {
    // given
    String json =
        """
        {"id": "options", "components": [
          {"type": "select", "key": "type", "values": [{"label": "Reseller", "value": "reseller"}]},
          {"type": "radio", "key": "tier", "valuesKey": "tiers"},
          {"type": "taglist", "key": "tags", "valuesExpression": "=[\\"a\\", \\"b\\"]"}
        ]}
        """;

    // when
    FormSchema schema = parser.parse(json);

    // then
    assertThat(schema.components().get(0).values())
        .containsExactly(new FormOption("Reseller", "reseller"));
    assertThat(schema.components().get(1).valuesKey()).isEqualTo("tiers");
    assertThat(schema.components().get(2).valuesExpression()).isEqualTo("=[\"a\", \"b\"]");
  }

  @Test
  void shouldNestGroupComponentsAndGiveEveryComponentAUniquePath() {
    // given
    String json =
        """
        {"id": "nested", "components": [
          {"type": "text", "text": "Intro"},
          {"type": "group", "label": "Contact", "components": [
            {"type": "textfield", "key": "name"},
            {"type": "textfield", "key": "email"}
          ]}
        ]}
        """;

    // when
    FormSchema schema = parser.parse(json);

    // then
    FormComponent group = schema.components().get(1);
    assertThat(group.components()).extracting(FormComponent::path).containsExactly("1.0", "1.1");
    assertThat(schema.inputs()).extracting(FormComponent::key).containsExactly("name", "email");
    assertThat(schema.input("email")).map(FormComponent::path).contains("1.1");
  }

  @Test
  void shouldKeepDefaultValuesTyped() {
    // given
    String json =
        """
        {"components": [
          {"type": "checkbox", "key": "consent", "defaultValue": true},
          {"type": "number", "key": "years", "defaultValue": 3},
          {"type": "checklist", "key": "regions", "defaultValue": ["emea"]}
        ]}
        """;

    // when
    List<FormComponent> components = parser.parse(json).components();

    // then
    assertThat(components.get(0).defaultValue()).isEqualTo(true);
    assertThat(components.get(1).defaultValue()).isEqualTo(3);
    assertThat(components.get(2).defaultValue()).isEqualTo(List.of("emea"));
    assertThat(FormOption.from(Map.of("label", "One", "value", 1)))
        .isEqualTo(new FormOption("One", 1));
  }

  @Test
  void shouldRejectTextThatIsNotAForm() {
    assertThatThrownBy(() -> parser.parse("{not json")).isInstanceOf(FormParseException.class);
    assertThatThrownBy(() -> parser.parse("{\"id\": \"x\"}"))
        .isInstanceOf(FormParseException.class)
        .hasMessageContaining("components");
  }
}
