package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linked Camunda Forms: of a user task (zeebe:formDefinition formId) and of the start event. */
class UserTaskFormTest extends EngineScenarioTest {

  private final ObjectMapper mapper = new ObjectMapper();

  private long deployForm(String formId, String label) {
    String json =
        """
        {"id":"%s","type":"default","components":[
          {"type":"textfield","key":"comment","label":"%s"}]}
        """
            .formatted(formId, label);
    return client
        .newDeployResourceCommand()
        .addResourceString(json, StandardCharsets.UTF_8, formId + ".form")
        .send()
        .join()
        .getForm()
        .get(0)
        .getFormKey();
  }

  private UserTask openTask(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .singleItem();
  }

  @Test
  void shouldLinkLatestFormVersionAtTaskCreation() throws Exception {
    // given: two versions of the form, then the process
    String formId = unique("review-form");
    deployForm(formId, "First");
    long latestKey = deployForm(formId, "Comment");
    String processId = unique("with-form");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask().zeebeFormId(formId))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();

    // when
    UserTask task = openTask(instanceKey);
    Form form = client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();

    // then
    assertThat(task.getFormKey()).isEqualTo(latestKey);
    assertThat(form.getFormKey()).isEqualTo(latestKey);
    assertThat(form.getFormId()).isEqualTo(formId);
    assertThat(form.getVersion()).isEqualTo(2);
    assertThat(form.getSchema()).isInstanceOf(String.class);
    JsonNode schema = mapper.readTree((String) form.getSchema());
    assertThat(schema.path("components").get(0).path("label").asText()).isEqualTo("Comment");

    // a newer form version does not change the open task's form
    deployForm(formId, "Third");
    assertThat(client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormKey())
        .isEqualTo(latestKey);
  }

  @Test
  void shouldAnswerNoContentWhenTaskHasNoForm() {
    // given
    String processId = unique("no-form");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t -> t.zeebeUserTask().zeebeExternalFormReference("https://forms.example/review"))
            .endEvent()
            .done());
    UserTask task = openTask(start(processId, Map.of()).getProcessInstanceKey());

    // when
    Form form = client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();

    // then: 204 reaches the client as an empty form
    assertThat(form.getFormId()).isNull();
    assertThat(form.getSchema()).isNull();
    assertThat(task.getExternalFormReference()).isEqualTo("https://forms.example/review");
    assertThat(task.getFormKey()).isNull();
  }

  @Test
  void shouldRaiseIncidentWhenLinkedFormIsNotDeployed() {
    // given
    String processId = unique("missing-form");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask().zeebeFormId(unique("never-deployed")))
            .endEvent()
            .done());

    // when
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(instanceKey);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void shouldCreateTaskWhenMissingFormIsDeployedAndIncidentResolved() {
    // given: the form is missing, the instance has an incident
    String formId = unique("late-form");
    String processId = unique("late-form-process");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask().zeebeFormId(formId))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    awaitIncident(instanceKey);
    Incident incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).state(IncidentState.ACTIVE))
            .send()
            .join()
            .singleItem();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.FORM_NOT_FOUND);

    // when: the form is deployed and the incident resolved
    long formKey = deployForm(formId, "Late");
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the task exists and links the form
    UserTask task = openTask(instanceKey);
    assertThat(task.getFormKey()).isEqualTo(formKey);
  }

  @Test
  void shouldServeStartFormOfDefinition() throws Exception {
    // given
    String formId = unique("application");
    long formKey = deployForm(formId, "Company name");
    String processId = unique("with-start-form");
    long definitionKey =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .zeebeFormId(formId)
                .userTask("review", t -> t.zeebeUserTask())
                .endEvent()
                .done());

    // when
    Form form = client.newProcessDefinitionGetFormRequest(definitionKey).send().join();

    // then
    assertThat(form.getFormKey()).isEqualTo(formKey);
    assertThat(form.getFormId()).isEqualTo(formId);
    assertThat(mapper.readTree((String) form.getSchema()).path("id").asText()).isEqualTo(formId);
    assertThat(client.newProcessDefinitionGetRequest(definitionKey).send().join().getHasStartForm())
        .isTrue();
  }

  @Test
  void shouldAnswerNoContentForDefinitionWithoutStartForm() {
    // given
    String processId = unique("no-start-form");
    long definitionKey =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("review", t -> t.zeebeUserTask())
                .endEvent()
                .done());

    // when
    Form form = client.newProcessDefinitionGetFormRequest(definitionKey).send().join();

    // then
    assertThat(form.getFormId()).isNull();
    assertThat(client.newProcessDefinitionGetRequest(definitionKey).send().join().getHasStartForm())
        .isFalse();
    assertThatThrownBy(
            () -> client.newProcessDefinitionGetFormRequest(2251799813685248L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
