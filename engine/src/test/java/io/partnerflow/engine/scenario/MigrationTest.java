package io.partnerflow.engine.scenario;

import static io.partnerflow.engine.scenario.MigrationFixtures.calledInstance;
import static io.partnerflow.engine.scenario.MigrationFixtures.openTask;
import static io.partnerflow.engine.scenario.MigrationFixtures.taskInSubProcess;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.MigrationPlan;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /v2/process-instances/{key}/migration through the client's {@code
 * newMigrateProcessInstanceCommand}: active user tasks and jobs keep their keys and state and point
 * at the target's elements; the instance runs on in the target definition.
 */
class MigrationTest extends ClockDrivenScenarioTest {

  List<ElementInstance> elements(long instanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  @Test
  void shouldMigrateAnActiveUserTaskKeepingItsKeyAssignmentAndDates() {
    // given: v1 waits at a user task with assignee, candidates and a due date
    String processId = unique("onboarding");
    String notify = unique("notify");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .name("Onboarding")
            .startEvent("start")
            .userTask(
                "review",
                t ->
                    t.zeebeUserTask()
                        .zeebeAssignee("alice")
                        .zeebeCandidateGroups("PARTNER_MANAGER")
                        .zeebeCandidateUsers("bob")
                        .zeebeDueDate("2027-01-15T10:00:00Z"))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of("partner", "acme")).getProcessInstanceKey();
    UserTask before = openTask(client, instanceKey);
    // v2: the task is renamed and assigned differently, and a service task follows it
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .name("Onboarding v2")
                .startEvent("start")
                .userTask(
                    "reviewApplication",
                    t -> t.name("Review application").zeebeUserTask().zeebeAssignee("zoe"))
                .serviceTask("welcome", t -> t.zeebeJobType(notify))
                .endEvent()
                .done());

    // when
    client
        .newMigrateProcessInstanceCommand(instanceKey)
        .migrationPlan(v2)
        .addMappingInstruction("review", "reviewApplication")
        .send()
        .join();

