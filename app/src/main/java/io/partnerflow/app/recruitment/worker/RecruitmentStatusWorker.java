package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.recruitment.application.ApplicationService;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code recruitment-status}: moves the application to the stage named in the task header
 * {@code status}, so the applicant's status page follows the process.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class RecruitmentStatusWorker {

  private final ApplicationService applications;

  RecruitmentStatusWorker(ApplicationService applications) {
    this.applications = applications;
  }

  @JobWorker(type = "recruitment-status", fetchVariables = "applicationId")
  public void record(@Variable long applicationId, @CustomHeaders Map<String, String> headers) {
    applications.recordStatus(applicationId, RecruitmentHeaders.status(headers), null);
  }
}
