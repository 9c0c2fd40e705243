package io.partnerflow.app.enablement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a course and its quiz must meet, reported per field. */
class CatalogueValidationTest {

  @Test
  void shouldAcceptTheFixtureCourseForPublishing() {
    assertThatCode(() -> CatalogueValidation.checkPublishable(CatalogueFixtures.course("Fine")))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldReportEveryQuizProblemAtItsField() {
    // given
    QuizDraft quiz =
        new QuizDraft(
            0,
            0,
            -1,
            7,
            true,
            List.of(
                new QuizDraft.Question(
                    QuestionKind.SINGLE,
                    "Two correct",
                    "两个正确",
                    List.of(
                        new QuizDraft.Option("a", "甲", true),
                        new QuizDraft.Option("b", "乙", true))),
                new QuizDraft.Question(
                    QuestionKind.MULTIPLE,
                    "One option, none correct",
                    "",
                    List.of(new QuizDraft.Option("a", "甲", false)))));
    CourseDraft course = new CourseDraft("", "标题", null, null, null, List.of(), quiz);

    // when
    CatalogueValidationException refused =
        catchThrowableOfType(
            () -> CatalogueValidation.checkPublishable(course), CatalogueValidationException.class);

    // then
    assertThat(refused.problems())
        .extracting(FieldProblem::field, FieldProblem::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("titleEn", "catalogue.error.required"),
            org.assertj.core.groups.Tuple.tuple("modules", "catalogue.error.noModules"),
            org.assertj.core.groups.Tuple.tuple("quiz.passMarkPercent", "catalogue.error.range"),
            org.assertj.core.groups.Tuple.tuple("quiz.maxAttempts", "catalogue.error.range"),
            org.assertj.core.groups.Tuple.tuple("quiz.attemptWaitMinutes", "catalogue.error.range"),
            org.assertj.core.groups.Tuple.tuple(
                "quiz.questionsPerAttempt", "catalogue.error.range"),
            org.assertj.core.groups.Tuple.tuple(
                "quiz.questions[0].options", "catalogue.error.singleOneCorrect"),
            org.assertj.core.groups.Tuple.tuple(
                "quiz.questions[1].textZh", "catalogue.error.required"),
            org.assertj.core.groups.Tuple.tuple(
                "quiz.questions[1].options", "catalogue.error.fewOptions"),
            org.assertj.core.groups.Tuple.tuple(
                "quiz.questions[1].options", "catalogue.error.noCorrect"));
  }

  @Test
  void shouldRequireAtLeastOneQuestionButLetADraftGoWithoutModules() {
    QuizDraft empty = new QuizDraft(80, 3, 0, null, true, List.of());
    CourseDraft draft = new CourseDraft("Title", "标题", null, null, null, List.of(), empty);

    CatalogueValidationException refused =
        catchThrowableOfType(
            () -> CatalogueValidation.checkDraft(draft), CatalogueValidationException.class);

    assertThat(refused.problems())
        .extracting(FieldProblem::field)
        .containsExactly("quiz.questions");
    assertThatCode(
            () ->
                CatalogueValidation.checkDraft(
                    new CourseDraft("Title", "标题", null, null, null, List.of(), null)))
        .doesNotThrowAnyException();
  }
}
