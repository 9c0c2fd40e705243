package io.partnerflow.app.tasklist;

import static io.partnerflow.app.support.StaffTestData.loginAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.StaffTestData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Assigning to others, bulk actions and delegation, checked on the server per task. */
@PartnerflowTest
class TaskAssignmentsTest {

  private static final String MANAGERS = "partner-managers,partner-manager-leads";

  @Autowired TaskAssignments assignments;
  @Autowired BulkTaskOperations bulk;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService logins;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private TaskFixtures fixtures;
  private String managersProcess;
  private String lead;
  private String manager;
  private String otherManager;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new TaskFixtures(client);
    managersProcess = fixtures.deployReviewProcess(MANAGERS);
    lead = StaffTestData.teamLead(users);
    manager = StaffTestData.partnerManager(users);
    otherManager = StaffTestData.partnerManager(users);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldLetALeadAssignATaskToAColleagueWhoMayWorkIt() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(managersProcess, Map.of());
    loginAs(logins, lead);

    // when
    assignments.assign(task, manager);

    // then
    assertThat(engineTask(task).getAssignee()).isEqualTo(manager);
    assertThat(auditActions(task)).contains("TASK_ASSIGNED");
  }

  @Test
  void shouldRefuseAssigningToSomeoneWhoCannotWorkTheTask() throws Exception {
    // given: legal is in no candidate group of the task
    long task = fixtures.startAndAwaitTask(managersProcess, Map.of());
    loginAs(logins, lead);

    // when / then
    assertThatThrownBy(() -> assignments.assign(task, "legal"))
        .isInstanceOf(TaskActionRefusedException.class)
        .hasMessage("tasklist.refused.mayNotWork");
    assertThat(engineTask(task).getAssignee()).isNull();
  }

  @Test
  void shouldRefuseAnOrdinaryManagerAssigningOthers() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(managersProcess, Map.of());
    loginAs(logins, manager);

    // when / then
    assertThatThrownBy(() -> assignments.assign(task, otherManager))
        .isInstanceOf(TaskActionRefusedException.class)
        .hasMessage("tasklist.refused.notLead");
    assertThat(engineTask(task).getAssignee()).isNull();
  }

  @Test
  void shouldReportPerTaskWhenABulkAssignmentPartlyFails() throws Exception {
    // given: two tasks of the lead's groups and one of legal's, which the lead is not in
    long first = fixtures.startAndAwaitTask(managersProcess, Map.of());
    long second = fixtures.startAndAwaitTask(managersProcess, Map.of());
    String legalProcess = fixtures.deployProcessWithForm("legal", "modeling-smoke");
    long legals = fixtures.startAndAwaitTask(legalProcess, Map.of());
    loginAs(logins, lead);

    // when
    List<BulkOutcome> outcomes = bulk.assign(List.of(first, legals, second), manager);

    // then
    assertThat(outcomes)
        .extracting(BulkOutcome::taskKey, BulkOutcome::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, null),
            org.assertj.core.groups.Tuple.tuple(legals, "tasklist.refused.noSuchTask"),
            org.assertj.core.groups.Tuple.tuple(second, null));
    assertThat(engineTask(first).getAssignee()).isEqualTo(manager);
    assertThat(engineTask(second).getAssignee()).isEqualTo(manager);
    assertThat(engineTask(legals).getAssignee()).isNull();
  }

  @Test
  void shouldLetOrdinaryManagersHandBackOnlyTheirOwnTasks() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(managersProcess, Map.of());
    loginAs(logins, manager);
    assignments.claim(task);

    // when: a colleague tries, then the lead
    loginAs(logins, otherManager);
    List<BulkOutcome> colleague = bulk.unclaim(List.of(task));
    String afterColleague = engineTask(task).getAssignee();
    loginAs(logins, lead);
    List<BulkOutcome> byLead = bulk.unclaim(List.of(task));

    // then
    assertThat(colleague)
        .extracting(BulkOutcome::reason)
        .containsExactly("tasklist.refused.notYours");
    assertThat(afterColleague).isEqualTo(manager);
    assertThat(byLead).extracting(BulkOutcome::ok).containsExactly(true);
    assertThat(engineTask(task).getAssignee()).isNull();
  }

  @Test
  void shouldDelegateWithAReasonKeptInTheTasksHistory() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(managersProcess, Map.of());
    loginAs(logins, manager);
    assignments.claim(task);

    // when / then: a reason is required
    assertThatThrownBy(() -> assignments.delegate(task, otherManager, "  "))
        .isInstanceOf(TaskActionRefusedException.class)
        .hasMessage("tasklist.refused.reasonRequired");

    // when
    assignments.delegate(task, otherManager, "On leave from Monday");

    // then
    assertThat(engineTask(task).getAssignee()).isEqualTo(otherManager);
    String after =
        jdbc.sql(
                "select after::text from app.audit_log where subject_type = 'task'"
                    + " and subject_id = ? and action = 'TASK_DELEGATED'")
            .param(String.valueOf(task))
            .query(String.class)
            .single();
    assertThat(after).contains("On leave from Monday").contains(otherManager);
    // and the task's history shows it to whoever may work the task
    loginAs(logins, otherManager);
    assertThat(assignments.history(task))
        .extracting(entry -> entry.action().name())
        .containsSubsequence("TASK_DELEGATED", "TASK_CLAIMED");
    loginAs(logins, manager);
    // the one who delegated no longer holds it, so cannot delegate again
    assertThatThrownBy(() -> assignments.delegate(task, manager, "back"))
        .isInstanceOf(TaskActionRefusedException.class)
        .hasMessage("tasklist.refused.notYours");
  }

  @Test
  void shouldLetALeadChangeDueDateAndPriorityInBulk() throws Exception {
    // given
    long first = fixtures.startAndAwaitTask(managersProcess, Map.of());
    long second = fixtures.startAndAwaitTask(managersProcess, Map.of());
    LocalDate day = LocalDate.now(clock).plusDays(10);
    loginAs(logins, manager);
    List<BulkOutcome> byManager = bulk.changePriority(List.of(first), 90);
    loginAs(logins, lead);

    // when
    List<BulkOutcome> due = bulk.changeDue(List.of(first, second), day);
    List<BulkOutcome> priority = bulk.changePriority(List.of(first, second), 90);

    // then
    assertThat(byManager)
        .extracting(BulkOutcome::reason)
        .containsExactly("tasklist.refused.notLead");
    assertThat(due).allMatch(BulkOutcome::ok);
    assertThat(priority).allMatch(BulkOutcome::ok);
    assertThat(engineTask(second).getPriority()).isEqualTo(90);
    assertThat(engineTask(second).getDueDate().atZoneSameInstant(clock.getZone()).toLocalDate())
        .isEqualTo(day);
  }

  private UserTask engineTask(long key) {
    return client.newUserTaskGetRequest(key).send().join();
  }

  private List<String> auditActions(long task) {
    return jdbc.sql(
            "select action from app.audit_log where subject_type = 'task' and subject_id = ?")
        .param(String.valueOf(task))
        .query(String.class)
        .list();
  }
}
