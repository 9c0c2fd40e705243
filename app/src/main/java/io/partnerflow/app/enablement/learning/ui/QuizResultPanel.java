package io.partnerflow.app.enablement.learning.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.partnerflow.app.enablement.learning.AttemptResult;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import java.util.Locale;
import java.util.Set;

/**
 * A graded attempt: score, passed or not, attempts left and when the next may start; with the sheet
 * and a quiz that shows them, per question the options chosen and the correct ones.
 */
class QuizResultPanel extends Div {

  QuizResultPanel(AttemptResult result, AttemptSheet sheet) {
    setId("quiz-result");
    addClassName(result.passed() ? "quiz-passed" : "quiz-failed");
    Paragraph score =
        new Paragraph(
            getTranslation(
                result.passed() ? "learning.quiz.passed" : "learning.quiz.notPassed",
                result.scorePercent()));
    score.setId("quiz-score");
    add(score);
    if (!result.passed()) {
      String next =
          result.attemptsLeft() == 0
              ? getTranslation("learning.quiz.refused.OUT_OF_ATTEMPTS", "")
              : result.nextAttemptAllowedAt() == null
                  ? getTranslation("learning.quiz.left", result.attemptsLeft())
                  : getTranslation(
                      "learning.quiz.leftFrom",
                      result.attemptsLeft(),
                      LearningLabels.time(result.nextAttemptAllowedAt(), getLocale()));
      Paragraph left = new Paragraph(next);
      left.setId("quiz-next");
      add(left);
    }
    if (sheet != null && result.answersShown()) {
      add(answers(result, sheet));
    }
  }

  private UnorderedList answers(AttemptResult result, AttemptSheet sheet) {
    boolean chinese = Locale.CHINESE.getLanguage().equals(getLocale().getLanguage());
    UnorderedList list = new UnorderedList();
    list.setId("quiz-answers");
    for (AttemptSheet.Question question : sheet.questions()) {
      Set<Long> correct = result.correctAnswers().getOrDefault(question.id(), Set.of());
      Set<Long> given = result.givenAnswers().getOrDefault(question.id(), Set.of());
      ListItem item = new ListItem();
      item.add(
          new Span(chinese && question.textZh() != null ? question.textZh() : question.textEn()));
      UnorderedList options = new UnorderedList();
      for (AttemptSheet.Option option : question.options()) {
        String text = chinese && option.textZh() != null ? option.textZh() : option.textEn();
        ListItem line = new ListItem(text);
        if (correct.contains(option.id())) {
          line.addClassName("quiz-correct");
          line.add(new Span(" ✓ " + getTranslation("learning.quiz.correctOption")));
        }
        if (given.contains(option.id())) {
          line.addClassName("quiz-chosen");
          line.add(new Span(" · " + getTranslation("learning.quiz.yourChoice")));
        }
        options.add(line);
      }
      item.add(options);
      list.add(item);
    }
    return list;
  }
}
