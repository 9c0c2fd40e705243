package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.SearchPage;
import io.partnerflow.engine.state.UserTaskQuery;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A user task and a page of the task list search as the REST API answers them. */
@Component
class UserTaskResults {

  private final UserTaskRepository tasks;
  private final JsonValues json;

  UserTaskResults(UserTaskRepository tasks, JsonValues json) {
    this.tasks = tasks;
    this.json = json;
  }

  UserTaskSearchQueryResult search(UserTaskQuery query) {
    SearchPage<UserTaskRecord> page = tasks.search(query);
    SearchQueryPageResponse pageResponse =
        new SearchQueryPageResponse()
            .totalItems(page.totalItems())
            .hasMoreTotalItems(page.hasMoreTotalItems());
    if (!page.items().isEmpty()) {
      pageResponse
          .startCursor(tasks.cursor(page.items().get(0), query.sortField()))
          .endCursor(tasks.cursor(page.items().get(page.items().size() - 1), query.sortField()));
    }
    return new UserTaskSearchQueryResult()
        .items(page.items().stream().map(this::toResult).toList())
        .page(pageResponse);
  }

  UserTaskResult toResult(UserTaskRecord t) {
    return new UserTaskResult()
        .userTaskKey(Keys.format(t.key()))
        .name(t.name())
        .state(UserTaskStateEnum.fromValue(t.state()))
        .assignee(t.assignee())
        .elementId(t.elementId())
        .elementInstanceKey(Keys.format(t.elementInstanceKey()))
        .candidateGroups(t.candidateGroups())
        .candidateUsers(t.candidateUsers())
        .processDefinitionId(t.bpmnProcessId())
        .processDefinitionKey(Keys.format(t.processDefinitionKey()))
        .processDefinitionVersion(t.processDefinitionVersion())
        .processName(t.processName())
        .processInstanceKey(Keys.format(t.processInstanceKey()))
        .creationDate(date(t.creationDate()))
        .completionDate(date(t.completionDate()))
        .dueDate(date(t.dueDate()))
        .followUpDate(date(t.followUpDate()))
        .priority(t.priority())
        .formKey(Keys.format(t.formKey()))
        .externalFormReference(t.externalFormReference())
        .customHeaders(headers(t.customHeadersJson()))
        .tenantId(t.tenantId());
  }

  /** Header values as text; most tasks have none, which needs no JSON parse. */
  private Map<String, String> headers(String customHeadersJson) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (customHeadersJson != null && !"{}".equals(customHeadersJson)) {
      json.readObject(customHeadersJson).forEach((k, v) -> headers.put(k, String.valueOf(v)));
    }
    return headers;
  }

  private static String date(OffsetDateTime date) {
    return date == null ? null : date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
