package io.partnerflow.app.enablement.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.enablement.catalogue.QuestionKind;
import io.partnerflow.app.enablement.catalogue.QuizDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * A quiz's settings and its questions with options; the correct flags are edited here and checked
 * on the server when saved. Read-only for a published course version.
 */
class QuizEditor extends VerticalLayout {

  private final String path;
  private final FieldProblems problems;
  private final boolean readOnly;
  private final IntegerField passMark = new IntegerField();
  private final IntegerField maxAttempts = new IntegerField();
  private final IntegerField waitMinutes = new IntegerField();
  private final IntegerField draw = new IntegerField();
  private final Checkbox showAnswers = new Checkbox();
  private final VerticalLayout questionList = new VerticalLayout();
  private final List<QuestionEditor> questions = new ArrayList<>();

  QuizEditor(String path, QuizDraft quiz, FieldProblems problems, boolean readOnly) {
    this.path = path;
    this.problems = problems;
    this.readOnly = readOnly;
    setId(path + "-editor");
    setPadding(false);
    passMark.setLabel(getTranslation("catalogue.quiz.passMark"));
    passMark.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
    maxAttempts.setLabel(getTranslation("catalogue.quiz.maxAttempts"));
    waitMinutes.setLabel(getTranslation("catalogue.quiz.waitMinutes"));
    draw.setLabel(getTranslation("catalogue.quiz.draw"));
    draw.setHelperText(getTranslation("catalogue.quiz.drawHelp"));
    showAnswers.setLabel(getTranslation("catalogue.quiz.showAnswers"));
    passMark.setId(path + "-pass-mark");
    maxAttempts.setId(path + "-max-attempts");
    waitMinutes.setId(path + "-wait");
    draw.setId(path + "-draw");
    showAnswers.setId(path + "-show-answers");
    problems.field(path + ".passMarkPercent", passMark);
    problems.field(path + ".maxAttempts", maxAttempts);
    problems.field(path + ".attemptWaitMinutes", waitMinutes);
    problems.field(path + ".questionsPerAttempt", draw);
    FormLayout settings = new FormLayout(passMark, maxAttempts, waitMinutes, draw, showAnswers);
    questionList.setPadding(false);
    questionList.setId(path + "-questions");
    add(settings, problems.message(path + ".questions"), questionList);
    QuizDraft value = quiz == null ? new QuizDraft(80, 3, 0, null, true, List.of()) : quiz;
    passMark.setValue(value.passMarkPercent());
    maxAttempts.setValue(value.maxAttempts());
    waitMinutes.setValue(value.attemptWaitMinutes());
    draw.setValue(value.questionsPerAttempt());
    showAnswers.setValue(value.showAnswers());
    value.questions().forEach(this::addQuestion);
    if (!readOnly) {
      Button add =
          new Button(
              getTranslation("catalogue.quiz.addQuestion"),
              event ->
                  addQuestion(
                      new QuizDraft.Question(
                          QuestionKind.SINGLE,
                          "",
                          "",
                          List.of(
                              new QuizDraft.Option("", "", true),
                              new QuizDraft.Option("", "", false)))));
      add.setId(path + "-add-question");
      add(add);
    }
    List.of(passMark, maxAttempts, waitMinutes, draw).forEach(field -> field.setReadOnly(readOnly));
    showAnswers.setReadOnly(readOnly);
  }

  QuizDraft value() {
    return new QuizDraft(
        passMark.getValue() == null ? 0 : passMark.getValue(),
        maxAttempts.getValue() == null ? 0 : maxAttempts.getValue(),
        waitMinutes.getValue() == null ? 0 : waitMinutes.getValue(),
        draw.getValue(),
        showAnswers.getValue(),
        questions.stream().map(QuestionEditor::value).toList());
  }

  private void addQuestion(QuizDraft.Question question) {
    QuestionEditor editor = new QuestionEditor(question);
    questions.add(editor);
    renumber();
  }

  private void renumber() {
    questionList.removeAll();
    for (int i = 0; i < questions.size(); i++) {
      questions.get(i).layOut(i);
      questionList.add(questions.get(i));
    }
  }

  /** One question: kind, texts, options with the correct flag. */
  private final class QuestionEditor extends VerticalLayout {

    private final Select<QuestionKind> kind = new Select<>();
    private final TextArea textEn = new TextArea();
    private final TextArea textZh = new TextArea();
    private final List<OptionRow> options = new ArrayList<>();
    private final VerticalLayout optionList = new VerticalLayout();

