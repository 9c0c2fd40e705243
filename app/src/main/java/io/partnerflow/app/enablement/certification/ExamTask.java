package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.enablement.catalogue.Certification;
import io.partnerflow.app.enablement.learning.QuizStanding;

/**
 * A person's open exam task as the exam screen shows it.
 *
 * @param recertification whether it is the recertification exam of a certificate about to expire
 * @param standing the person's attempts at the exam so far
 */
public record ExamTask(
    long taskKey, Certification certification, boolean recertification, QuizStanding standing) {}
