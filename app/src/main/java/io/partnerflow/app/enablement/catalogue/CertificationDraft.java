package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/** A certification as the editor or the importer writes it, with its exam bank. */
public record CertificationDraft(
    String code,
    String nameEn,
    String nameZh,
    String summaryEn,
    String summaryZh,
    int validityMonths,
    boolean active,
    List<String> courseCodes,
    QuizDraft exam) {

  public CertificationDraft {
    courseCodes = courseCodes == null ? List.of() : List.copyOf(courseCodes);
  }
}
