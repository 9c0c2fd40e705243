package io.partnerflow.app.form.ui;

import static io.partnerflow.app.form.ui.FormRendering.field;
import static io.partnerflow.app.form.ui.FormRendering.render;
import static io.partnerflow.app.form.ui.FormRendering.renderForm;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.form.FormOption;
import io.partnerflow.app.form.FormValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The form as a whole: FEEL reacting to input, errors on fields, translations. */
class RenderedFormTest {

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void shouldShowAndHideAFieldWhenTheValueItsConditionReadsChanges() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "checkbox", "key": "other"},
             {"type": "textfield", "key": "otherText", "conditional": {"hide": "=not(other)"}}]
            """,
            Map.of());
    Checkbox other = field(form, "other");
    TextField otherText = field(form, "otherText");
    assertThat(otherText.isVisible()).isFalse();

    // when
    other.setValue(true);
    otherText.setValue("Drones");

    // then
    assertThat(otherText.isVisible()).isTrue();
    assertThat(form.values()).containsEntry("otherText", "Drones");

    // when
    other.setValue(false);

    // then
    assertThat(otherText.isVisible()).isFalse();
    assertThat(form.values()).doesNotContainKey("otherText");
  }

  @Test
  void shouldHideAGroupWithItsFieldsWhenItsConditionBecomesTrue() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "number", "key": "employees"},
             {"type": "group", "conditional": {"hide": "=employees = null or employees < 50"},
              "components": [{"type": "textfield", "key": "hrContact", "validate": {"required": true}}]}]
            """,
            Map.of("employees", 100));
    Div group = (Div) form.getContent().getComponentAt(1);
    assertThat(group.isVisible()).isTrue();

    // when
    ((BigDecimalField) field(form, "employees")).setValue(BigDecimal.TEN);

    // then
    assertThat(group.isVisible()).isFalse();
    assertThat(form.validate().isValid()).isTrue();
  }

  @Test
  void shouldLockAFieldWhenItsReadonlyExpressionBecomesTrue() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "select", "key": "decision", "values": [
               {"label": "Approve", "value": "approve"}, {"label": "Reject", "value": "reject"}]},
             {"type": "textfield", "key": "reason", "readonly": "=decision = \\"approve\\""}]
            """,
            Map.of());
    Select<FormOption> decision = field(form, "decision");
    TextField reason = field(form, "reason");

    // when
    decision.setValue(new FormOption("Approve", "approve"));

    // then
    assertThat(reason.isReadOnly()).isTrue();
    assertThat(form.values()).containsOnlyKeys("decision");
  }

  @Test
  void shouldRecomputeExpressionOptionsAndKeepAChoiceThatIsStillOffered() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "checkbox", "key": "all"},
             {"type": "select", "key": "tier",
              "valuesExpression": "=if all then [\\"gold\\", \\"silver\\", \\"bronze\\"] else [\\"gold\\", \\"silver\\"]"}]
            """,
            Map.of("tier", "silver"));
    Select<FormOption> tier = field(form, "tier");
    assertThat(tier.getListDataView().getItemCount()).isEqualTo(2);

    // when
    ((Checkbox) field(form, "all")).setValue(true);

    // then
    assertThat(tier.getListDataView().getItemCount()).isEqualTo(3);
    assertThat(form.values()).containsEntry("tier", "silver");
  }

  @Test
  void shouldShowTranslatedErrorsOnTheFieldsAndSubmitNothing() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "company", "validate": {"required": true}},
             {"type": "number", "key": "employees", "validate": {"min": 1}},
             {"type": "textfield", "key": "email", "validate": {"validationType": "email"}}]
            """,
            Map.of("employees", 0, "email", "nope"));

    // when
    Optional<Map<String, Object>> submitted = form.submit();

    // then
    assertThat(submitted).isEmpty();
    TextField company = field(form, "company");
    assertThat(company.isInvalid()).isTrue();
    assertThat(company.getErrorMessage()).isEqualTo("Please fill in this field.");
    assertThat(((BigDecimalField) field(form, "employees")).getErrorMessage())
        .isEqualTo("The value must be at least 1.");
    assertThat(((TextField) field(form, "email")).getErrorMessage())
        .isEqualTo("Enter a valid e-mail address.");
  }

  @Test
  void shouldClearAFieldErrorWhenTheUserChangesTheField() {
    // given
    RenderedForm form =
        render(
            "[{\"type\": \"textfield\", \"key\": \"company\", \"validate\": {\"required\": true}}]",
            Map.of());
    form.validate();
    TextField company = field(form, "company");

    // when
    company.setValue("ACME");

    // then
    assertThat(company.isInvalid()).isFalse();
    assertThat(form.submit()).contains(Map.of("company", "ACME"));
  }

  @Test
  void shouldSubmitOnlyWhatTheServerValidatorAccepts() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "a", "validate": {"maxLength": 3}},
             {"type": "textfield", "key": "b", "readonly": true}]
            """,
            Map.of("a", "toolong", "b", "locked"));

    // when
    FormValidationResult result = form.validate();

    // then
    assertThat(result.errors()).extracting(error -> error.key()).containsExactly("a");
    ((TextField) field(form, "a")).setValue("ok");
    assertThat(
            new io.partnerflow.app.form.FormValidator()
                .validate(form.schema(), Map.of("a", "toolong", "b", "locked"), form.values())
                .isValid())
        .isTrue();
  }

  @Test
  void shouldTranslateLabelsOptionsTextsAndErrorsIntoChinese() throws IOException {
    // given
    RenderedForm form = renderForm(sampleForm(), Map.of(), Locale.SIMPLIFIED_CHINESE);

    // when
    form.submit();

    // then
    TextField company = field(form, "company");
    assertThat(company.getLabel()).isEqualTo("公司名称");
    assertThat(company.getHelperText()).isEqualTo("与商业登记一致");
    assertThat(company.getErrorMessage()).isEqualTo("请填写此字段。");
    Select<FormOption> type = field(form, "partnerType");
    assertThat(type.getLabel()).isEqualTo("合作伙伴类型");
    assertThat(type.getItemLabelGenerator().apply(new FormOption("Reseller", "reseller")))
        .isEqualTo("经销商");
    Div intro = (Div) form.getContent().getComponentAt(0);
    assertThat(((Html) intro.getChildren().findFirst().orElseThrow()).getInnerHtml())
        .contains("欢迎");
    assertThat(((TextField) field(form, "email")).getLabel()).isEqualTo("电子邮件");
  }

  @Test
  void shouldLogAnUnknownTypeAtWarn() {
    // given
    Logger logger = (Logger) LoggerFactory.getLogger(UnsupportedFactory.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);

    // when
    try {
      render("[{\"type\": \"documentPreview\", \"id\": \"Frame_1\"}]", Map.of());
    } finally {
      logger.detachAppender(appender);
    }

    // then
    assertThat(appender.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage()).contains("documentPreview", "Frame_1");
            });
  }

  @Test
  void shouldUseDefaultValuesWhereNoVariableIsSet() {
    // given
    RenderedForm form =
        render(
            """
            [{"type": "textfield", "key": "country", "defaultValue": "DE"},
             {"type": "checklist", "key": "regions", "defaultValue": ["emea"],
              "values": [{"label": "EMEA", "value": "emea"}]}]
            """,
            Map.of("country", "CN"));

    // then
    assertThat(form.values())
        .containsEntry("country", "CN")
        .containsEntry("regions", List.of("emea"));
  }

  private static String sampleForm() throws IOException {
    try (InputStream in =
        RenderedFormTest.class.getClassLoader().getResourceAsStream("forms-test/sample.form")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
