package io.partnerflow.app.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * What the task list's filters offer to pick from by name: the deployed processes and, for one
 * process, its user tasks (from the latest version's model, read once per version).
 */
@Service
@Secured({"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL", "ROLE_ENABLEMENT"})
public class TaskFilterChoices {

  private final CamundaClient client;
  private final Map<Long, List<String>> userTasksByDefinition = new ConcurrentHashMap<>();

  TaskFilterChoices(CamundaClient client) {
    this.client = client;
  }

  /**
   * The ids of the deployed processes (one search; a process's model is read only once it is
   * picked, for its steps).
   */
  public List<String> processIds() {
    return latest().stream()
        .map(ProcessDefinition::getProcessDefinitionId)
        .distinct()
        .sorted()
        .toList();
  }

  /** The element ids of the process's user tasks, in the latest version; empty if unknown. */
  public List<String> stepIds(String processId) {
    if (processId == null) {
      return List.of();
    }
    return latest().stream()
        .filter(process -> processId.equals(process.getProcessDefinitionId()))
        .findFirst()
        .map(process -> userTasksOf(process.getProcessDefinitionKey()))
        .orElse(List.of());
  }

  private List<ProcessDefinition> latest() {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(filter -> filter.isLatestVersion(true))
        .page(page -> page.limit(1000))
        .send()
        .join()
        .items();
  }

  private List<String> userTasksOf(long definitionKey) {
    return userTasksByDefinition.computeIfAbsent(
        definitionKey,
        key -> {
          String xml = client.newProcessDefinitionGetXmlRequest(key).send().join();
          var model =
              Bpmn.readModelFromStream(
                  new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
          TreeSet<String> ids = new TreeSet<>();
          model.getModelElementsByType(UserTask.class).forEach(task -> ids.add(task.getId()));
          return List.copyOf(ids);
        });
  }
}
