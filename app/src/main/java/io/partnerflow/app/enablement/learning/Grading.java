package io.partnerflow.app.enablement.learning;

import io.partnerflow.app.enablement.catalogue.Quiz;
import io.partnerflow.app.enablement.catalogue.QuizOption;
import io.partnerflow.app.enablement.catalogue.QuizQuestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks and grades answers to an attempt's drawn questions against the quiz's correct options. A
 * question counts when the chosen options are exactly its correct ones (single choice: the one
 * correct option); an unanswered question counts as wrong.
 */
final class Grading {

  private Grading() {}

  /** The grade of one attempt. */
  record Grade(int scorePercent, boolean passed, Map<Long, Set<Long>> given) {}

  /**
   * @throws QuizRefusedException (TAMPERED) for answers to questions not drawn, options that are
   *     not the question's, or more than one option for a single-choice question
   */
  static Grade grade(Quiz quiz, List<Long> drawn, Map<Long, Set<Long>> answers) {
    Map<Long, QuizQuestion> questions =
        quiz.questions().stream()
            .filter(question -> drawn.contains(question.id()))
            .collect(Collectors.toMap(QuizQuestion::id, Function.identity()));
    Map<Long, Set<Long>> given = new LinkedHashMap<>();
    for (var answer : (answers == null ? Map.<Long, Set<Long>>of() : answers).entrySet()) {
      QuizQuestion question = answer.getKey() == null ? null : questions.get(answer.getKey());
      if (question == null) {
        throw tampered("an answer names a question that is not part of this attempt");
      }
      Set<Long> chosen = answer.getValue() == null ? Set.of() : answer.getValue();
      Set<Long> own = optionIds(question);
      if (!own.containsAll(chosen)) {
        throw tampered("an answer names an option that does not belong to its question");
      }
      if (!multiple(question) && chosen.size() > 1) {
        throw tampered("a single-choice question was answered with several options");
      }
    }
    int correct = 0;
    for (long id : drawn) {
      QuizQuestion question = questions.get(id);
      Set<Long> chosen =
          new TreeSet<>(answers == null ? Set.of() : answers.getOrDefault(id, Set.of()));
      given.put(id, chosen);
      if (question != null && chosen.equals(correctOptions(question))) {
        correct++;
      }
    }
    int total = drawn.size();
    int score = total == 0 ? 0 : correct * 100 / total;
    // compare exactly, so 2 of 3 (66.6 %) does not pass a 67 % mark by rounding
    boolean passed = total > 0 && correct * 100 >= quiz.passMarkPercent() * total;
    return new Grade(score, passed, given);
  }

  /** The correct options of each drawn question. */
  static Map<Long, Set<Long>> correctAnswers(Quiz quiz, List<Long> drawn) {
    Map<Long, Set<Long>> correct = new LinkedHashMap<>();
    for (QuizQuestion question : quiz.questions()) {
      if (drawn.contains(question.id())) {
        correct.put(question.id(), correctOptions(question));
      }
    }
    return correct;
  }

  static boolean multiple(QuizQuestion question) {
    return "MULTIPLE".equals(String.valueOf(question.kind()));
  }

  private static Set<Long> correctOptions(QuizQuestion question) {
    return question.options().stream()
        .filter(QuizOption::correct)
        .map(QuizOption::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Long> optionIds(QuizQuestion question) {
    return question.options().stream().map(QuizOption::id).collect(Collectors.toSet());
  }

  private static QuizRefusedException tampered(String what) {
    return new QuizRefusedException(
        QuizRefusedException.Reason.TAMPERED,
        "This submission does not match the questions of the attempt ("
            + what
            + "); nothing was recorded and the attempt is still open.");
  }
}
