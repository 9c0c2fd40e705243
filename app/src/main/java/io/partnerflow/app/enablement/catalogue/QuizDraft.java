package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/** A quiz as the editor or the importer writes it; validated by {@link CatalogueValidation}. */
public record QuizDraft(
    int passMarkPercent,
    int maxAttempts,
    int attemptWaitMinutes,
    Integer questionsPerAttempt,
    boolean showAnswers,
    List<Question> questions) {

  public QuizDraft {
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  /** A question as written: its options in order. */
  public record Question(QuestionKind kind, String textEn, String textZh, List<Option> options) {
    public Question {
      options = options == null ? List.of() : List.copyOf(options);
    }
  }

  public record Option(String textEn, String textZh, boolean correct) {}

  /** The quiz as it stands, to edit it further. */
  public static QuizDraft of(Quiz quiz) {
    return new QuizDraft(
        quiz.passMarkPercent(),
        quiz.maxAttempts(),
        quiz.attemptWaitMinutes(),
        quiz.questionsPerAttempt(),
        quiz.showAnswers(),
        quiz.questions().stream()
            .map(
                question ->
                    new Question(
                        question.kind(),
                        question.textEn(),
                        question.textZh(),
                        question.options().stream()
                            .map(
                                option ->
                                    new Option(option.textEn(), option.textZh(), option.correct()))
                            .toList()))
            .toList());
  }
}