    QuestionEditor(QuizDraft.Question question) {
      getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
      getStyle().set("border-radius", "var(--lumo-border-radius-m)");
      kind.setItems(QuestionKind.values());
      kind.setItemLabelGenerator(value -> getTranslation("catalogue.quiz.kind." + value.name()));
      kind.setLabel(getTranslation("catalogue.quiz.kind"));
      kind.setValue(question.kind() == null ? QuestionKind.SINGLE : question.kind());
      textEn.setLabel(getTranslation("catalogue.field.textEn"));
      textZh.setLabel(getTranslation("catalogue.field.textZh"));
      textEn.setValue(nullToEmpty(question.textEn()));
      textZh.setValue(nullToEmpty(question.textZh()));
      textEn.setWidthFull();
      textZh.setWidthFull();
      optionList.setPadding(false);
      optionList.setSpacing(false);
      question.options().forEach(option -> options.add(new OptionRow(option)));
      kind.setReadOnly(readOnly);
      textEn.setReadOnly(readOnly);
      textZh.setReadOnly(readOnly);
    }

    void layOut(int index) {
      removeAll();
      String prefix = path + ".questions[" + index + "]";
      String id = path + "-q" + index;
      setId(id);
      kind.setId(id + "-kind");
      textEn.setId(id + "-text-en");
      textZh.setId(id + "-text-zh");
      problems.field(prefix + ".kind", kind);
      problems.field(prefix + ".textEn", textEn);
      problems.field(prefix + ".textZh", textZh);
      HorizontalLayout header =
          new HorizontalLayout(new H4(getTranslation("catalogue.quiz.question", index + 1)), kind);
      header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      if (!readOnly) {
        Button remove =
            new Button(
                getTranslation("catalogue.action.remove"),
                event -> {
                  questions.remove(this);
                  renumber();
                });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setId(id + "-remove");
        header.add(remove);
      }
      add(header, textEn, textZh, problems.message(prefix + ".options"), optionList);
      layOutOptions(prefix, id);
      if (!readOnly) {
        Button addOption =
            new Button(
                getTranslation("catalogue.quiz.addOption"),
                event -> {
                  options.add(new OptionRow(new QuizDraft.Option("", "", false)));
                  layOutOptions(prefix, id);
                });
        addOption.setId(id + "-add-option");
        add(addOption);
      }
    }

    private void layOutOptions(String prefix, String id) {
      optionList.removeAll();
      for (int j = 0; j < options.size(); j++) {
        optionList.add(options.get(j).layOut(prefix + ".options[" + j + "]", id + "-o" + j));
      }
    }

    QuizDraft.Question value() {
      return new QuizDraft.Question(
          kind.getValue(),
          textEn.getValue(),
          textZh.getValue(),
          options.stream().map(OptionRow::value).toList());
    }

    /** One option: its texts and whether it is correct. */
    private final class OptionRow extends HorizontalLayout {

      private final Checkbox correct = new Checkbox();
      private final TextField textEn = new TextField();
      private final TextField textZh = new TextField();

      OptionRow(QuizDraft.Option option) {
        setWidthFull();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        correct.setLabel(getTranslation("catalogue.quiz.correct"));
        correct.setValue(option.correct());
        textEn.setPlaceholder(getTranslation("catalogue.field.textEn"));
        textZh.setPlaceholder(getTranslation("catalogue.field.textZh"));
        textEn.setValue(nullToEmpty(option.textEn()));
        textZh.setValue(nullToEmpty(option.textZh()));
        setFlexGrow(1, textEn, textZh);
        correct.setReadOnly(readOnly);
        textEn.setReadOnly(readOnly);
        textZh.setReadOnly(readOnly);
      }

      OptionRow layOut(String prefix, String id) {
        removeAll();
        correct.setId(id + "-correct");
        textEn.setId(id + "-text-en");
        textZh.setId(id + "-text-zh");
        problems.field(prefix + ".textEn", textEn);
        problems.field(prefix + ".textZh", textZh);
        add(correct, textEn, textZh);
        if (!readOnly) {
          Button remove =
              new Button(
                  "✕",
                  event -> {
                    options.remove(this);
                    QuestionEditor.this.layOut(questions.indexOf(QuestionEditor.this));
                  });
          remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
          remove.getElement().setAttribute("aria-label", getTranslation("catalogue.action.remove"));
          remove.setId(id + "-remove");
          add(remove);
        }
        return this;
      }

      QuizDraft.Option value() {
        return new QuizDraft.Option(textEn.getValue(), textZh.getValue(), correct.getValue());
      }
    }
  }

  static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
