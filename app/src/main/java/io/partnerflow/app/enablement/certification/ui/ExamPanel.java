package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.partnerflow.app.enablement.certification.CertificationExams;
import io.partnerflow.app.enablement.certification.CertificationRefusedException;
import io.partnerflow.app.enablement.certification.ExamTask;
import io.partnerflow.app.enablement.learning.AttemptResult;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import io.partnerflow.app.enablement.learning.QuizRefusedException;
import io.partnerflow.app.enablement.learning.QuizStanding;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One exam: where the person stands (attempts used, pass mark), the questions of an attempt (built
 * from its sheet, which carries no correct answers), the result. A pass or the last failed attempt
 * completes the task on the server; the page then leads back to the certifications.
 */
class ExamPanel extends VerticalLayout {

  private final ExamTask task;
  private final CertificationExams exams;
  private final Clock clock;
  private final Div message = new Div();

  ExamPanel(ExamTask task, CertificationExams exams, Clock clock) {
    this.task = task;
    this.exams = exams;
    this.clock = clock;
    setId("exam-panel");
    setPadding(false);
    message.setId("exam-message");
    intro();
  }

  private void intro() {
    removeAll();
    String name = task.certification().name(chinese() ? "zh" : "en");
    add(
        new H3(
            getTranslation(
                task.recertification()
                    ? "certification.exam.recertificationTitle"
                    : "certification.exam.title",
                name)),
        message);
    QuizStanding standing = task.standing();
    Paragraph attempts =
        new Paragraph(
            getTranslation(
                "certification.exam.standing", standing.attemptsUsed(), standing.maxAttempts()));
    attempts.setId("exam-standing");
    add(attempts);
    Instant next = standing.nextAttemptAllowedAt();
    Button start = new Button(getTranslation("certification.exam.start"), click -> start());
    start.setId("exam-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    if (next != null && clock.instant().isBefore(next)) {
      start.setEnabled(false);
      add(new Paragraph(getTranslation("certification.exam.waitUntil", time(next))));
    }
    add(start);
  }

  private void start() {
    AttemptSheet sheet;
    try {
      sheet = exams.startAttempt(task.taskKey());
    } catch (QuizRefusedException refused) {
      error(refusal(refused));
      return;
    } catch (CertificationRefusedException refused) {
      error(getTranslation(refused.messageKey(), refused.parameters()));
      return;
    }
    showSheet(sheet);
  }

  private void showSheet(AttemptSheet sheet) {
    removeAll();
    add(new H3(task.certification().name(chinese() ? "zh" : "en")), message);
    add(
        new Paragraph(
            getTranslation(
                "certification.exam.sheet",
                sheet.attemptNumber(),
                sheet.maxAttempts(),
                sheet.passMarkPercent())));
    Map<Long, Supplier<Set<Long>>> answers = new LinkedHashMap<>();
    int number = 1;
    boolean chinese = chinese();
    for (AttemptSheet.Question question : sheet.questions()) {
      String label = number++ + ". " + (chinese ? question.textZh() : question.textEn());
      if (question.multiple()) {
        CheckboxGroup<AttemptSheet.Option> group = new CheckboxGroup<>(label);
        group.setItems(question.options());
        group.setItemLabelGenerator(option -> chinese ? option.textZh() : option.textEn());
        group.setHelperText(getTranslation("certification.exam.multiple"));
        group.setId("exam-question-" + question.id());
        group.addClassName("exam-question");
        answers.put(
            question.id(),
            () ->
                group.getValue().stream().map(AttemptSheet.Option::id).collect(Collectors.toSet()));
        add(group);
      } else {
        RadioButtonGroup<AttemptSheet.Option> group = new RadioButtonGroup<>(label);
        group.setItems(question.options());
        group.setItemLabelGenerator(option -> chinese ? option.textZh() : option.textEn());
        group.setId("exam-question-" + question.id());
        group.addClassName("exam-question");
        answers.put(
            question.id(),
            () -> group.getValue() == null ? Set.of() : Set.of(group.getValue().id()));
        add(group);
      }
    }
    Button submit =
        new Button(
            getTranslation("certification.exam.submit"),
            click -> {
              Map<Long, Set<Long>> given = new HashMap<>();
              answers.forEach((id, value) -> given.put(id, value.get()));
              submit(sheet, given);
            });
    submit.setId("exam-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(submit);
  }

  private void submit(AttemptSheet sheet, Map<Long, Set<Long>> given) {
    AttemptResult result;
    try {
      result = exams.submit(task.taskKey(), sheet.attemptId(), given);
    } catch (QuizRefusedException refused) {
      error(refusal(refused));
      return;
    } catch (CertificationRefusedException refused) {
      error(getTranslation(refused.messageKey(), refused.parameters()));
      return;
    }
    showResult(result);
  }

  private void showResult(AttemptResult result) {
    removeAll();
    Div verdict = new Div();
    verdict.setId("exam-result");
    verdict.getElement().setAttribute("data-passed", String.valueOf(result.passed()));
    verdict.addClassNames(
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.FontWeight.SEMIBOLD,
        result.passed() ? LumoUtility.Background.SUCCESS_10 : LumoUtility.Background.ERROR_10,
        result.passed() ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
    if (result.passed()) {
      verdict.setText(getTranslation("certification.exam.passed", result.scorePercent()));
    } else if (result.outOfAttempts()) {
      verdict.setText(getTranslation("certification.exam.outOfAttempts", result.scorePercent()));
    } else if (result.nextAttemptAllowedAt() != null
        && clock.instant().isBefore(result.nextAttemptAllowedAt())) {
      verdict.setText(
          getTranslation(
              "certification.exam.failedWait",
              result.scorePercent(),
              result.attemptsLeft(),
              time(result.nextAttemptAllowedAt())));
    } else {
      verdict.setText(
          getTranslation(
              "certification.exam.failed", result.scorePercent(), result.attemptsLeft()));
    }
    add(verdict, message);
    if (!result.passed() && !result.outOfAttempts()) {
      Button again = new Button(getTranslation("certification.exam.again"), click -> start());
      again.setId("exam-again");
      add(again);
    }
    Button back =
        new Button(
            getTranslation("certification.exam.back"),
            click -> UI.getCurrent().navigate("portal/certifications"));
    back.setId("exam-back");
    back.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(back);
  }

  private String refusal(QuizRefusedException refused) {
    return switch (refused.reason()) {
      case OUT_OF_ATTEMPTS -> getTranslation("certification.error.outOfAttempts");
      case TOO_EARLY ->
          getTranslation(
              "certification.exam.waitUntil",
              refused.nextAttemptAllowedAt() == null ? "" : time(refused.nextAttemptAllowedAt()));
      case ALREADY_SUBMITTED -> getTranslation("certification.exam.alreadySubmitted");
      case TAMPERED -> getTranslation("certification.exam.invalidAnswers");
      default -> getTranslation("certification.error.taskChanged");
    };
  }

  private void error(String text) {
    message.setText(text);
    message.addClassNames(LumoUtility.TextColor.ERROR);
  }

  private boolean chinese() {
    return "zh".equals(getLocale().getLanguage());
  }

  private String time(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(getLocale())
            .format(instant.atZone(ZoneOffset.UTC))
        + " UTC";
  }
}
