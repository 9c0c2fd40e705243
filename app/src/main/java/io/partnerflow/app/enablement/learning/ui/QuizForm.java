package io.partnerflow.app.enablement.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The questions of one attempt, built from its sheet only (which has no correct answers): a radio
 * group per single-choice question, checkboxes per multiple-choice one. The answers go to the
 * server as question id → option ids.
 */
class QuizForm extends VerticalLayout {

  QuizForm(
      AttemptSheet sheet, boolean chinese, BiConsumer<AttemptSheet, Map<Long, Set<Long>>> submit) {
    setId("quiz-form");
    setPadding(false);
    add(
        new Paragraph(
            getTranslation(
                "learning.quiz.sheet",
                sheet.attemptNumber(),
                sheet.maxAttempts(),
                sheet.passMarkPercent())));
    Map<Long, Supplier<Set<Long>>> answers = new LinkedHashMap<>();
    int number = 1;
    for (AttemptSheet.Question question : sheet.questions()) {
      String label =
          number++
              + ". "
              + (chinese && question.textZh() != null ? question.textZh() : question.textEn());
      if (question.multiple()) {
        CheckboxGroup<AttemptSheet.Option> group = new CheckboxGroup<>(label);
        group.setItems(question.options());
        group.setItemLabelGenerator(option -> text(option, chinese));
        group.setHelperText(getTranslation("learning.quiz.multiple"));
        group.setId("question-" + question.id());
        group.addClassName("quiz-question");
        answers.put(
            question.id(),
            () ->
                group.getValue().stream().map(AttemptSheet.Option::id).collect(Collectors.toSet()));
        add(group);
      } else {
        RadioButtonGroup<AttemptSheet.Option> group = new RadioButtonGroup<>(label);
        group.setItems(question.options());
        group.setItemLabelGenerator(option -> text(option, chinese));
        group.setId("question-" + question.id());
        group.addClassName("quiz-question");
        answers.put(
            question.id(),
            () -> group.getValue() == null ? Set.of() : Set.of(group.getValue().id()));
        add(group);
      }
    }
    Button send =
        new Button(
            getTranslation("learning.quiz.submit"),
            click -> {
              Map<Long, Set<Long>> given = new HashMap<>();
              answers.forEach((id, value) -> given.put(id, value.get()));
              submit.accept(sheet, given);
            });
    send.setId("quiz-submit");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(send);
  }

  private static String text(AttemptSheet.Option option, boolean chinese) {
    return chinese && option.textZh() != null ? option.textZh() : option.textEn();
  }
}
