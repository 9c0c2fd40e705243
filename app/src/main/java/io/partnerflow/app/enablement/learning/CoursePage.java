package io.partnerflow.app.enablement.learning;

import java.util.List;

/**
 * What the person's course page shows: the course, its modules in order and where the quiz stands.
 *
 * @param quiz the quiz's standing, null when the course has no quiz
 * @param quizOpen whether the quiz may be started now (all modules done, not finished)
 */
public record CoursePage(
    CourseProgress course,
    String summaryEn,
    String summaryZh,
    List<ModuleView> modules,
    Long quizId,
    QuizStanding quiz,
    boolean quizOpen) {

  public CoursePage {
    modules = List.copyOf(modules);
  }

  public String summary(boolean chinese) {
    return chinese && summaryZh != null && !summaryZh.isBlank() ? summaryZh : summaryEn;
  }
}
