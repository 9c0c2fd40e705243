package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /v2/resources/{key}/deletion through the client's {@code newDeleteResourceCommand}: process
 * definitions, decision requirements and forms leave searches and new instances, running instances
 * work to their end, and the previous version becomes the latest.
 */
class ResourceDeletionTest extends ClockDrivenScenarioTest {

  private static void assertProblem(Runnable call, int status, String detailPart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(status);
              assertThat(e.details().getDetail()).contains(detailPart);
            });
  }

  private void delete(long key) {
    client.newDeleteResourceCommand(key).send().join();
  }

  /** start → service task (type) → end; {@code name} makes versions differ. */
  private BpmnModelInstance work(String processId, String name, String type) {
    return Bpmn.createExecutableProcess(processId)
        .name(name)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private List<ProcessDefinition> definitions(String processId) {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.version().asc())
        .send()
        .join()
        .items();
  }

  private long createByKey(long definitionKey) {
    return client
        .newCreateInstanceCommand()
        .processDefinitionKey(definitionKey)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Test
  void shouldDeleteAProcessVersionAndLetItsRunningInstancesFinish() {
    // given: two versions, an instance of version 2 waiting at its job
    String processId = unique("retired");
    String type = unique("retired-work");
    long v1 = deploy(work(processId, "first", type));
    long v2 = deploy(work(processId, "second", type));
    long running = createByKey(v2);

    // when
    delete(v2);

    // then: version 2 left the searches, version 1 is the latest again
    assertThat(definitions(processId))
        .extracting(ProcessDefinition::getProcessDefinitionKey)
        .containsExactly(v1);
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
                .send()
                .join()
                .items())
        .extracting(ProcessDefinition::getVersion)
        .containsExactly(1);
    assertProblem(() -> createByKey(v2), 404, String.valueOf(v2));
    assertProblem(
        () -> client.newCreateInstanceCommand().bpmnProcessId(processId).version(2).send().join(),
        404,
        processId);
    long byId = start(processId, Map.of()).getProcessInstanceKey();
    assertThat(instance(byId).getProcessDefinitionKey()).isEqualTo(v1);

    // and the running instance of version 2 works to its end
    List<ActivatedJob> jobs = awaitJobs(type, 2);
    for (ActivatedJob job : jobs) {
      client.newCompleteCommand(job.getKey()).send().join();
    }
    awaitState(running, ProcessInstanceState.COMPLETED);
    awaitState(byId, ProcessInstanceState.COMPLETED);
    assertThat(instance(running).getProcessDefinitionKey()).isEqualTo(v2);
  }

  @Test
  void shouldAnswer404WhenNoVersionIsLeftAndNeverReuseAVersion() {
    // given
    String processId = unique("gone");
    String type = unique("gone-work");
    long v1 = deploy(work(processId, "only", type));

    // when
    delete(v1);

    // then
    assertThat(definitions(processId)).isEmpty();
    assertProblem(() -> start(processId, Map.of()), 404, processId);
    assertProblem(() -> delete(v1), 404, String.valueOf(v1));
    // the same model deployed again is a new version 2 (version 1 stays used)
    long again = deploy(work(processId, "only", type));
    assertThat(again).isNotEqualTo(v1);
    assertThat(definitions(processId)).extracting(ProcessDefinition::getVersion).containsExactly(2);
  }

  @Test
  void shouldAnswer404ForAnUnknownResource() {
    assertProblem(() -> delete(2251799813777777L), 404, "2251799813777777");
  }

  @Test
  void shouldHandTheMessageStartEventBackToThePreviousVersion() {
    // given: version 1 starts by message, version 2 (latest) by a none start event only
    String processId = unique("campaign");
    String message = unique("launched");
    String type = unique("campaign-work");
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("launch")
                .message(message)
                .serviceTask("work", t -> t.zeebeJobType(type))
                .endEvent()
                .done());
    long v2 = deploy(work(processId, "manual", type));
    publish(message);
    assertNoJob(type);

    // when
    delete(v2);
    publish(message);

    // then: version 1's message start event is active again
    ActivatedJob job = awaitJob(type);
    assertThat(instance(job.getProcessInstanceKey()).getProcessDefinitionKey()).isEqualTo(v1);

    // when: version 1 goes too, nothing starts any more
    delete(v1);
    publish(message);

    // then
    assertNoJob(type);
  }

  @Test
  void shouldHandTheTimerStartEventBackToThePreviousVersion() {
    // given: version 1 starts every hour, version 2 (latest) has no timer
    String processId = unique("nightly");
    String type = unique("nightly-work");
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("hourly")
                .timerWithCycle("R/PT1H")
                .serviceTask("work", t -> t.zeebeJobType(type))
                .endEvent()
                .done());
    long v2 = deploy(work(processId, "manual", type));

    // when
    delete(v2);
    pinClock(java.time.Instant.now().plus(Duration.ofMinutes(61)));

    // then
    ActivatedJob job = awaitJob(type);
    assertThat(instance(job.getProcessInstanceKey()).getProcessDefinitionKey()).isEqualTo(v1);
  }

  @Test
  void shouldDeleteDecisionRequirementsWithTheirDecisions() {
    // given: two versions of a DRG with one decision
    String suffix = unique("d");
    String decisionId = "grade-" + suffix;
    long drg1 =
        deployDmn(suffix, "\"bronze\"")
            .getDecisionRequirements()
            .get(0)
            .getDecisionRequirementsKey();
    DeploymentEvent second = deployDmn(suffix, "\"silver\"");
    long drg2 = second.getDecisionRequirements().get(0).getDecisionRequirementsKey();
    long decision2 = second.getDecisions().get(0).getDecisionKey();
    String processId = unique("graded");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "grade", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("grade"))
            .userTask("look", t -> t.zeebeUserTask())
            .endEvent()
            .done());

    // when
    delete(drg2);

    // then
    assertThat(
            client
                .newDecisionDefinitionSearchRequest()
                .filter(f -> f.decisionDefinitionId(decisionId))
                .send()
                .join()
                .items())
        .extracting(DecisionDefinition::getVersion)
        .containsExactly(1);
    assertThat(
            client
                .newDecisionRequirementsSearchRequest()
                .filter(f -> f.decisionRequirementsKey(drg2))
                .send()
                .join()
                .items())
        .isEmpty();
    assertProblem(() -> client.newDecisionDefinitionGetRequest(decision2).send().join(), 404, "");
    assertProblem(
        () ->
            client
                .newEvaluateDecisionCommand()
                .decisionKey(decision2)
                .variables(Map.of())
                .send()
                .join(),
        404,
        "");
    assertThat(
            client
                .newEvaluateDecisionCommand()
                .decisionId(decisionId)
                .variables(Map.of())
                .send()
                .join()
                .getDecisionOutput())
        .isEqualTo("\"bronze\"");
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .newVariableSearchRequest()
                            .filter(f -> f.processInstanceKey(instanceKey).name("grade"))
                            .send()
                            .join()
                            .items())
                    .singleElement()
                    .satisfies(v -> assertThat(v.getValue()).isEqualTo("\"bronze\"")));

    // when: version 1 goes too
    delete(drg1);

    // then
    assertProblem(
        () ->
            client
                .newEvaluateDecisionCommand()
                .decisionId(decisionId)
                .variables(Map.of())
                .send()
                .join(),
        404,
        decisionId);
  }

  @Test
  void shouldDeleteAFormVersionAndKeepTheFormOfTasksLinkedBefore() {
    // given: form version 1 and 2, a task linked to version 2
    String formId = unique("review-form");
    long form1 = deployForm(formId, "First");
    long form2 = deployForm(formId, "Second");
    String processId = unique("reviewed");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask().zeebeFormId(formId))
            .endEvent()
            .done());
    UserTask before = openTask(start(processId, Map.of()).getProcessInstanceKey());
    assertThat(before.getFormKey()).isEqualTo(form2);

    // when
    delete(form2);

    // then: new tasks link version 1; the earlier task keeps version 2
    UserTask after = openTask(start(processId, Map.of()).getProcessInstanceKey());
    assertThat(after.getFormKey()).isEqualTo(form1);
    assertThat(client.newUserTaskGetFormRequest(before.getUserTaskKey()).send().join().getFormKey())
        .isEqualTo(form2);
    client.newCompleteUserTaskCommand(before.getUserTaskKey()).send().join();
    awaitState(before.getProcessInstanceKey(), ProcessInstanceState.COMPLETED);

    // when: version 1 goes too
    delete(form1);
    long third = start(processId, Map.of()).getProcessInstanceKey();

    // then: the form is not deployed any more, as for a form never deployed
    awaitIncident(third);
  }

  private void publish(String message) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("")
        .timeToLive(Duration.ZERO)
        .send()
        .join();
  }

  private List<ActivatedJob> awaitJobs(String type, int count) {
    List<ActivatedJob> jobs = new java.util.ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(activate(type, Duration.ofSeconds(1)));
              return jobs.size() >= count;
            });
    return jobs;
  }

  private DeploymentEvent deployDmn(String suffix, String output) {
    String dmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="grades-%1$s"
                     name="Grades" namespace="http://partnerflow.io/dmn/test">
          <decision id="grade-%1$s" name="Grade">
            <literalExpression id="gradeExpression"><text>%2$s</text></literalExpression>
          </decision>
        </definitions>
        """
            .formatted(suffix, output);
    return client
        .newDeployResourceCommand()
        .addResourceString(dmn, StandardCharsets.UTF_8, "grades.dmn")
        .send()
        .join();
  }

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
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processInstanceKey(processInstanceKey))
                    .send()
                    .join()
                    .items()
                    .isEmpty());
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .singleItem();
  }
}
