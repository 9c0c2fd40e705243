package io.partnerflow.app.recruitment.worker;

import io.partnerflow.app.recruitment.application.ApplicationStatus;
import java.util.Map;

/** Reads the task headers the recruitment model sets on its service tasks. */
final class RecruitmentHeaders {

  private RecruitmentHeaders() {}

  static ApplicationStatus status(Map<String, String> headers) {
    String status = headers.get("status");
    if (status == null) {
      throw new IllegalArgumentException("The task has no header 'status'");
    }
    return ApplicationStatus.valueOf(status);
  }

  static String template(Map<String, String> headers) {
    String template = headers.get("template");
    if (template == null) {
      throw new IllegalArgumentException("The task has no header 'template'");
    }
    return template;
  }
}
