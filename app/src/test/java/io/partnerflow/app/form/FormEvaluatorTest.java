package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormEvaluatorTest {

  private final FormEvaluator evaluator = new FormEvaluator(new FeelExpressions());
  private final FormSchemaParser parser = new FormSchemaParser();

  @Test
  void shouldHideAFieldWhenItsFeelConditionIsTrueForTheEnteredValues() {
    // given
    FormSchema schema =
        parser.parse(
            """
            {"components": [
              {"type": "checkbox", "key": "other"},
              {"type": "textfield", "key": "otherText", "conditional": {"hide": "=other = false"}}
            ]}
            """);
    FormComponent otherText = schema.input("otherText").orElseThrow();

    // when
    FormState unticked =
        evaluator.evaluate(schema, Map.of(), Map.of("other", false, "otherText", "x"));
    FormState ticked =
        evaluator.evaluate(schema, Map.of(), Map.of("other", true, "otherText", "x"));

    // then
    assertThat(unticked.isHidden(otherText)).isTrue();
    assertThat(unticked.submittable()).containsOnlyKeys("other");
    assertThat(ticked.isHidden(otherText)).isFalse();
    assertThat(ticked.submittable()).containsEntry("otherText", "x");
  }

  @Test
  void shouldOverlayEnteredValuesOverTheVariables() {
    // given
    FormSchema schema =
        parser.parse(
            """
            {"components": [
              {"type": "number", "key": "amount"},
              {"type": "textfield", "key": "reason", "conditional": {"hide": "=amount < limit"}}
            ]}
            """);
    FormComponent reason = schema.input("reason").orElseThrow();

    // when
    FormState small =
        evaluator.evaluate(schema, Map.of("limit", 100, "amount", 500), Map.of("amount", 5));
    FormState large =
        evaluator.evaluate(schema, Map.of("limit", 100, "amount", 5), Map.of("amount", 500));

    // then
    assertThat(small.isHidden(reason)).isTrue();
    assertThat(large.isHidden(reason)).isFalse();
  }

  @Test
  void shouldDropTheValueOfAHiddenFieldFromTheConditionsOfOthers() {
    // given b shows only for a, c only for a filled b: hiding b must hide c as well
    FormSchema schema =
        parser.parse(
            """
            {"components": [
              {"type": "checkbox", "key": "a"},
              {"type": "textfield", "key": "b", "conditional": {"hide": "=not(a)"}},
              {"type": "textfield", "key": "c", "conditional": {"hide": "=b = null"}}
            ]}
            """);
    Map<String, Object> entered = new HashMap<>();
    entered.put("a", false);
    entered.put("b", "kept in the field");
    entered.put("c", "also kept");

    // when
    FormState state = evaluator.evaluate(schema, Map.of(), entered);

    // then
    assertThat(state.isHidden(schema.input("b").orElseThrow())).isTrue();
    assertThat(state.isHidden(schema.input("c").orElseThrow())).isTrue();
    assertThat(state.submittable()).containsOnlyKeys("a");
  }

  @Test
  void shouldHideEveryComponentOfAHiddenGroup() {
    // given
    FormSchema schema =
        parser.parse(
            """
            {"components": [
              {"type": "group", "conditional": {"hide": "=true"}, "components": [
                {"type": "textfield", "key": "inner"}]}
            ]}
            """);

    // when
    FormState state = evaluator.evaluate(schema, Map.of(), Map.of("inner", "x"));

    // then
    assertThat(state.isHidden(schema.input("inner").orElseThrow())).isTrue();
    assertThat(state.submittable()).isEmpty();
  }

  @Test
  void shouldShowAFieldWhoseConditionFailsToEvaluate() {
    // given
    FormSchema schema =
        parser.parse(
            """
            {"components": [{"type": "textfield", "key": "x", "conditional": {"hide": "=)("}}]}
            """);

    // when
    FormState state = evaluator.evaluate(schema, Map.of(), Map.of("x", "v"));

    // then
    assertThat(state.isHidden(schema.input("x").orElseThrow())).isFalse();
  }

  @Test
  void shouldResolveOptionsFromValuesKeyAndValuesExpression() {
    // given
    FormSchema schema =
        parser.parse(
            """
            {"components": [
              {"type": "select", "key": "fromKey", "valuesKey": "countries"},
              {"type": "radio", "key": "fromExpression",
               "valuesExpression": "=for t in tiers return {label: upper case(t), value: t}"}
            ]}
            """);
    Map<String, Object> variables =
        Map.of(
            "countries", List.of(Map.of("label", "Germany", "value", "DE"), "FR"),
            "tiers", List.of("gold", "silver"));

    // when
    FormState state = evaluator.evaluate(schema, variables, Map.of());

    // then
    assertThat(state.options(schema.input("fromKey").orElseThrow()))
        .containsExactly(new FormOption("Germany", "DE"), new FormOption("FR", "FR"));
    assertThat(state.options(schema.input("fromExpression").orElseThrow()))
        .containsExactly(new FormOption("GOLD", "gold"), new FormOption("SILVER", "silver"));
  }

  @Test
  void shouldNeverTakeValuesKeyOptionsFromTheSubmission() {
    // given
    FormSchema schema =
        parser.parse(
            """
            {"components": [{"type": "select", "key": "choice", "valuesKey": "choices"}]}
            """);

    // when a submission carries its own "choices"
    FormState state =
        evaluator.evaluate(
            schema, Map.of("choices", List.of("a")), Map.of("choices", List.of("evil")));

    // then
    assertThat(state.options(schema.input("choice").orElseThrow()))
        .containsExactly(new FormOption("a", "a"));
  }
}
