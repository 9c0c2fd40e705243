package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.enablement.certification.CertificationExams;
import io.partnerflow.app.enablement.certification.CertificationRefusedException;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.ui.TaskPanelProvider;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The exam screen in the portal's task view, for the person's {@code take-certification-exam} and
 * {@code take-recertification-exam} tasks. Everything it shows and does goes through {@link
 * CertificationExams}, which checks on the server that the task is the caller's.
 */
@org.springframework.stereotype.Component
class ExamPanels implements TaskPanelProvider {

  private final CertificationExams exams;
  private final Clock clock;

  ExamPanels(CertificationExams exams, Clock clock) {
    this.exams = exams;
    this.clock = clock;
  }

  @Override
  public Set<String> elementIds() {
    return CertificationExams.EXAM_TASKS;
  }

  @Override
  public Component create(TaskDetails details, Runnable done) {
    try {
      return new ExamPanel(exams.openExam(details.task().key()), exams, clock);
    } catch (CertificationRefusedException | AccessDeniedException unavailable) {
      Paragraph message = new Paragraph();
      message.setText(
          unavailable instanceof CertificationRefusedException refused
              ? message.getTranslation(refused.messageKey(), refused.parameters())
              : message.getTranslation("certification.error.notYourExam"));
      message.setId("exam-unavailable");
      return message;
    }
  }
}
