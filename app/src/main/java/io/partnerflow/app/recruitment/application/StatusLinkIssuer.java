package io.partnerflow.app.recruitment.application;

import io.partnerflow.app.notification.SecretLinkIssuer;
import org.springframework.stereotype.Component;

/** Issues an applicant's status link when a notice carrying it is sent. */
@Component
class StatusLinkIssuer implements SecretLinkIssuer {

  static final String KIND = "application-status";

  private final ApplicationService applications;

  StatusLinkIssuer(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String issue(String applicationId) {
    return applications.issueStatusLink(Long.parseLong(applicationId));
  }
}
