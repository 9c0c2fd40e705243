package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.InvalidSubmissionException;
import io.partnerflow.app.tasklist.TaskFixtures;
import io.partnerflow.app.tasklist.TaskListService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Claiming, handing back and completing a task each leave one entry, linked to the process. */
@PartnerflowTest
class TaskAuditTest {

  @Autowired TaskListService tasks;
  @Autowired AuditLog auditLog;
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
  void shouldRecordClaimUnclaimAndCompletionWithTheSubmittedData() throws Exception {
    // given: a task of a process that already has a partner
    long partnerId = AuditTestData.uniqueKey();
    long task = fixtures.startAndAwaitTask(processId, Map.of("partnerId", partnerId));
    loginAs("manager");

    // when
    tasks.claim(task);
    tasks.unclaim(task);
    tasks.claim(task);
    assertThatThrownBy(() -> tasks.complete(task, Map.of()))
        .isInstanceOf(InvalidSubmissionException.class);
    tasks.complete(task, Map.of("name", "Ada"));

    // then: one entry per action, newest first; the refused completion left none
    actAsAdmin();
    List<AuditEntry> entries =
        auditLog.find(AuditFilter.all().withSubject(AuditSubject.TASK, Long.toString(task)), 0, 10);
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditAction.TASK_COMPLETED,
            AuditAction.TASK_CLAIMED,
            AuditAction.TASK_UNCLAIMED,
            AuditAction.TASK_CLAIMED);
    assertThat(entries).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("manager"));
    assertThat(entries)
        .allSatisfy(entry -> assertThat(entry.subject().partnerId()).isEqualTo(partnerId));
    assertThat(entries)
        .allSatisfy(entry -> assertThat(entry.subject().processInstanceKey()).isNotNull());
    assertThat(entries.get(0).after())
        .isEqualTo("{\"name\": \"Ada\", \"completedBy\": \"manager\"}");
    assertThat(entries.get(1).after()).isEqualTo("\"manager\"");
    assertThat(entries.get(2).before()).isEqualTo("\"manager\"");
    assertThat(entries.get(2).after()).isNull();
    assertThat(auditLog.count(AuditFilter.all().withPartner(partnerId))).isEqualTo(4);
  }

  private void loginAs(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
