package io.partnerflow.app.recruitment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.task.TaskForm;
import io.partnerflow.app.task.UserTaskReads;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The recruitment process as the intake sees it, through the Camunda client only: the start form of
 * the latest definition, starting an instance, and the applicant's {@code provide-information}
 * task.
 */
@Component
class RecruitmentProcess {

  static final String PROCESS_ID = "partner-recruitment";
  static final String INFORMATION_TASK = "provide-information";

  private final CamundaClient client;
  private final UserTaskReads tasks;
  private final ObjectMapper json;

  RecruitmentProcess(CamundaClient client, UserTaskReads tasks, ObjectMapper json) {
    this.client = client;
    this.tasks = tasks;
    this.json = json;
  }

  /** The start form JSON of the latest deployed version, empty when none is deployed. */
  Optional<String> latestStartForm() {
    List<ProcessDefinition> latest =
        client
            .newProcessDefinitionSearchRequest()
            .filter(filter -> filter.processDefinitionId(PROCESS_ID).isLatestVersion(true))
            .sort(sort -> sort.version().desc())
            .page(page -> page.limit(1))
            .send()
            .join()
            .items();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    try {
      Form form =
          client
              .newProcessDefinitionGetFormRequest(latest.get(0).getProcessDefinitionKey())
              .send()
              .join();
      return Optional.ofNullable(form).map(Form::getSchema).map(this::schemaText);
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 204) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Starts the latest version; returns the process instance key. */
  long start(Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * The instance already started for the application, if any: found by its {@code applicationId}
   * variable, so that a start whose instance was created but never recorded is not repeated.
   */
  Optional<Long> instanceOf(long applicationId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            filter ->
                filter
                    .processDefinitionId(PROCESS_ID)
                    .variables(Map.of("applicationId", applicationId)))
        .sort(sort -> sort.processInstanceKey().asc())
        .page(page -> page.limit(1))
        .send()
        .join()
        .items()
        .stream()
        .findFirst()
        .map(instance -> instance.getProcessInstanceKey());
  }

  /** The open {@code provide-information} task of the instance, if any. */
  Optional<UserTask> openInformationTask(long processInstanceKey) {
    return tasks.openTask(processInstanceKey, INFORMATION_TASK);
  }

  /** The task, empty when the engine does not know it. */
  Optional<UserTask> task(long userTaskKey) {
    return tasks.task(userTaskKey);
  }

  /** The form JSON linked to the task, empty when it has none. */
  Optional<String> taskForm(long userTaskKey) {
    return tasks.form(userTaskKey).map(TaskForm::schema);
  }

  Map<String, Object> taskVariables(long userTaskKey) {
    return tasks.variables(userTaskKey);
  }

  void complete(long userTaskKey, Map<String, Object> variables) {
    client.newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join();
  }

  private String schemaText(Object schema) {
    if (schema instanceof String text) {
      return text;
    }
    try {
      return json.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable form schema", e);
    }
  }
}
