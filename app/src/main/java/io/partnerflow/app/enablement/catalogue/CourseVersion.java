package io.partnerflow.app.enablement.catalogue;

/**
 * One version of a course. {@code quizId} is null only while a draft has no quiz yet; {@code
 * estimatedMinutes} may be null.
 */
public record CourseVersion(
    long id,
    long courseId,
    String code,
    int version,
    CourseStatus status,
    String titleEn,
    String titleZh,
    String summaryEn,
    String summaryZh,
    Integer estimatedMinutes,
    Long quizId) {

  /** The title in the given language ("zh…" is Chinese, anything else English). */
  public String title(String language) {
    return Languages.isChinese(language) ? titleZh : titleEn;
  }

  public String summary(String language) {
    return Languages.isChinese(language) ? summaryZh : summaryEn;
  }
}
