package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PATCH /v2/user-tasks/{key} through the client's {@code newUpdateUserTaskCommand}: what the change
 * set names changes, what it leaves out stays, the {@code clear...()} methods remove, and searches
 * see the result at once.
 */
class UserTaskUpdateTest extends EngineScenarioTest {

  private String group;

  private UserTask openTask() {
    group = unique("sales");
    String processId = unique("update");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t ->
                    t.zeebeUserTask()
                        .zeebeCandidateGroups(group)
                        .zeebeCandidateUsers("bob")
                        .zeebeDueDate("2026-05-01T09:00:00Z")
                        .zeebeFollowUpDate("2026-04-28T09:00:00Z")
                        .zeebeTaskPriority("40"))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey))
        .send()
        .join()
        .singleItem();
  }

  private UserTask get(long key) {
    return client.newUserTaskGetRequest(key).send().join();
  }

  private SearchResponse<UserTask> openTasksOf(String candidateGroup) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup(candidateGroup).state(UserTaskState.CREATED))
        .send()
        .join();
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

  @Test
  void shouldChangeScheduleAndPriorityAndLeaveTheRest() {
    // given
    UserTask task = openTask();

    // when
    client
        .newUpdateUserTaskCommand(task.getUserTaskKey())
        .dueDate("2026-06-15T17:00:00+02:00")
        .priority(90)
        .send()
        .join();

    // then
    UserTask updated = get(task.getUserTaskKey());
    assertThat(updated.getDueDate()).isEqualTo(OffsetDateTime.parse("2026-06-15T15:00:00Z"));
    assertThat(updated.getPriority()).isEqualTo(90);
    assertThat(updated.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2026-04-28T09:00:00Z"));
    assertThat(updated.getCandidateGroups()).containsExactly(group);
    assertThat(updated.getCandidateUsers()).containsExactly("bob");
    assertThat(updated.getState()).isEqualTo(UserTaskState.CREATED);
    // searches see the new values at once
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group).priority(90))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(task.getUserTaskKey());
  }

  @Test
  void shouldReplaceCandidatesAndKeepGroupSearchInStep() {
    // given
    UserTask task = openTask();
    String legal = unique("legal");

    // when
    client
        .newUpdateUserTaskCommand(task.getUserTaskKey())
        .candidateGroups(legal, "LEAD")
        .candidateUsers(List.of("carol", "dave"))
        .followUpDate("2026-05-02T08:30:00Z")
        .send()
        .join();

    // then
    UserTask updated = get(task.getUserTaskKey());
    assertThat(updated.getCandidateGroups()).containsExactly(legal, "LEAD");
    assertThat(updated.getCandidateUsers()).containsExactly("carol", "dave");
    assertThat(updated.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2026-05-02T08:30:00Z"));
    assertThat(updated.getPriority()).isEqualTo(40);
    // the old group's open tasks (counted on the open-group table) no longer hold it
    SearchResponse<UserTask> oldGroup = openTasksOf(group);
    assertThat(oldGroup.items()).isEmpty();
    assertThat(oldGroup.page().totalItems()).isZero();
    SearchResponse<UserTask> newGroup = openTasksOf(legal);
    assertThat(newGroup.items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(task.getUserTaskKey());
    assertThat(newGroup.page().totalItems()).isEqualTo(1);
  }

  @Test
  void shouldClearDatesAndCandidates() {
    // given
    UserTask task = openTask();

    // when
    client
        .newUpdateUserTaskCommand(task.getUserTaskKey())
        .clearDueDate()
        .clearFollowUpDate()
        .clearCandidateGroups()
        .clearCandidateUsers()
        .send()
        .join();

    // then
    UserTask updated = get(task.getUserTaskKey());
    assertThat(updated.getDueDate()).isNull();
    assertThat(updated.getFollowUpDate()).isNull();
    assertThat(updated.getCandidateGroups()).isEmpty();
    assertThat(updated.getCandidateUsers()).isEmpty();
    assertThat(updated.getPriority()).isEqualTo(40);
    assertThat(openTasksOf(group).page().totalItems()).isZero();
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.userTaskKey(task.getUserTaskKey()).dueDate(d -> d.exists(false)))
                .send()
                .join()
                .items())
        .hasSize(1);
  }

  @Test
  void shouldAcceptAnActionWithoutChanges() {
    // given
    UserTask task = openTask();

    // when
    client.newUpdateUserTaskCommand(task.getUserTaskKey()).action("escalate").send().join();

    // then
    UserTask unchanged = get(task.getUserTaskKey());
    assertThat(unchanged.getPriority()).isEqualTo(40);
    assertThat(unchanged.getCandidateGroups()).containsExactly(group);
  }

  @Test
  void shouldRejectInvalidChangesAndChangeNothing() {
    // given
    UserTask task = openTask();
    long key = task.getUserTaskKey();

    // then
    assertProblem(
        () -> client.newUpdateUserTaskCommand(key).priority(101).send().join(), 400, "[0,100]");
    assertProblem(
        () -> client.newUpdateUserTaskCommand(key).priority(-1).send().join(), 400, "[0,100]");
    assertProblem(
        () ->
            client
                .newUpdateUserTaskCommand(key)
                .candidateGroups("x")
                .dueDate("next Monday")
                .send()
                .join(),
        400,
        "'next Monday' cannot be parsed as a date");
    assertProblem(
        () -> client.newUpdateUserTaskCommand(key).followUpDate("2026-13-01").send().join(),
        400,
        "follow-up date");
    assertProblem(() -> client.newUpdateUserTaskCommand(key).send().join(), 400, "At least one of");
    // priority(null) is sent as "priority": null — no change, and there is no clear for it
    assertProblem(
        () -> client.newUpdateUserTaskCommand(key).priority(null).send().join(),
        400,
        "At least one of");
    UserTask unchanged = get(key);
    assertThat(unchanged.getPriority()).isEqualTo(40);
    assertThat(unchanged.getCandidateGroups()).containsExactly(group);
    assertThat(unchanged.getDueDate()).isEqualTo(OffsetDateTime.parse("2026-05-01T09:00:00Z"));
  }

  @Test
  void shouldAnswer404ForAnUnknownTask() {
    assertProblem(
        () -> client.newUpdateUserTaskCommand(2251799813999999L).priority(10).send().join(),
        404,
        "2251799813999999");
  }

  @Test
  void shouldAnswer409ForCompletedAndCanceledTasks() {
    // given
    UserTask completed = openTask();
    client.newCompleteUserTaskCommand(completed.getUserTaskKey()).send().join();
    UserTask canceled = openTask();
    client.newCancelInstanceCommand(canceled.getProcessInstanceKey()).send().join();

    // then
    assertProblem(
        () ->
            client.newUpdateUserTaskCommand(completed.getUserTaskKey()).priority(10).send().join(),
        409,
        "COMPLETED");
    assertProblem(
        () ->
            client.newUpdateUserTaskCommand(canceled.getUserTaskKey()).clearDueDate().send().join(),
        409,
        "CANCELED");
    assertThat(get(completed.getUserTaskKey()).getPriority()).isEqualTo(40);
    assertThat(get(canceled.getUserTaskKey()).getDueDate()).isNotNull();
  }
}
