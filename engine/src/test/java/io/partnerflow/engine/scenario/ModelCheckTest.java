package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.partnerflow.modelcheck.ElementProblem;
import io.partnerflow.modelcheck.ModelCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's {@link ModelCheck} (what the app's Validate runs) finds exactly what the deployment
 * through the client refuses: element by element, same words, nothing deployed by the check.
 */
class ModelCheckTest extends EngineScenarioTest {

  @Autowired ModelCheck check;

  @Test
  void shouldFindWhatTheDeploymentRefusesElementByElement() {
    // given: valid for Zeebe's design-time validators, refused by the engine's element check
    String processId = unique("check");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .userTask("job-task", task -> task.name("Job-based user task"))
            .callActivity("call", call -> call.zeebeProcessId("child"))
            .endEvent("end")
            .done();
    model
        .<io.camunda.zeebe.model.bpmn.instance.CallActivity>getModelElementById("call")
        .getSingleExtensionElement(
            io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement.class)
        .setBindingType(ZeebeBindingType.deployment);
    byte[] xml = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);

    // when
    List<ElementProblem> problems = check.check(processId + ".bpmn", xml);

    // then: both elements named, and the deployment refuses with the same problems
    assertThat(problems).extracting(ElementProblem::elementId).containsExactly("job-task", "call");
    assertThat(problems.get(1).message()).contains("bindingType 'deployment'");
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceBytes(xml, processId + ".bpmn")
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            refused -> {
              assertThat(refused.code()).isEqualTo(400);
              for (ElementProblem problem : problems) {
                assertThat(refused.details().getDetail())
                    .contains(
                        "Element: %s%n    - ERROR: %s"
                            .formatted(problem.elementId(), problem.message()));
              }
            });
    assertThat(definitions(processId)).isZero();
  }

  @Test
  void shouldReportZeebesValidatorsAndUnreadableXmlAsTheDeploymentDoes() {
    // given: a service task without a job type, and a document that is no BPMN
    String processId = unique("check-zeebe");
    byte[] noJobType =
        Bpmn.convertToString(
                Bpmn.createExecutableProcess(processId)
                    .startEvent()
                    .serviceTask("charge")
                    .endEvent()
                    .done())
            .getBytes(StandardCharsets.UTF_8);

    // when / then
    assertThat(check.check("x.bpmn", noJobType))
        .extracting(ElementProblem::elementId)
        .containsExactly("charge");
    assertThat(check.check("x.bpmn", "<nope/>".getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(problem -> assertThat(problem.elementId()).isNull());
  }

  @Test
  void shouldPassAModelTheDeploymentAcceptsWithoutDeployingIt() {
    // given
    String processId = unique("check-ok");
    byte[] xml =
        Bpmn.convertToString(
                Bpmn.createExecutableProcess(processId)
                    .startEvent()
                    .serviceTask("work", task -> task.zeebeJobType("work"))
                    .endEvent()
                    .done())
            .getBytes(StandardCharsets.UTF_8);

    // when
    List<ElementProblem> problems = check.check(processId + ".bpmn", xml);

    // then: nothing wrong, nothing deployed; the deployment then accepts it
    assertThat(problems).isEmpty();
    assertThat(definitions(processId)).isZero();
    client.newDeployResourceCommand().addResourceBytes(xml, processId + ".bpmn").send().join();
    assertThat(definitions(processId)).isEqualTo(1);
  }

  private long definitions(String processId) {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(filter -> filter.processDefinitionId(processId))
        .send()
        .join()
        .items()
        .size();
  }
}
