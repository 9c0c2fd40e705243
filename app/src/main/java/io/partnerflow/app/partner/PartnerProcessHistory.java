package io.partnerflow.app.partner;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.partnerflow.app.task.UserTaskReads;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The processes and tasks a partner went through, read from the engine through the Camunda client:
 * every instance that carries the partner's id, or the id of the application it came from.
 */
@Service
public class PartnerProcessHistory {

  /** Element types worth showing a person: the work done, not the plumbing of gateways. */
  private static final Set<ElementInstanceType> SHOWN =
      Set.of(
          ElementInstanceType.USER_TASK,
          ElementInstanceType.SERVICE_TASK,
          ElementInstanceType.BUSINESS_RULE_TASK,
          ElementInstanceType.START_EVENT,
          ElementInstanceType.END_EVENT,
          ElementInstanceType.BOUNDARY_EVENT);

  /** The candidate group of tasks meant for partner users (the portal). */
  static final String PARTNER_GROUP = "partners";

  private final CamundaClient client;
  private final UserTaskReads tasks;
  private final PartnerService partners;
  private final PartnerAccess access;

  PartnerProcessHistory(
      CamundaClient client, UserTaskReads tasks, PartnerService partners, PartnerAccess access) {
    this.client = client;
    this.tasks = tasks;
    this.partners = partners;
    this.access = access;
  }

  /**
   * The partner's process steps, oldest first. Staff see every step; a partner user only the tasks
   * meant for them (candidate group {@code partners} or assigned to them) — never the internal
   * steps such as scoring, screening or the review.
   *
   * @throws org.springframework.security.access.AccessDeniedException as {@link
   *     PartnerService#findById} does for a partner the user may not see
   */
  public List<ProcessStep> of(long partnerId) {
    Partner partner = partners.findById(partnerId).orElse(null);
    if (partner == null) {
      return List.of();
    }
    Set<Long> instances = new LinkedHashSet<>(instancesWith("partnerId", partnerId));
    if (partner.applicationId() != null) {
      instances.addAll(instancesWith("applicationId", partner.applicationId()));
    }
    PartnerAccess.Viewer viewer = access.viewer();
    return instances.stream()
        .flatMap(
            instance ->
                (viewer.seesAll() ? steps(instance) : ownTasks(instance, viewer.username()))
                    .stream())
        .sorted(Comparator.comparing(ProcessStep::startedAt))
        .toList();
  }

  private List<Long> instancesWith(String variable, long value) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            filter ->
                filter.variables(
                    List.of(match -> match.name(variable).value(String.valueOf(value)))))
        .send()
        .join()
        .items()
        .stream()
        .map(instance -> instance.getProcessInstanceKey())
        .toList();
  }

  private List<ProcessStep> steps(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(processInstanceKey))
        .page(page -> page.limit(500))
        .send()
        .join()
        .items()
        .stream()
        .filter(element -> SHOWN.contains(element.getType()))
        .filter(element -> element.getStartDate() != null)
        .map(PartnerProcessHistory::step)
        .toList();
  }

  private List<ProcessStep> ownTasks(long processInstanceKey, String username) {
    return tasks.tasksOf(processInstanceKey).stream()
        .filter(
            task ->
                username.equals(task.getAssignee())
                    || task.getCandidateGroups().contains(PARTNER_GROUP)
                    || task.getCandidateUsers().contains(username))
        .filter(task -> task.getCreationDate() != null)
        .map(
            task ->
                new ProcessStep(
                    task.getCreationDate().toInstant(),
                    task.getCompletionDate() == null ? null : task.getCompletionDate().toInstant(),
                    task.getBpmnProcessId(),
                    task.getElementId(),
                    task.getName() == null ? task.getElementId() : task.getName(),
                    ElementInstanceType.USER_TASK.name(),
                    switch (task.getState()) {
                      case COMPLETED -> "COMPLETED";
                      case CANCELED, FAILED -> "TERMINATED";
                      default -> "ACTIVE";
                    }))
        .toList();
  }

  private static ProcessStep step(ElementInstance element) {
    return new ProcessStep(
        element.getStartDate().toInstant(),
        element.getEndDate() == null ? null : element.getEndDate().toInstant(),
        element.getProcessDefinitionId(),
        element.getElementId(),
        element.getElementName() == null ? element.getElementId() : element.getElementName(),
        element.getType().name(),
        element.getState().name());
  }
}
