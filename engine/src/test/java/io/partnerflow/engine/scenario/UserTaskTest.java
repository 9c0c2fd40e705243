package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camunda user tasks (zeebe:userTask): lifecycle, assignment, completion, cancellation. */
class UserTaskTest extends EngineScenarioTest {

  private UserTask openTask(long processInstanceKey) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private UserTask get(long userTaskKey) {
    return client.newUserTaskGetRequest(userTaskKey).send().join();
  }

  private static void assertProblem(Runnable call, int status, String detailPart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(status);
              assertThat(e.details().getDetail()).contains(detailPart);
            });
  }

  private String simpleProcess() {
    String processId = unique("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .name("Partner review")
            .startEvent()
            .userTask("review", t -> t.name("Review application").zeebeUserTask())
            .endEvent()
            .done());
    return processId;
  }

  @Test
  void shouldCreateTaskAndContinueWhenCompleted() {
    // given
    String processId = simpleProcess();
    long instanceKey = start(processId, Map.of("partnerId", "p-7")).getProcessInstanceKey();

    // when
    UserTask task = openTask(instanceKey);

    // then
    assertThat(task.getName()).isEqualTo("Review application");
    assertThat(task.getElementId()).isEqualTo("review");
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getBpmnProcessId()).isEqualTo(processId);
    assertThat(task.getProcessName()).isEqualTo("Partner review");
    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getCandidateGroups()).isEmpty();
    assertThat(task.getCreationDate()).isNotNull();
    assertThat(task.getCompletionDate()).isNull();
    assertThat(task.getFormKey()).isNull();
    assertThat(task.getElementInstanceKey()).isPositive();
    assertThat(instance(instanceKey).getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();

    // then
    UserTask completed = get(task.getUserTaskKey());
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getCompletionDate()).isNotNull();
    assertThat(instance(instanceKey).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldAssignStaticAssigneeAndCandidates() {
    // given
    String processId = unique("static-assignment");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.zeebeUserTask()
                        .zeebeAssignee("alice")
                        .zeebeCandidateGroups("PARTNER_MANAGER, LEGAL")
                        .zeebeCandidateUsers("bob,carol"))
            .endEvent()
            .done());

    // when
    UserTask task = openTask(start(processId, Map.of()).getProcessInstanceKey());

    // then
    assertThat(task.getAssignee()).isEqualTo("alice");
    assertThat(task.getCandidateGroups()).containsExactly("PARTNER_MANAGER", "LEGAL");
    assertThat(task.getCandidateUsers()).containsExactly("bob", "carol");
  }

  @Test
  void shouldEvaluateFeelAssignmentScheduleAndPriority() {
    // given
    String processId = unique("feel-assignment");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.zeebeUserTask()
                        .zeebeAssigneeExpression("owner")
                        .zeebeCandidateGroupsExpression("groups")
                        .zeebeCandidateUsersExpression("\"dave\"")
                        .zeebeDueDateExpression("due")
                        .zeebeFollowUpDateExpression("date and time(due) - duration(\"P1D\")")
                        .zeebeTaskPriorityExpression("score * 10"))
            .endEvent()
            .done());

    // when
    UserTask task =
        openTask(
            start(
                    processId,
                    Map.of(
                        "owner",
                        "erin",
                        "groups",
                        List.of("ENABLEMENT", "ADMIN"),
                        "due",
                        "2030-05-01T12:00:00+02:00",
                        "score",
                        7))
                .getProcessInstanceKey());

    // then
    assertThat(task.getAssignee()).isEqualTo("erin");
    assertThat(task.getCandidateGroups()).containsExactly("ENABLEMENT", "ADMIN");
    assertThat(task.getCandidateUsers()).containsExactly("dave");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-05-01T12:00:00+02:00"));
    assertThat(task.getFollowUpDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2030-04-30T10:00:00Z").toInstant());
    assertThat(task.getPriority()).isEqualTo(70);
  }

  @Test
  void shouldTakeStaticDatesAndPriority() {
    // given
    String processId = unique("static-schedule");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.zeebeUserTask()
                        .zeebeDueDate("2031-01-15T09:30:00Z")
                        .zeebeFollowUpDate("2031-01-10T09:30:00Z")
                        .zeebeTaskPriority("85")
                        .zeebeTaskHeader("channel", "portal"))
            .endEvent()
            .done());

    // when
    UserTask task = openTask(start(processId, Map.of()).getProcessInstanceKey());

    // then
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2031-01-15T09:30:00Z"));
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2031-01-10T09:30:00Z"));
    assertThat(task.getPriority()).isEqualTo(85);
    assertThat(task.getCustomHeaders()).containsEntry("channel", "portal");
  }

  @Test
  void shouldAnswerASearchItemWithTheSameContentAsTheTaskItself() {
    // given: every attribute set, and a task without headers beside it
    String processId = unique("search-item");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.name("Approve")
                        .zeebeUserTask()
                        .zeebeAssignee("alice")
                        .zeebeCandidateGroups("legal, sales")
                        .zeebeCandidateUsers("bob")
                        .zeebeDueDate("2031-01-15T09:30:00+02:00")
                        .zeebeFollowUpDate("2031-01-10T09:30:00Z")
                        .zeebeTaskPriority("85")
                        .zeebeTaskHeader("channel", "portal")
                        .zeebeTaskHeader("weight", "3"))
            .userTask("plain", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();

    // when
    UserTask found = openTask(instanceKey);
    UserTask foundItself = get(found.getUserTaskKey());
    client.newCompleteUserTaskCommand(found.getUserTaskKey()).send().join();
    UserTask plain = openTask(instanceKey);

    // then
    assertThat(found).usingRecursiveComparison().isEqualTo(foundItself);
    // headers are a map: PostgreSQL's jsonb keeps its own key order, and Camunda promises none
    assertThat(found.getCustomHeaders())
        .containsOnly(Map.entry("channel", "portal"), Map.entry("weight", "3"));
    assertThat(found.getCandidateGroups()).containsExactly("legal", "sales");
    assertThat(found.getDueDate()).isEqualTo(OffsetDateTime.parse("2031-01-15T09:30:00+02:00"));
    assertThat(plain).usingRecursiveComparison().isEqualTo(get(plain.getUserTaskKey()));
    assertThat(plain.getCustomHeaders()).isEmpty();
    assertThat(plain.getDueDate()).isNull();
  }

  @Test
  void shouldRaiseIncidentWhenPriorityIsOutOfRange() {
    // given
    String processId = unique("bad-priority");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("approve", t -> t.zeebeUserTask().zeebeTaskPriorityExpression("p"))
            .endEvent()
            .done());

    // when
    long instanceKey = start(processId, Map.of("p", 250)).getProcessInstanceKey();

    // then: no task, an incident instead
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
  void shouldRejectOverridingAnotherAssigneeUnlessAllowed() {
    // given
    long taskKey =
        openTask(start(simpleProcess(), Map.of()).getProcessInstanceKey()).getUserTaskKey();
    client.newAssignUserTaskCommand(taskKey).assignee("alice").send().join();

    // when / then: someone else without override
    assertProblem(
        () ->
            client
                .newAssignUserTaskCommand(taskKey)
                .assignee("bob")
                .allowOverride(false)
                .send()
                .join(),
        409,
        "already assigned to 'alice'");
    assertThat(get(taskKey).getAssignee()).isEqualTo("alice");

    // the same assignee again is fine, and override reassigns
    client.newAssignUserTaskCommand(taskKey).assignee("alice").allowOverride(false).send().join();
    client.newAssignUserTaskCommand(taskKey).assignee("bob").allowOverride(true).send().join();
    assertThat(get(taskKey).getAssignee()).isEqualTo("bob");

    // without allowOverride the client sends none: Camunda's default reassigns
    client.newAssignUserTaskCommand(taskKey).assignee("carol").action("claim").send().join();
    assertThat(get(taskKey).getAssignee()).isEqualTo("carol");
  }

  @Test
  void shouldUnassign() {
    // given
    long taskKey =
        openTask(start(simpleProcess(), Map.of()).getProcessInstanceKey()).getUserTaskKey();
    client.newAssignUserTaskCommand(taskKey).assignee("alice").send().join();

    // when
    client.newUnassignUserTaskCommand(taskKey).send().join();

    // then: nobody, and a new assignee needs no override
    assertThat(get(taskKey).getAssignee()).isNull();
    client.newAssignUserTaskCommand(taskKey).assignee("bob").allowOverride(false).send().join();
    assertThat(get(taskKey).getAssignee()).isEqualTo("bob");
  }

  @Test
  void shouldMergeCompletionVariablesThroughOutputMappings() {
    // given
    String processId = unique("decide");
    String type = unique("after-review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t ->
                    t.zeebeUserTask()
                        .zeebeInputExpression("partner.name", "partnerName")
                        .zeebeOutputExpression("approved", "reviewApproved")
                        .zeebeOutputExpression("partnerName + \" reviewed\"", "summary"))
            .serviceTask("next", s -> s.zeebeJobType(type))
            .endEvent()
            .done());
    long instanceKey =
        start(processId, Map.of("partner", Map.of("name", "Acme"))).getProcessInstanceKey();
    UserTask task = openTask(instanceKey);

    // the task sees its input mapping and the process variables
    List<Variable> visible =
        client.newUserTaskVariableSearchRequest(task.getUserTaskKey()).send().join().items();
    assertThat(visible)
        .extracting(Variable::getName)
        .containsExactlyInAnyOrder("partnerName", "partner");
    List<Variable> byName =
        client
            .newUserTaskVariableSearchRequest(task.getUserTaskKey())
            .filter(f -> f.name("partnerName"))
            .send()
            .join()
            .items();
    assertThat(byName).hasSize(1);
    assertThat(byName.get(0).getValue()).isEqualTo("\"Acme\"");
    assertThat(byName.get(0).getScopeKey()).isEqualTo(task.getElementInstanceKey());

    // when
    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("approved", true, "comment", "looks good"))
        .send()
        .join();

    // then: the output mappings decide what reaches the process; the locals stay local
    var jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    Map<String, Object> variables = jobs.get(0).getVariablesAsMap();
    assertThat(variables)
        .containsEntry("reviewApproved", true)
        .containsEntry("summary", "Acme reviewed")
        .doesNotContainKey("approved")
        .doesNotContainKey("comment")
        .doesNotContainKey("partnerName");
  }

  @Test
  void shouldPropagateCompletionVariablesWithoutOutputMappings() {
    // given
    String processId = unique("propagate");
    String type = unique("after");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .serviceTask("next", s -> s.zeebeJobType(type))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client
        .newCompleteUserTaskCommand(openTask(instanceKey).getUserTaskKey())
        .variables(Map.of("decision", "approve"))
        .send()
        .join();

    // then
    var jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs.get(0).getVariablesAsMap()).containsEntry("decision", "approve");
  }

  @Test
  void shouldRejectSecondCompletion() {
    // given
    long taskKey =
        openTask(start(simpleProcess(), Map.of()).getProcessInstanceKey()).getUserTaskKey();
    client.newCompleteUserTaskCommand(taskKey).send().join();

    // when / then
    assertProblem(() -> client.newCompleteUserTaskCommand(taskKey).send().join(), 409, "COMPLETED");
    assertProblem(
        () -> client.newAssignUserTaskCommand(taskKey).assignee("x").send().join(),
        409,
        "COMPLETED");
    assertProblem(() -> client.newUnassignUserTaskCommand(taskKey).send().join(), 409, "COMPLETED");
  }

  @Test
  void shouldAnswer404ForUnknownTasks() {
    long unknown = 2251799813685248L;
    assertProblem(() -> client.newUserTaskGetRequest(unknown).send().join(), 404, "not found");
    assertProblem(() -> client.newCompleteUserTaskCommand(unknown).send().join(), 404, "not found");
    assertProblem(
        () -> client.newAssignUserTaskCommand(unknown).assignee("a").send().join(),
        404,
        "not found");
    assertProblem(() -> client.newUnassignUserTaskCommand(unknown).send().join(), 404, "not found");
    assertProblem(() -> client.newUserTaskGetFormRequest(unknown).send().join(), 404, "not found");
    assertProblem(
        () -> client.newUserTaskVariableSearchRequest(unknown).send().join(), 404, "not found");
  }

  @Test
  void shouldCancelOpenTaskWhenInstanceIsCancelled() {
    // given
    long instanceKey = start(simpleProcess(), Map.of()).getProcessInstanceKey();
    long taskKey = openTask(instanceKey).getUserTaskKey();

    // when
    client.newCancelInstanceCommand(instanceKey).send().join();

    // then
    UserTask task = get(taskKey);
    assertThat(task.getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(task.getCompletionDate()).isNotNull();
    assertProblem(() -> client.newCompleteUserTaskCommand(taskKey).send().join(), 409, "CANCELED");
  }

  @Test
  void shouldRejectJobBasedUserTaskAtDeployment() {
    // given: a user task without zeebe:userTask (Camunda's job-worker based user task)
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("job-based"))
            .startEvent()
            .userTask("legacy", t -> t.name("Legacy task"))
            .endEvent()
            .done();

    // when / then
    assertProblem(() -> deploy(model), 400, "'legacy'");
    assertProblem(() -> deploy(model), 400, "job-based user task");
    assertProblem(() -> deploy(model), 400, "zeebe:userTask");
  }
}
