package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentTest extends EngineScenarioTest {

  private BpmnModelInstance model(String processId, String taskType) {
    return Bpmn.createExecutableProcess(processId)
        .name("Onboarding")
        .startEvent()
        .serviceTask("task", t -> t.zeebeJobType(taskType))
        .endEvent()
        .done();
  }

  private DeploymentEvent deployModel(BpmnModelInstance model) {
    return deployXml(Bpmn.convertToString(model));
  }

  private DeploymentEvent deployXml(String xml) {
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, "onboarding.bpmn")
        .send()
        .join();
  }

  @Test
  void shouldVersionPerProcessIdAndNotReversionIdenticalContent() {
    // given
    String processId = unique("versions");
    String xml = Bpmn.convertToString(model(processId, "a"));
    Process first = deployXml(xml).getProcesses().get(0);

    // when
    Process identical = deployXml(xml).getProcesses().get(0);
    Process changed = deployModel(model(processId, "b")).getProcesses().get(0);

    // then
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(identical.getVersion()).isEqualTo(1);
    assertThat(identical.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
    assertThat(changed.getVersion()).isEqualTo(2);
    assertThat(changed.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
    assertThat(changed.getBpmnProcessId()).isEqualTo(processId);
    assertThat(changed.getResourceName()).isEqualTo("onboarding.bpmn");
  }

  @Test
  void shouldDeployFormsWithVersions() {
    // given
    String formId = unique("application-form");
    String v1 = "{\"id\":\"" + formId + "\",\"components\":[]}";
    String v2 = "{\"id\":\"" + formId + "\",\"components\":[{\"type\":\"textfield\"}]}";

    // when
    DeploymentEvent first = deployForm(v1);
    DeploymentEvent again = deployForm(v1);
    DeploymentEvent second = deployForm(v2);

    // then
    assertThat(first.getForm().get(0).getFormId()).isEqualTo(formId);
    assertThat(first.getForm().get(0).getVersion()).isEqualTo(1);
    assertThat(again.getForm().get(0).getVersion()).isEqualTo(1);
    assertThat(second.getForm().get(0).getVersion()).isEqualTo(2);
  }

  private DeploymentEvent deployForm(String json) {
    return client
        .newDeployResourceCommand()
        .addResourceBytes(json.getBytes(StandardCharsets.UTF_8), "application.form")
        .send()
        .join();
  }

  @Test
  void shouldRejectUnsupportedElementNamingItsIdAndType() {
    // given: a compensation throw event, which the engine does not execute
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("compensation"))
            .startEvent()
            .intermediateThrowEvent(
                "announce", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deployModel(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail())
                  .contains("'announce'")
                  .contains("intermediateThrowEvent (compensateEventDefinition)");
            });
  }

  @Test
  void shouldRejectModelsFailingTheDesignTimeValidators() {
    // given: a service task without job type
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("no-type"))
            .startEvent()
            .serviceTask("untyped")
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deployModel(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("untyped");
            });
  }

  @Test
  void shouldRejectConditionalFlowOutsideGateways() {
    // given: a condition on a flow leaving a service task would be ignored
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("conditional"))
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType("a"))
            .sequenceFlowId("guarded")
            .conditionExpression("= ok")
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deployModel(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail())
                  .contains("Element: task")
                  .contains("Conditional sequence flows");
            });
  }

  @Test
  void shouldRejectMalformedXml() {
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString("<definitions", StandardCharsets.UTF_8, "broken.bpmn")
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void shouldFindDefinitionsAndTheirXml() {
    // given
    String processId = unique("searchable");
    deployModel(model(processId, "a"));
    long latestKey =
        deployModel(model(processId, "b")).getProcesses().get(0).getProcessDefinitionKey();

    // when
    List<ProcessDefinition> all =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .send()
            .join()
            .items();
    List<ProcessDefinition> latest =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
            .send()
            .join()
            .items();
    ProcessDefinition byKey = client.newProcessDefinitionGetRequest(latestKey).send().join();
    String xml = client.newProcessDefinitionGetXmlRequest(latestKey).send().join();

    // then
    assertThat(all).extracting(ProcessDefinition::getVersion).containsExactlyInAnyOrder(1, 2);
    assertThat(latest)
        .extracting(ProcessDefinition::getProcessDefinitionKey)
        .containsExactly(latestKey);
    assertThat(byKey.getName()).isEqualTo("Onboarding");
    assertThat(byKey.getVersion()).isEqualTo(2);
    assertThat(xml).contains(processId).contains("taskDefinition type=\"b\"");
  }

  @Test
  void shouldAnswer404ForUnknownDefinitionKey() {
    assertThatThrownBy(() -> client.newProcessDefinitionGetRequest(1L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
