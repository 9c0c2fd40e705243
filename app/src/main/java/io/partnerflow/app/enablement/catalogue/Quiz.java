package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/**
 * A quiz with its whole question bank, correct flags included: server side only. A page shows
 * questions only through what the learning package hands out without the flags.
 *
 * @param questionsPerAttempt null = every question each attempt, else that many drawn at random
 */
public record Quiz(
    long id,
    QuizKind kind,
    int passMarkPercent,
    int maxAttempts,
    int attemptWaitMinutes,
    Integer questionsPerAttempt,
    boolean showAnswers,
    List<QuizQuestion> questions) {

  public Quiz {
    questions = List.copyOf(questions);
  }
}
