package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PortalRole;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Partner users and staff share the task list service; each sees and works only what is addressed
 * to them: partner A's tasks are not partner B's, a partner never works a staff task, staff never a
 * partner's.
 */
@PartnerflowTest
class PortalTaskAccessTest {

  @Autowired TaskListService tasks;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService userDetails;
  @Autowired UserAccountService accounts;
  @Autowired PartnerService partners;
  @Autowired InvitationService invitations;
  @Autowired PartnerMembership membership;

  private TaskFixtures fixtures;
  private long partnerA;
  private String userA;
  private String userB;

  @BeforeEach
  void setUp() {
    fixtures = new TaskFixtures(client);
    PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    partnerA =
        partners.create(
            PartnerTestData.newPartner(
                PartnerTestData.unique("Portal A"), PartnerType.RESELLER, PartnerTier.SILVER));
    long partnerB =
        partners.create(
            PartnerTestData.newPartner(
                PartnerTestData.unique("Portal B"), PartnerType.RESELLER, PartnerTier.SILVER));
    userA = invitations.invitePartnerUser(email("a"), "Ann A", partnerA).username();
    userB = invitations.invitePartnerUser(email("b"), "Bob B", partnerB).username();
    SecurityContextHolder.clearContext();
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldGiveTheInvitedContactTheOrganisationsGroupsAndStaffNone() {
    assertThat(membership.taskGroups(accounts.findByUsername(userA).orElseThrow()))
        .containsExactlyInAnyOrder(
            PartnerGroups.organisation(partnerA),
            PartnerGroups.signatories(partnerA),
            PartnerGroups.withRole(partnerA, PortalRole.MAIN_CONTACT));
    assertThat(membership.effectiveGroups(accounts.findByUsername(userA).orElseThrow()))
        .contains("partners", PartnerGroups.signatories(partnerA));
    assertThat(membership.taskGroups(accounts.findByUsername("manager").orElseThrow()))
        .containsExactly("partner-managers");
  }

  @Test
  void shouldListAndLetWorkThePartnersTaskOnlyToItsOwnOrganisation() throws Exception {
    // given: a task for partner A's signatories
    String processId = fixtures.deployReviewProcess(PartnerGroups.signatories(partnerA));
    long task = fixtures.startAndAwaitTask(processId, Map.of("fitScore", 93));
    TaskQuery thisProcess = query(TaskScope.MY_GROUPS, processId);

    // when / then: partner B neither finds nor opens, claims or completes it
    loginAs(userB);
    assertThat(tasks.search(thisProcess, 0, 50).items()).isEmpty();
    assertThatThrownBy(() -> tasks.get(task)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> tasks.claim(task)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> tasks.complete(task, Map.of("name", "Bob")))
        .isInstanceOf(AccessDeniedException.class);

    // nor does staff: the partner's group is nobody's on the staff side
    loginAs("manager");
    assertThat(tasks.search(thisProcess, 0, 50).items()).isEmpty();
    assertThatThrownBy(() -> tasks.get(task)).isInstanceOf(AccessDeniedException.class);
    loginAs("admin");
    assertThatThrownBy(() -> tasks.claim(task)).isInstanceOf(AccessDeniedException.class);

    // partner A finds it, sees no internal variable, claims and completes it
    loginAs(userA);
    assertThat(tasks.search(thisProcess, 0, 50).items())
        .extracting(TaskSummary::key)
        .containsExactly(task);
    assertThat(tasks.get(task).variables()).doesNotContainKey("fitScore");
    tasks.claim(task);
    assertThat(tasks.search(query(TaskScope.ASSIGNED_TO_ME, processId), 0, 50).items())
        .extracting(TaskSummary::key)
        .containsExactly(task);
    tasks.complete(task, Map.of("name", "Ann"));
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.COMPLETED);
  }

  @Test
  void shouldNeverLetAPartnerUserWorkAStaffTask() throws Exception {
    // given: a review task of the partner managers, claimed by one
    String processId = fixtures.deployReviewProcess("partner-managers");
    long task = fixtures.startAndAwaitTask(processId, Map.of());

    // when / then
    loginAs(userA);
    assertThat(tasks.search(query(TaskScope.MY_GROUPS, processId), 0, 50).items()).isEmpty();
    assertThatThrownBy(() -> tasks.get(task)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> tasks.claim(task)).isInstanceOf(AccessDeniedException.class);
    loginAs("manager");
    tasks.claim(task);
    loginAs(userA);
    assertThatThrownBy(() -> tasks.complete(task, Map.of("name", "Ann")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.CREATED);
  }

  @Test
  void shouldListATaskOfferedToThePartnerUserByName() throws Exception {
    // given
    String processId = "portal-offered-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("confirm")
                .zeebeUserTask()
                .zeebeCandidateUsers(userA)
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    long task = fixtures.startAndAwaitTask(processId, Map.of());

    // when / then
    loginAs(userA);
    assertThat(tasks.search(query(TaskScope.OFFERED_TO_ME, processId), 0, 50).items())
        .extracting(TaskSummary::key)
        .containsExactly(task);
    loginAs(userB);
    assertThat(tasks.search(query(TaskScope.OFFERED_TO_ME, processId), 0, 50).items()).isEmpty();
    assertThatThrownBy(() -> tasks.get(task)).isInstanceOf(AccessDeniedException.class);
  }

  private static TaskQuery query(TaskScope scope, String processId) {
    return new TaskQuery(scope, processId, DueFilter.ANY, null, TaskSort.DUE, false);
  }

  private static String email(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@portal.example";
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
