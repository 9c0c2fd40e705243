package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskAccessTest {

  private final Set<String> managerGroups = Set.of("partner-managers");

  @Test
  void shouldLetGroupMembersWorkAndClaimUnassignedGroupTasks() {
    TaskSummary task = task(null, List.of("partner-managers"), List.of());

    assertThat(TaskAccess.mayWork("manager", managerGroups, task)).isTrue();
    assertThat(TaskAccess.mayClaim("manager", managerGroups, task)).isTrue();
  }

  @Test
  void shouldRefuseTasksOfOtherGroups() {
    TaskSummary task = task(null, List.of("legal"), List.of());

    assertThat(TaskAccess.mayWork("manager", managerGroups, task)).isFalse();
    assertThat(TaskAccess.mayClaim("manager", managerGroups, task)).isFalse();
  }

  @Test
  void shouldNotLetAGroupMemberClaimATaskSomeoneElseHolds() {
    TaskSummary task = task("lead", List.of("partner-managers"), List.of());

    assertThat(TaskAccess.mayWork("manager", managerGroups, task)).isTrue();
    assertThat(TaskAccess.mayClaim("manager", managerGroups, task)).isFalse();
  }

  @Test
  void shouldLetTheAssigneeAndCandidateUsersWork() {
    assertThat(
            TaskAccess.mayWork(
                "manager", managerGroups, task("manager", List.of("legal"), List.of())))
        .isTrue();
    assertThat(
            TaskAccess.mayWork("manager", managerGroups, task(null, List.of(), List.of("manager"))))
        .isTrue();
  }

  private static TaskSummary task(String assignee, List<String> groups, List<String> users) {
    return new TaskSummary(
        7,
        "Review application",
        "partner-recruitment",
        3,
        assignee,
        groups,
        users,
        Instant.EPOCH,
        null,
        50);
  }
}
