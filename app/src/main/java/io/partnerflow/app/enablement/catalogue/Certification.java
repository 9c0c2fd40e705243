package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/**
 * A certification a person earns by passing its courses (by code) and its exam; valid for {@code
 * validityMonths}. {@code examQuizId} is null only while the enablement team has not written the
 * exam yet.
 */
public record Certification(
    long id,
    String code,
    String nameEn,
    String nameZh,
    String summaryEn,
    String summaryZh,
    int validityMonths,
    Long examQuizId,
    List<String> courseCodes) {

  public Certification {
    courseCodes = List.copyOf(courseCodes);
  }

  public String name(String language) {
    return Languages.isChinese(language) ? nameZh : nameEn;
  }

  public String summary(String language) {
    return Languages.isChinese(language) ? summaryZh : summaryEn;
  }
}
