package io.partnerflow.app.recruitment.application;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/**
 * A minimal {@code partner-recruitment} for the intake's tests, independent of the real BPMN: the
 * start form, then at once the applicant's {@code provide-information} task with a question. Every
 * deployment differs (its name), so it becomes the latest version even after the real model.
 */
public final class RecruitmentTestModel {

  public static final String QUESTION = "How many certified consultants do you employ?";

  private final CamundaClient client;

  public RecruitmentTestModel(CamundaClient client) {
    this.client = client;
  }

  /** Deploys the model and both forms; returns the version that is now the latest. */
  public int deploy() throws Exception {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("partner-recruitment")
            .name("Partner recruitment (test " + UUID.randomUUID() + ")")
            .startEvent("application-received")
            .zeebeFormId("partner-application")
            .userTask("provide-information")
            .name("Provide information")
            .zeebeUserTask()
            .zeebeFormId("additional-information")
            .zeebeInputExpression("\"" + QUESTION + "\"", "informationRequest")
            .endEvent()
            .done();
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, "partner-recruitment.bpmn")
        .addResourceBytes(form("partner-application"), "partner-application.form")
        .addResourceBytes(form("additional-information"), "additional-information.form")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getVersion();
  }

  /** Values of the application form that pass its validation. */
  public static Map<String, Object> validValues(String companyName) {
    Map<String, Object> values = new HashMap<>();
    values.put("companyName", companyName);
    values.put("website", "https://example.com");
    values.put("country", "DE");
    values.put("partnerType", "reseller");
    values.put("employees", 40);
    values.put("yearsInBusiness", 8);
    values.put("targetIndustries", List.of("software", "retail"));
    values.put("customersInSegment", 120);
    values.put("certifiedStaff", 6);
    values.put("contactName", "Ada Lovelace");
    values.put("contactEmail", "ada@example.com");
    values.put("consent", true);
    return values;
  }

  /** Waits for the open {@code provide-information} task of the instance. */
  public UserTask awaitInformationTask(long processInstanceKey) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(giveUp)) {
      List<UserTask> tasks =
          client
              .newUserTaskSearchRequest()
              .filter(
                  filter ->
                      filter
                          .processInstanceKey(processInstanceKey)
                          .elementId("provide-information")
                          .state(UserTaskState.CREATED))
              .send()
              .join()
              .items();
      if (!tasks.isEmpty()) {
        return tasks.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No provide-information task for instance " + processInstanceKey);
  }

  public UserTaskState stateOf(long taskKey) {
    return client.newUserTaskGetRequest(taskKey).send().join().getState();
  }

  private static byte[] form(String id) throws Exception {
    return new ClassPathResource("forms/" + id + ".form").getInputStream().readAllBytes();
  }
}