    // then: the same task, its assignment and dates kept, in the target definition
    UserTask after = client.newUserTaskGetRequest(before.getUserTaskKey()).send().join();
    assertThat(after.getElementInstanceKey()).isEqualTo(before.getElementInstanceKey());
    assertThat(after.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(after.getAssignee()).isEqualTo("alice");
    assertThat(after.getCandidateGroups()).containsExactly("PARTNER_MANAGER");
    assertThat(after.getCandidateUsers()).containsExactly("bob");
    assertThat(after.getDueDate()).isEqualTo(OffsetDateTime.parse("2027-01-15T10:00:00Z"));
    assertThat(after.getCreationDate()).isEqualTo(before.getCreationDate());
    assertThat(after.getElementId()).isEqualTo("reviewApplication");
    assertThat(after.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(after.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(after.getBpmnProcessId()).isEqualTo(processId);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processDefinitionKey(v2).elementId("reviewApplication"))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(before.getUserTaskKey());

    // and the instance: target definition, history and variables kept
    ProcessInstance instance = instance(instanceKey);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(instance.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(instance.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionKey(v2))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(instanceKey);
    assertThat(elements(instanceKey))
        .extracting(ElementInstance::getElementId, ElementInstance::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("start", ElementInstanceState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("reviewApplication", ElementInstanceState.ACTIVE));
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .send()
                .join()
                .items())
        .extracting(Variable::getName, Variable::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("partner", "\"acme\""));

    // and the task completes into the target's flow
    client.newCompleteUserTaskCommand(before.getUserTaskKey()).send().join();
    ActivatedJob welcome = awaitJob(notify);
    assertThat(welcome.getProcessDefinitionKey()).isEqualTo(v2);
    client.newCompleteCommand(welcome.getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldMigrateAnActivatedJobKeepingItsKeyAndType() {
    // given: a worker holds the job of v1's service task
    String processId = unique("screening");
    String check = unique("check");
    String checkV2 = unique("check-v2");
    String after = unique("after");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(check))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = awaitJob(check);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("screen", t -> t.zeebeJobType(checkV2))
                .serviceTask("after", t -> t.zeebeJobType(after))
                .endEvent()
                .done());

    // when: migrated with the MigrationPlan builder
    client
        .newMigrateProcessInstanceCommand(instanceKey)
        .migrationPlan(
            MigrationPlan.newBuilder()
                .withTargetProcessDefinitionKey(v2)
                .addMappingInstruction("check", "screen")
                .build())
        .send()
        .join();

    // then: the worker still holds it; failed with a retry it comes back as the same job, its
    // type kept (as in Camunda) and naming the target's element and definition
    assertThat(activate(check, Duration.ofMillis(200))).isEmpty();
    client.newFailCommand(job.getKey()).retries(1).send().join();
    ActivatedJob again = awaitJob(check);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getType()).isEqualTo(check);
    assertThat(again.getElementId()).isEqualTo("screen");
    assertThat(again.getElementInstanceKey()).isEqualTo(job.getElementInstanceKey());
    assertThat(again.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(again.getProcessDefinitionVersion()).isEqualTo(2);
    assertNoJob(checkV2);

    // and the worker's completion moves the token on in the target
    client.newCompleteCommand(again.getKey()).send().join();
    ActivatedJob next = awaitJob(after);
    assertThat(next.getProcessDefinitionKey()).isEqualTo(v2);
    assertThat(next.getProcessDefinitionVersion()).isEqualTo(2);
    client.newCompleteCommand(next.getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldMigrateASubProcessWithTheTaskInside() {
    // given: the task waits inside a sub-process
    String processId = unique("checks");
    String file = unique("file");
    deploy(taskInSubProcess(processId, "checks", "review"));
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    UserTask task = openTask(client, instanceKey);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .subProcess(
                    "verification",
                    s ->
                        s.embeddedSubProcess()
                            .startEvent()
                            .userTask("verify", t -> t.zeebeUserTask())
                            .serviceTask("file", t -> t.zeebeJobType(file))
                            .endEvent())
                .endEvent()
                .done());

    // when: the sub-process and the task in it are mapped
    client
        .newMigrateProcessInstanceCommand(instanceKey)
        .migrationPlan(v2)
        .addMappingInstruction("checks", "verification")
        .addMappingInstruction("review", "verify")
        .send()
        .join();

    // then: both element instances keep their keys under the target's ids
    List<ElementInstance> active =
        elements(instanceKey).stream()
            .filter(e -> e.getState() == ElementInstanceState.ACTIVE)
            .toList();
    assertThat(active)
        .extracting(ElementInstance::getElementId)
        .containsExactly("verification", "verify");
    assertThat(active.get(1).getElementInstanceKey()).isEqualTo(task.getElementInstanceKey());
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    ActivatedJob filed = awaitJob(file);
    client.newCompleteCommand(filed.getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldMigrateAnElementWithAnIncidentThatIsResolvedInTheTarget() {
    // given: the job ran out of retries: an incident on the service task
    String processId = unique("crm-sync");
    String sync = unique("sync");
    String after = unique("after");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("sync", t -> t.zeebeJobType(sync))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = awaitJob(sync);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("CRM down").send().join();
    awaitIncident(instanceKey);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("syncCrm", t -> t.zeebeJobType(sync))
                .serviceTask("after", t -> t.zeebeJobType(after))
                .endEvent()
                .done());

    // when
    client
        .newMigrateProcessInstanceCommand(instanceKey)
        .migrationPlan(v2)
        .addMappingInstruction("sync", "syncCrm")
        .send()
        .join();

    // then: the incident names the target; resolved, the job runs and the target's flow follows
    Incident incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).state(IncidentState.ACTIVE))
            .send()
            .join()
            .singleItem();
    assertThat(incident.getElementId()).isEqualTo("syncCrm");
    assertThat(incident.getProcessDefinitionKey()).isEqualTo(v2);
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob retried = awaitJob(sync);
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getElementId()).isEqualTo("syncCrm");
    client.newCompleteCommand(retried.getKey()).send().join();
    client.newCompleteCommand(awaitJob(after).getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldMigrateACallActivityWhoseCalledInstanceCompletesIntoTheTarget() {
    // given: the parent waits at a call activity; the called instance at a user task
    String parentId = unique("parent");
    String childId = unique("child");
    String after = unique("after");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .userTask("childTask", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long child = calledInstance(client, parentKey);
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(parentId)
                .startEvent()
                .callActivity("callChild", c -> c.zeebeProcessId(childId))
                .serviceTask("after", t -> t.zeebeJobType(after))
                .endEvent()
                .done());

    // when
    client
        .newMigrateProcessInstanceCommand(parentKey)
        .migrationPlan(v2)
        .addMappingInstruction("call", "callChild")
        .send()
        .join();

    // then: the called instance completes the migrated call activity, and the target goes on
    UserTask childTask = openTask(client, child);
    client.newCompleteUserTaskCommand(childTask.getUserTaskKey()).send().join();
    ActivatedJob next = awaitJob(after);
    assertThat(next.getProcessInstanceKey()).isEqualTo(parentKey);
    client.newCompleteCommand(next.getKey()).send().join();
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }
}
