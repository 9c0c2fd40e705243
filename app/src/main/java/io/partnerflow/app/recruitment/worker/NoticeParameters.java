package io.partnerflow.app.recruitment.worker;

import io.partnerflow.app.notification.SecretLink;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The values each recruitment notice template needs, from the application and the process. */
@Component
class NoticeParameters {

  private final UserAccountService users;

  NoticeParameters(UserAccountService users) {
    this.users = users;
  }

  /** The status link where a template has one: issued when the notice is sent, never stored. */
  SecretLink secretLink(String template, Application application) {
    return "information-requested".equals(template)
        ? ApplicationService.statusLink(application.id())
        : null;
  }

  Map<String, Object> forTemplate(
      String template, Application application, RecruitmentVariables variables) {
    return switch (template) {
      case "application-rejected" ->
          Map.of(
              "applicantName", application.contactName(),
              "companyName", application.companyName(),
              "applicantMessage", orEmpty(variables.applicantMessage()));
      case "information-requested" ->
          Map.of(
              "applicantName", application.contactName(),
              "companyName", application.companyName(),
              "question", orEmpty(variables.informationRequest()));
      case "partner-welcome" ->
          Map.of(
              "contactName", application.contactName(),
              "partnerName", application.companyName(),
              "tier", orEmpty(variables.tier()),
              "managerName", managerName(variables.completedBy()));
      default -> throw new IllegalArgumentException("No parameters known for " + template);
    };
  }

  /**
   * What the status page notes beside the new stage: a rejected applicant reads the reviewer's
   * message to them, if any; other stages note nothing.
   */
  String statusNote(String template, RecruitmentVariables variables) {
    String message = variables.applicantMessage();
    return "application-rejected".equals(template) && message != null && !message.isBlank()
        ? message.strip()
        : null;
  }

  private String managerName(String username) {
    if (username == null) {
      return "Your partner manager";
    }
    return users.findByUsername(username).map(UserAccount::displayName).orElse(username);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
