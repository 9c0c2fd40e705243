package io.partnerflow.app.tasklist.notice;

import static io.partnerflow.app.support.StaffTestData.loginAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.StaffTestData;
import io.partnerflow.app.tasklist.TaskAssignments;
import io.partnerflow.app.tasklist.TaskFixtures;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Notices of tasks given to staff or overdue: outbox entries, the digest and the count. */
@PartnerflowTest
class StaffNoticesTest {

  @Autowired StaffNotices notices;
  @Autowired TaskAssignments assignments;
  @Autowired TaskNoticeSweep sweep;
  @Autowired TaskDigestJob digest;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService logins;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  private TaskFixtures fixtures;
  private String process;
  private String lead;
  private String manager;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new TaskFixtures(client);
    process = fixtures.deployReviewProcess("partner-managers,partner-manager-leads");
    lead = StaffTestData.teamLead(users);
    manager = StaffTestData.partnerManager(users);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldMailTheAssigneeInTheirLanguageAndCountTheTaskAsNew() throws Exception {
    // given: the manager last used the task list in Chinese
    loginAs(logins, manager);
    notices.listOpened(Locale.SIMPLIFIED_CHINESE);
    long task = fixtures.startAndAwaitTask(process, Map.of());

    // when
    loginAs(logins, lead);
    assignments.assign(task, manager);

    // then
    List<Map<String, Object>> sent = noticesAbout(task);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0))
        .containsEntry("template", "task-assigned")
        .containsEntry("locale", "zh-CN")
        .containsEntry("recipient_email", manager + "@staff.example");
    assertThat((String) sent.get(0).get("subject")).startsWith("您有新任务");
    loginAs(logins, manager);
    assertThat(notices.newTasks(99)).isEqualTo(1);

    // when: the manager opens the list
    notices.listOpened(Locale.SIMPLIFIED_CHINESE);

    // then
    assertThat(notices.newTasks(99)).isZero();
  }

  @Test
  void shouldSendNothingWhenTheUserTurnedNoticesOff() throws Exception {
    // given
    loginAs(logins, manager);
    notices.changeMode(NoticeMode.OFF, Locale.ENGLISH);
    long task = fixtures.startAndAwaitTask(process, Map.of());

    // when
    loginAs(logins, lead);
    assignments.assign(task, manager);

    // then: no e-mail, but the count still shows it
    assertThat(noticesAbout(task)).isEmpty();
    loginAs(logins, manager);
    assertThat(notices.mode()).isEqualTo(NoticeMode.OFF);
    assertThat(notices.newTasks(99)).isEqualTo(1);
  }

  @Test
  void shouldCapTheCount() throws Exception {
    // given
    long first = fixtures.startAndAwaitTask(process, Map.of());
    long second = fixtures.startAndAwaitTask(process, Map.of());
    long third = fixtures.startAndAwaitTask(process, Map.of());
    loginAs(logins, lead);
    for (long task : List.of(first, second, third)) {
      assignments.assign(task, manager);
    }

    // when
    loginAs(logins, manager);

    // then: up to cap + 1, which the badge shows as "cap+"
    assertThat(notices.newTasks(99)).isEqualTo(3);
    assertThat(notices.newTasks(2)).isEqualTo(3);
    assertThat(notices.newTasks(1)).isEqualTo(2);
  }

  @Test
  void shouldSendOneDigestListingTheDaysTasks() throws Exception {
    // given
    loginAs(logins, manager);
    notices.changeMode(NoticeMode.DAILY_DIGEST, Locale.ENGLISH);
    long first = fixtures.startAndAwaitTask(process, Map.of());
    long second = fixtures.startAndAwaitTask(process, Map.of());
    long third = fixtures.startAndAwaitTask(process, Map.of());
    loginAs(logins, lead);
    for (long task : List.of(first, second, third)) {
      assignments.assign(task, manager);
    }
    SecurityContextHolder.clearContext();

    // when
    digest.send();
    digest.send();

    // then: one e-mail with the three tasks, none per task
    assertThat(noticesAbout(first)).isEmpty();
    List<Map<String, Object>> digests =
        jdbc.sql(
                "select template, subject, body from app.notification_outbox"
                    + " where recipient_email = ? order by id")
            .param(manager + "@staff.example")
            .query()
            .listOfRows();
    assertThat(digests).hasSize(1);
    assertThat(digests.get(0)).containsEntry("template", "task-digest");
    assertThat((String) digests.get(0).get("subject")).isEqualTo("Your tasks today: 3");
    String body = (String) digests.get(0).get("body");
    for (long task : List.of(first, second, third)) {
      assertThat(body).contains("tasks/" + task);
    }
  }

  @Test
  void shouldNoticeTasksTheProcessAssignedAndTasksThatBecameOverdue() throws Exception {
    // given: a process that gives its task to the manager, already past due
    String processId = "notice-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("check")
                .name("Check " + processId)
                .zeebeUserTask()
                .zeebeAssignee(manager)
                .zeebeDueDate("=now() - duration(\"PT1M\")")
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    long task = fixtures.startAndAwaitTask(processId, Map.of());

    // when
    sweep.sweep();
    sweep.sweep();

    // then: one of each, whatever the number of sweeps
    assertThat(noticesAbout(task))
        .extracting(row -> row.get("template"))
        .containsExactlyInAnyOrder("task-assigned", "task-overdue");
  }

  private List<Map<String, Object>> noticesAbout(long task) {
    return jdbc.sql(
            "select template, locale, subject, recipient_email from app.notification_outbox"
                + " where reference_type = 'task' and reference_id = ? order by id")
        .param(String.valueOf(task))
        .query()
        .listOfRows();
  }
}
