package io.partnerflow.app.form.ui;

import static io.partnerflow.app.form.ui.FormRendering.field;
import static io.partnerflow.app.form.ui.FormRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.partnerflow.app.form.FormOption;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per component type: the Vaadin component, the prefill and the collected value. */
class FieldRenderingTest {

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void shouldRenderATextfieldPrefilledFromTheVariables() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "company", "label": "Company", "description": "Legal name",
              "validate": {"required": true, "maxLength": 40}}]
            """,
            Map.of("company", "ACME"));
    TextField field = field(form, "company");

    // when
    field.setValue("ACME Ltd");

    // then
    assertThat(field.getLabel()).isEqualTo("Company");
    assertThat(field.getHelperText()).isEqualTo("Legal name");
    assertThat(field.isRequiredIndicatorVisible()).isTrue();
    assertThat(field.getMaxLength()).isEqualTo(40);
    assertThat(form.values()).containsExactlyEntriesOf(Map.of("company", "ACME Ltd"));
  }

  @Test
  void shouldRenderATextareaAndCollectAnEmptyOneAsNull() {
    // given
    RenderedForm form =
        render("[{\"type\": \"textarea\", \"key\": \"notes\"}]", Map.of("notes", "a\nb"));
    TextArea field = field(form, "notes");

    // then
    assertThat(field.getValue()).isEqualTo("a\nb");

    // when
    field.clear();

    // then
    assertThat(form.values()).containsEntry("notes", null);
  }

  @Test
  void shouldRenderANumberAndCollectWholeNumbersAsLongAndOthersAsDecimal() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"number\", \"key\": \"employees\"}, {\"type\": \"number\", \"key\": \"rate\"}]",
            Map.of("employees", 12));
    BigDecimalField employees = field(form, "employees");

    // when
    ((BigDecimalField) field(form, "rate")).setValue(new BigDecimal("2.50"));

    // then
    assertThat(employees.getValue()).isEqualByComparingTo("12");
    assertThat(form.values().get("employees")).isEqualTo(12L);
    assertThat(form.values().get("rate")).isEqualTo(new BigDecimal("2.5"));
  }

  @Test
  void shouldShowPrefixAndSuffixAdornersOfANumber() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "number", "key": "revenue",
              "appearance": {"prefixAdorner": "USD", "suffixAdorner": "per year"}}]
            """,
            Map.of());
    BigDecimalField field = field(form, "revenue");

    // then
    assertThat(((Span) field.getPrefixComponent()).getText()).isEqualTo("USD");
    assertThat(((Span) field.getSuffixComponent()).getText()).isEqualTo("per year");
  }

  @Test
  void shouldRenderANumberAsStringWhenTheFormSerializesToString() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"number\", \"key\": \"n\", \"serializeToString\": true}]",
            Map.of("n", "7.0"));

    // then
    assertThat(form.values()).containsEntry("n", "7");
  }

  @Test
  void shouldRenderACheckboxAndCollectABoolean() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"checkbox\", \"key\": \"consent\", \"label\": \"I agree\"}, "
                + "{\"type\": \"checkbox\", \"key\": \"newsletter\", \"defaultValue\": true}]",
            Map.of());
    Checkbox consent = field(form, "consent");

    // then
    assertThat(consent.getLabel()).isEqualTo("I agree");
    assertThat(form.values()).containsEntry("consent", false).containsEntry("newsletter", true);

    // when
    consent.setValue(true);

    // then
    assertThat(form.values()).containsEntry("consent", true);
  }

  @Test
  void shouldRenderARadioGroupWithTheStaticOptions() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "radio", "key": "size", "values": [
              {"label": "Small", "value": "s"}, {"label": "Large", "value": "l"}]}]
            """,
            Map.of("size", "l"));
    RadioButtonGroup<FormOption> field = field(form, "size");

    // when
    String shown = field.getItemLabelGenerator().apply(field.getValue());
    field.setValue(new FormOption("Small", "s"));

    // then
    assertThat(shown).isEqualTo("Large");
    assertThat(form.values()).containsEntry("size", "s");
  }

  @Test
  void shouldRenderASelectWithOptionsFromAVariable() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"select\", \"key\": \"country\", \"valuesKey\": \"countries\"}]",
            Map.of(
                "countries",
                List.of(
                    Map.of("label", "Germany", "value", "DE"),
                    Map.of("label", "China", "value", "CN")),
                "country",
                "CN"));
    Select<FormOption> field = field(form, "country");

    // then
    assertThat(field.getValue()).isEqualTo(new FormOption("China", "CN"));
    assertThat(field.isEmptySelectionAllowed()).isTrue();
    assertThat(form.values()).containsEntry("country", "CN");
  }

  @Test
  void shouldRenderAChecklistAndCollectAListInOptionOrder() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "checklist", "key": "regions", "values": [
              {"label": "EMEA", "value": "emea"}, {"label": "APAC", "value": "apac"},
              {"label": "Americas", "value": "amer"}]}]
            """,
            Map.of("regions", List.of("amer")));
    CheckboxGroup<FormOption> field = field(form, "regions");

    // when
    field.select(new FormOption("EMEA", "emea"));

    // then
    assertThat(form.values()).containsEntry("regions", List.of("emea", "amer"));
  }

  @Test
  void shouldRenderATaglistWithOptionsFromAFeelExpression() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "taglist", "key": "industries",
              "valuesExpression": "=for i in industryNames return {label: i, value: lower case(i)}"}]
            """,
            Map.of(
                "industryNames", List.of("Software", "Retail"), "industries", List.of("retail")));
    MultiSelectComboBox<FormOption> field = field(form, "industries");

    // when
    field.select(new FormOption("Software", "software"));

    // then
    assertThat(field.getValue()).hasSize(2);
    assertThat(form.values()).containsEntry("industries", List.of("software", "retail"));
  }

  @Test
  void shouldRenderADatePickerForTheDateSubtype() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"datetime\", \"key\": \"start\", \"subtype\": \"date\", \"dateLabel\": \"Start\"}]",
            Map.of("start", "2026-03-01"));
    DatePicker field = field(form, "start");

    // when
    field.setValue(LocalDate.of(2026, 4, 2));

    // then
    assertThat(field.getLabel()).isEqualTo("Start");
    assertThat(form.values()).containsEntry("start", "2026-04-02");
  }

  @Test
  void shouldRenderATimePickerForTheTimeSubtype() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "datetime", "key": "call", "subtype": "time", "timeSerializingFormat": "utc_normalized"}]
            """,
            Map.of("call", "09:30Z"));
    TimePicker field = field(form, "call");

    // when
    LocalTime prefilled = field.getValue();
    field.setValue(LocalTime.of(16, 45));

    // then
    assertThat(prefilled).isEqualTo(LocalTime.of(9, 30));
    assertThat(form.values()).containsEntry("call", "16:45Z");
  }

  @Test
  void shouldRenderADateTimePickerForTheDatetimeSubtype() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "datetime", "key": "meeting", "subtype": "datetime", "timeSerializingFormat": "no_timezone"}]
            """,
            Map.of());
    DateTimePicker field = field(form, "meeting");

    // when
    field.setValue(LocalDateTime.of(2026, 5, 6, 10, 15));

    // then
    assertThat(form.values()).containsEntry("meeting", "2026-05-06T10:15");
  }

  @Test
  void shouldRenderTextAsSafeHtmlWithVariablesFilledIn() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "text", "id": "intro", "text": "## Hello {{name}}\\n<b>raw</b> **bold**"}]
            """,
            Map.of("name", "<i>Ada</i>"));
    Div text = (Div) form.getContent().getComponentAt(0);

    // when
    String html = ((Html) text.getChildren().findFirst().orElseThrow()).getInnerHtml();

    // then
    assertThat(html)
        .contains("<h4>Hello &lt;i&gt;Ada&lt;/i&gt;</h4>")
        .contains("&lt;b&gt;raw&lt;/b&gt;")
        .contains("<strong>bold</strong>")
        .doesNotContain("<b>", "<i>");
    assertThat(form.values()).isEmpty();
  }

  @Test
  void shouldRenderAFeelTextAsPlainText() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"text\", \"text\": \"=\\\"Score: \\\" + string(score)\"}]",
            Map.of("score", 87));

    // then
    assertThat(((Div) form.getContent().getComponentAt(0)).getText()).isEqualTo("Score: 87");
  }

  @Test
  void shouldRenderAGroupWithItsNestedFieldsAndCollectTheirValues() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "group", "label": "Contact", "components": [
              {"type": "textfield", "key": "name"}, {"type": "textfield", "key": "email"}]}]
            """,
            Map.of("name", "Ada"));
    Div group = (Div) form.getContent().getComponentAt(0);

    // when
    ((TextField) field(form, "email")).setValue("ada@example.com");

    // then
    assertThat(group.getChildren()).hasSize(3);
    assertThat(form.field("name").orElseThrow().getParent()).contains(group);
    assertThat(form.values())
        .containsEntry("name", "Ada")
        .containsEntry("email", "ada@example.com");
  }

  @Test
  void shouldRenderSpacerAndSeparatorAsLayoutOnly() {
    // given
    RenderedForm form =
        render("[{\"type\": \"spacer\", \"height\": 30}, {\"type\": \"separator\"}]", Map.of());

    // then
    Component spacer = form.getContent().getComponentAt(0);
    assertThat(spacer).isInstanceOf(Div.class);
    assertThat(((Div) spacer).getHeight()).isEqualTo("30px");
    assertThat(form.getContent().getComponentAt(1)).isInstanceOf(Hr.class);
    assertThat(form.values()).isEmpty();
  }

  @Test
  void shouldRenderASubmitButtonThatHandsValidValuesToTheListeners() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "name", "validate": {"required": true}},
             {"type": "button", "label": "Send", "action": "submit"}]
            """,
            Map.of());
    List<Map<String, Object>> submitted = new java.util.ArrayList<>();
    form.addSubmitListener(submitted::add);
    Button send = (Button) form.getContent().getComponentAt(1);

    // when
    send.click();
    ((TextField) field(form, "name")).setValue("Ada");
    send.click();

    // then
    assertThat(send.getText()).isEqualTo("Send");
    assertThat(submitted).containsExactly(Map.of("name", "Ada"));
  }

  @Test
  void shouldRenderAResetButtonThatRestoresTheInitialValues() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"textfield\", \"key\": \"name\"}, {\"type\": \"button\", \"action\": \"reset\"}]",
            Map.of("name", "Ada"));
    ((TextField) field(form, "name")).setValue("Bob");

    // when
    ((Button) form.getContent().getComponentAt(1)).click();

    // then
    assertThat(form.values()).containsEntry("name", "Ada");
  }

  @Test
  void shouldShowAPlaceholderForAnUnknownTypeAndNotCollectIt() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"documentPreview\", \"key\": \"upload\", \"label\": \"Upload\"}]",
            Map.of());

    // then
    Component placeholder = form.getContent().getComponentAt(0);
    assertThat(placeholder).isInstanceOf(Span.class);
    assertThat(((Span) placeholder).getText()).isEqualTo("Unsupported form field: documentPreview");
    assertThat(placeholder.isVisible()).isTrue();
    assertThat(form.values()).isEmpty();
  }

  @Test
  void shouldShowReadonlyAndDisabledFieldsButNotCollectThem() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "score", "readonly": true},
             {"type": "textfield", "key": "internal", "disabled": true},
             {"type": "textfield", "key": "comment"}]
            """,
            Map.of("score", 87, "internal", "x"));

    // then
    TextField score = field(form, "score");
    assertThat(score.isReadOnly()).isTrue();
    assertThat(score.getValue()).isEqualTo("87");
    assertThat(((TextField) field(form, "internal")).isEnabled()).isFalse();
    assertThat(form.values().keySet()).isEqualTo(Set.of("comment"));
  }
}
