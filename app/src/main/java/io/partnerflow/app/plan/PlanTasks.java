package io.partnerflow.app.plan;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The plan process's open user tasks in the engine: find, claim and complete them. */
@Component
class PlanTasks {

  private final CamundaClient client;
  private final PartnerMembership membership;

  PlanTasks(CamundaClient client, PartnerMembership membership) {
    this.client = client;
    this.membership = membership;
  }

  /** The open tasks of the plan's process instance. */
  List<UserTask> open(Long processInstanceKey) {
    if (processInstanceKey == null) {
      return List.of();
    }
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter -> filter.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send()
        .join()
        .items();
  }

  Optional<UserTask> open(Long processInstanceKey, PlanStep step) {
    return open(processInstanceKey).stream()
        .filter(task -> step.elementId().equals(task.getElementId()))
        .findFirst();
  }

  /**
   * Whether a partner user is a candidate of the task (staff are checked by {@link PlanAccess}).
   */
  boolean partnerUserMayWork(UserAccount user, UserTask task) {
    List<String> groups = task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups();
    List<String> users = task.getCandidateUsers() == null ? List.of() : task.getCandidateUsers();
    return user.username().equals(task.getAssignee())
        || users.contains(user.username())
        || !Collections.disjoint(membership.taskGroups(user), groups);
  }

  /**
   * Claims the task for the user (unless another holds it) and completes it in their name.
   *
   * @throws PlanRefusedException when somebody else holds the task or it changed meanwhile
   */
  void complete(UserTask task, String username, Map<String, Object> variables) {
    String assignee = task.getAssignee();
    try {
      if (assignee == null || assignee.isBlank()) {
        client
            .newAssignUserTaskCommand(task.getUserTaskKey())
            .assignee(username)
            .allowOverride(false)
            .send()
            .join();
      } else if (!assignee.equals(username)) {
        throw new PlanRefusedException("plan.error.claimedByOther");
      }
      client
          .newCompleteUserTaskCommand(task.getUserTaskKey())
          .variables(variables)
          .action(CompletionGuard.actionOf(username))
          .send()
          .join();
    } catch (ProblemException e) {
      throw new PlanRefusedException("plan.error.changedMeanwhile");
    }
  }

  long startProcess(long partnerId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PlanStep.PROCESS_ID)
        .latestVersion()
        .variables(Map.of("partnerId", partnerId))
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
