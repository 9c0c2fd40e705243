package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/** One question of a quiz with its options in order. */
public record QuizQuestion(
    long id,
    int position,
    QuestionKind kind,
    String textEn,
    String textZh,
    List<QuizOption> options) {

  public QuizQuestion {
    options = List.copyOf(options);
  }

  public String text(String language) {
    return Languages.isChinese(language) ? textZh : textEn;
  }
}
