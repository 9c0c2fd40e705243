package io.partnerflow.app.enablement.learning;

import java.util.List;

/**
 * What a person sees of an attempt while answering: the drawn questions and their options, never
 * which option is correct. The only quiz data a page may render before submission.
 *
 * @param attemptNumber 1 for the first attempt at the quiz
 */
public record AttemptSheet(
    long attemptId,
    long quizId,
    int passMarkPercent,
    int attemptNumber,
    int maxAttempts,
    List<Question> questions) {

  public AttemptSheet {
    questions = List.copyOf(questions);
  }

  /**
   * @param multiple whether more than one option may be chosen
   */
  public record Question(
      long id, int position, boolean multiple, String textEn, String textZh, List<Option> options) {

    public Question {
      options = List.copyOf(options);
    }
  }

  public record Option(long id, int position, String textEn, String textZh) {}
}
