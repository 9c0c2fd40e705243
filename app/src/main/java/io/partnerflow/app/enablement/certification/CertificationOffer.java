package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.enablement.catalogue.Certification;
import java.util.List;

/**
 * One certification as the portal shows it to a person: how many of its courses they passed, the
 * certificate they hold and the exam they can take now.
 *
 * @param missingCourseCodes the required courses not passed yet
 * @param held the person's valid certificate of it, or null
 * @param examTaskKey the person's open exam (or recertification exam) task, or null
 * @param examStarting whether the exam was asked for and its task is about to open
 */
public record CertificationOffer(
    Certification certification,
    int coursesPassed,
    int coursesRequired,
    List<String> missingCourseCodes,
    Certificate held,
    Long examTaskKey,
    boolean examStarting) {

  public CertificationOffer {
    missingCourseCodes = List.copyOf(missingCourseCodes);
  }

  /** Whether the person may ask for the exam now. */
  public boolean mayRequestExam() {
    return missingCourseCodes.isEmpty()
        && certification.examQuizId() != null
        && held == null
        && examTaskKey == null
        && !examStarting;
  }
}
