package io.partnerflow.app.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.modeling.ModelVersion.Source;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.support.PartnerflowTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Drafts, validation, deployment, history and roll back of the model workspace. */
@PartnerflowTest
class ModelPublisherTest {

  @Autowired ModelPublisher publisher;
  @Autowired ModelDraftService drafts;
  @Autowired ModelDeploymentService deployments;
  @Autowired ModelWorkspace workspace;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private ModelRef ref;

  @BeforeEach
  void actAsAdministrator() {
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    ref = new ModelRef(Kind.PROCESS, "modeler-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRefuseADraftSavedOverAnotherOperatorsSave() {
    // given: two operators opened the model without a draft; the first saves
    ModelDraft first = drafts.save(ref, process("Review"), "first", null);

    // when: the second saves on the same base, then the first saves on its own draft
    PartnerTestData.actAs("other-admin", "ROLE_ADMIN");
    assertThatThrownBy(() -> drafts.save(ref, process("Check"), "second", null))
        .isInstanceOfSatisfying(
            ModelConflictException.class,
            conflict -> {
              assertThat(conflict.currentDraft().author()).isEqualTo("admin");
              assertThat(conflict.currentDraft().version()).isEqualTo(1);
            });
    String check = process("Check");
    ModelDraft second = drafts.save(ref, check, "second", first.version());

    // then: only the save on the current version went in; a save on the old one is refused
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.author()).isEqualTo("other-admin");
    assertThatThrownBy(() -> drafts.save(ref, process("Late"), "late", first.version()))
        .isInstanceOf(ModelConflictException.class);
    assertThat(drafts.find(ref)).get().extracting(ModelDraft::content).isEqualTo(check);
  }

  @Test
  void shouldListTheZeebeValidatorsProblemsByElement() {
    // given: a service task without a job type
    String invalid =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(ref.id())
                .startEvent("start")
                .serviceTask("charge")
                .endEvent("end")
                .done());

    // when
    List<ModelProblem> problems = publisher.validate(ref, invalid);

