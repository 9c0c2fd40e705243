package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The inbox against the embedded engine, as different demo users. */
@PartnerflowTest
class TaskListServiceTest {

  @Autowired TaskListService tasks;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService users;

  private TaskFixtures fixtures;
  private String processId;

  @BeforeEach
  void deploy() throws Exception {
    fixtures = new TaskFixtures(client);
    processId = fixtures.deployReviewProcess("partner-managers");
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldListGroupTasksOnlyToMembersOfTheGroup() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of("companyName", "Northwind"));
    TaskQuery thisProcess =
        new TaskQuery(TaskScope.MY_GROUPS, processId, DueFilter.ANY, null, TaskSort.DUE, false);

    // when
    loginAs("manager");
    TaskPage managersView = tasks.search(thisProcess, 0, 50);
    loginAs("legal");
    TaskPage legalsView = tasks.search(thisProcess, 0, 50);

    // then
    assertThat(managersView.items()).extracting(TaskSummary::key).containsExactly(task);
    assertThat(managersView.total()).isEqualTo(1);
    assertThat(legalsView.items()).isEmpty();
    assertThatThrownBy(() -> tasks.get(task)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldClaimAndCompleteWithValuesCheckedAgainstTheForm() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");

    // when
    tasks.claim(task);
    TaskDetails claimed = tasks.get(task);

    // then
    assertThat(claimed.task().assignee()).isEqualTo("manager");
    assertThat(claimed.formSchema()).contains("\"name\"");
    assertThatThrownBy(() -> tasks.complete(task, Map.of("name", "Ada", "extra", "smuggled")))
        .isInstanceOf(InvalidSubmissionException.class);
    assertThatThrownBy(() -> tasks.complete(task, Map.of()))
        .isInstanceOf(InvalidSubmissionException.class);
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.CREATED);

    // when
    tasks.complete(task, Map.of("name", "Ada"));

    // then
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.COMPLETED);
  }

  @Test
  void shouldTellTheSecondUserThatTheTaskWasTakenMeanwhile() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");
    tasks.claim(task);
    tasks.complete(task, Map.of("name", "Ada"));

    // when / then: the lead opens it too late
    loginAs("lead");
    assertThatThrownBy(() -> tasks.claim(task))
        .isInstanceOfAny(TaskConflictException.class, AccessDeniedException.class);
  }

  @Test
  void shouldNotLetAnotherGroupMemberCompleteAClaimedTask() throws Exception {
    // given: the lead is a partner manager in another group; add a second manager-group task
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");
    tasks.claim(task);

    // when / then
    loginAs("legal");
    assertThatThrownBy(() -> tasks.complete(task, Map.of("name", "Eve")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.CREATED);
  }

  private void loginAs(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
