package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.recruitment.screening.ComplianceScreening;
import io.partnerflow.app.recruitment.screening.ScreeningResult;
import io.partnerflow.app.recruitment.screening.ScreeningSubject;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code compliance-screening}: screens the applicant and returns only the result, which
 * the process routes on ({@code clear}, {@code review}, {@code blocked}).
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class ComplianceScreeningWorker {

  private final ComplianceScreening screening;

  ComplianceScreeningWorker(ComplianceScreening screening) {
    this.screening = screening;
  }

  @JobWorker(type = "compliance-screening")
  public Map<String, Object> screen(
      @Variable String companyName, @Variable String country, @Variable String contactName) {
    ScreeningResult result =
        screening.screen(new ScreeningSubject(companyName, country, contactName));
    return Map.of(
        "screeningResult", result.outcome().variableValue(),
        "screeningReasons", result.reasons());
  }
}