    // then
    assertThat(problems).extracting(ModelProblem::elementId).contains("charge");
    assertThatThrownBy(() -> publisher.deploy(ref, invalid, "bad", new EditBase(null, 0)))
        .isInstanceOfSatisfying(
            ModelRefusedException.class,
            refused ->
                assertThat(refused.problems())
                    .extracting(ModelProblem::elementId)
                    .contains("charge"));
    assertThat(publisher.deployedVersion(ref)).isZero();
  }

  @Test
  void shouldValidateWithTheEnginesElementCheckAndRefuseTheDeploymentForTheSameProblems() {
    // given: valid for Zeebe's design-time validators, refused by the embedded engine: a job-based
    // user task and a call activity bound to its deployment
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(ref.id())
            .startEvent("start")
            .userTask("legacy-task")
            .callActivity("call-child", call -> call.zeebeProcessId("child"))
            .endEvent("end")
            .done();
    model
        .<CallActivity>getModelElementById("call-child")
        .getSingleExtensionElement(ZeebeCalledElement.class)
        .setBindingType(ZeebeBindingType.deployment);
    String unsupported = Bpmn.convertToString(model);
    assertThat(Bpmn.readModelFromStream(stream(unsupported)))
        .satisfies(
            parsed ->
                assertThat(parsed.validate(ZeebeDesignTimeValidators.VALIDATORS).hasErrors())
                    .isFalse());

    // when
    List<ModelProblem> problems = publisher.validate(ref, unsupported);

    // then: Validate names both elements; Deploy refuses for exactly these problems
    assertThat(problems)
        .extracting(ModelProblem::elementId)
        .containsExactly("legacy-task", "call-child");
    assertThat(problems.get(0).message()).contains("job-based user task");
    assertThat(problems.get(1).message()).contains("bindingType 'deployment'");
    assertThatThrownBy(() -> publisher.deploy(ref, unsupported, "legacy", new EditBase(null, 0)))
        .isInstanceOfSatisfying(
            ModelRefusedException.class,
            refused -> assertThat(refused.problems()).isEqualTo(problems));
    assertThat(publisher.deployedVersion(ref)).isZero();
  }

  @Test
  void shouldReadTheEnginesRefusalElementByElementAsValidateListsIt() {
    // given: the engine's 400 for the model (deployed past the console, through the client)
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(ref.id()).startEvent("start").userTask("legacy-task").done();
    String xml = Bpmn.convertToString(model);

    // when
    List<ModelProblem> fromEngine;
    try {
      deployments.deploy(ref, xml.getBytes(StandardCharsets.UTF_8));
      throw new AssertionError("the engine deployed a job-based user task");
    } catch (ProblemException refused) {
      fromEngine = ModelValidator.fromRefusal(refused.details().getDetail());
    }

    // then
    assertThat(fromEngine).isEqualTo(publisher.validate(ref, xml));
  }

  @Test
  void shouldRefuseAProcessWhoseIdNoLongerMatchesTheModel() {
    String renamed = Bpmn.convertToString(simple("other-id", "Review"));

    assertThat(publisher.validate(ref, renamed))
        .extracting(ModelProblem::message)
        .anySatisfy(message -> assertThat(message).contains("'" + ref.id() + "'"));
  }

  @Test
  void shouldDeployANewVersionConsumeTheDraftAndRecordWhoAndWhy() {
    // given
    ModelVersion first = publisher.deploy(ref, process("Review"), "first", new EditBase(null, 0));
    ModelDraft draft = drafts.save(ref, process("Review carefully"), "wip", null);

    // when
    ModelVersion second =
        publisher.deploy(
            ref, process("Review carefully"), "rename", new EditBase(draft.version(), 1));

    // then
    assertThat(first.engineVersion()).isEqualTo(1);
    assertThat(second.engineVersion()).isEqualTo(2);
    assertThat(publisher.deployedVersion(ref)).isEqualTo(2);
    assertThat(drafts.find(ref)).isEmpty();
    assertThat(publisher.history(ref))
        .extracting(ModelVersion::engineVersion, ModelVersion::author, ModelVersion::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "admin", "rename"),
            org.assertj.core.groups.Tuple.tuple(1, "admin", "first"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM app.audit_log WHERE action = 'MODEL_DEPLOYED'"
                        + " AND subject_id = :id")
                .param("id", ref.resourceName())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(workspace.models())
        .filteredOn(summary -> summary.ref().equals(ref))
        .singleElement()
        .satisfies(
            summary -> {
              assertThat(summary.deployedVersion()).isEqualTo(2);
              assertThat(summary.hasDraft()).isFalse();
              assertThat(summary.changedBy()).isEqualTo("admin");
            });
  }

  @Test
  void shouldRefuseADeploymentOverAVersionDeployedMeanwhile() {
    // given: both opened v1; the other operator deploys v2
    publisher.deploy(ref, process("Review"), "v1", new EditBase(null, 0));
    publisher.deploy(ref, process("Theirs"), "v2", new EditBase(null, 1));

    // when / then: deploying on v1 is refused and changes nothing
    assertThatThrownBy(() -> publisher.deploy(ref, process("Mine"), "mine", new EditBase(null, 1)))
        .isInstanceOfSatisfying(
            ModelConflictException.class,
            conflict -> assertThat(conflict.currentDeployedVersion()).isEqualTo(2));
    assertThat(publisher.deployedVersion(ref)).isEqualTo(2);
  }

  @Test
  void shouldRollBackByDeployingTheOldContentAsANewVersion() {
    // given
    ModelVersion v1 = publisher.deploy(ref, process("Review"), "v1", new EditBase(null, 0));
    publisher.deploy(ref, process("Broken idea"), "v2", new EditBase(null, 1));

    // when
    ModelVersion v3 = publisher.rollBack(ref, v1.id(), null);

    // then: v3 is v1's content, and the engine runs it as the latest version
    assertThat(v3.engineVersion()).isEqualTo(3);
    assertThat(v3.source()).isEqualTo(Source.ROLLBACK);
    assertThat(v3.content()).isEqualTo(v1.content());
    String latestXml = client.newProcessDefinitionGetXmlRequest(v3.engineKey()).send().join();
    assertThat(latestXml).contains("name=\"Review\"").doesNotContain("Broken idea");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM app.audit_log WHERE action = 'MODEL_ROLLED_BACK'"
                        + " AND subject_id = :id")
                .param("id", ref.resourceName())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void shouldNameTheVersionsDeployedOutsideTheConsole() {
    // given: v1 from the console, v2 straight through the engine API, v3 from the console
    publisher.deploy(ref, process("Review"), "v1", new EditBase(null, 0));
    client
        .newDeployResourceCommand()
        .addProcessModel(simple(ref.id(), "Deployed by a script"), ref.resourceName())
        .send()
        .join();
    publisher.deploy(ref, process("Review again"), "v3", new EditBase(null, 2));

    // when / then: the history lists two; the one it cannot list is named
    assertThat(publisher.history(ref))
        .extracting(ModelVersion::engineVersion)
        .containsExactly(3, 1);
    assertThat(publisher.unlistedVersions(ref)).containsExactly(2);
  }

  @Test
  void shouldRefuseEveryOperationToOtherRoles() {
    PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    String content = process("Review");

    assertThatThrownBy(() -> publisher.validate(ref, content))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> publisher.deploy(ref, content, "x", new EditBase(null, 0)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> publisher.rollBack(ref, 1, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> publisher.history(ref)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> publisher.unlistedVersions(ref))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> drafts.save(ref, content, "x", null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> drafts.find(ref)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> workspace.models()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> workspace.open(ref)).isInstanceOf(AccessDeniedException.class);
  }

  /** The builder makes new flow ids on every call: equal names, different content. */
  private String process(String taskName) {
    return Bpmn.convertToString(simple(ref.id(), taskName));
  }

  private static BpmnModelInstance simple(String processId, String taskName) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .userTask("review", task -> task.name(taskName).zeebeUserTask())
        .endEvent("end")
        .done();
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
