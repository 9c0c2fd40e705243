package io.partnerflow.app.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.search.sort.UserTaskSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * User-task reads through the Camunda client: one copy of the calls, of turning the engine's "no
 * such task" and "no form" answers into empty results, and of parsing variable values from JSON. No
 * access checks here (see the package description).
 */
@Component
public class UserTaskReads {

  /** The most tasks one process instance lists (the engine's page limit for a search). */
  public static final int PER_INSTANCE_LIMIT = 500;

  private final CamundaClient client;
  private final ObjectMapper json;

  UserTaskReads(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  /** The task, empty when the engine does not know it. */
  public Optional<UserTask> task(long userTaskKey) {
    try {
      return Optional.ofNullable(client.newUserTaskGetRequest(userTaskKey).send().join());
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The form linked to the task, empty when it has none. */
  public Optional<TaskForm> form(long userTaskKey) {
    try {
      Form form = client.newUserTaskGetFormRequest(userTaskKey).send().join();
      // without a form the engine answers 204, which the client turns into an empty Form
      if (form == null || form.getFormId() == null) {
        return Optional.empty();
      }
      return Optional.of(new TaskForm(form.getFormId(), schemaText(form.getSchema())));
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 204) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The variables the task sees, by name, values parsed from their JSON. */
  public Map<String, Object> variables(long userTaskKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Variable variable :
        client.newUserTaskVariableSearchRequest(userTaskKey).send().join().items()) {
      variables.put(variable.getName(), parse(variable.getValue()));
    }
    return variables;
  }

  /** The open task of an element in a process instance, if any. */
  public Optional<UserTask> openTask(long processInstanceKey, String elementId) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter ->
                filter
                    .processInstanceKey(processInstanceKey)
                    .elementId(elementId)
                    .state(UserTaskState.CREATED))
        .send()
        .join()
        .items()
        .stream()
        .findFirst();
  }

  /** Every task of a process instance, open or done, up to {@link #PER_INSTANCE_LIMIT}. */
  public List<UserTask> tasksOf(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(filter -> filter.processInstanceKey(processInstanceKey))
        .page(page -> page.limit(PER_INSTANCE_LIMIT))
        .send()
        .join()
        .items();
  }

  /** A page of the tasks matching the filter, in the given order. */
  public SearchResponse<UserTask> search(
      Consumer<UserTaskFilter> filter, Consumer<UserTaskSort> sort, int offset, int limit) {
    return client
        .newUserTaskSearchRequest()
        .filter(filter)
        .sort(sort)
        .page(page -> page.from(offset).limit(limit))
        .send()
        .join();
  }

  /** The first {@code limit} tasks matching the filter, without waiting for the answer. */
  public CompletableFuture<List<UserTask>> searchAsync(Consumer<UserTaskFilter> filter, int limit) {
    return client
        .newUserTaskSearchRequest()
        .filter(filter)
        .page(page -> page.limit(limit))
        .send()
        .toCompletableFuture()
        .thenApply(SearchResponse::items);
  }

  private String schemaText(Object schema) {
    if (schema == null || schema instanceof String) {
      return (String) schema;
    }
    try {
      return json.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable form schema", e);
    }
  }

  private Object parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }
}
