package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import io.partnerflow.engine.command.AssignUserTaskCommand;
import io.partnerflow.engine.command.CompleteUserTaskCommand;
import io.partnerflow.engine.command.UnassignUserTaskCommand;
import io.partnerflow.engine.command.UpdateUserTaskCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.FormRecord;
import io.partnerflow.engine.state.FormRepository;
import io.partnerflow.engine.state.LikePattern;
import io.partnerflow.engine.state.UserTaskQuery.Criterion;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import io.partnerflow.engine.state.UserTaskRepository.VisibleVariable;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /v2/user-tasks: get (the search is {@link UserTaskSearchEndpoint}), update, assign, unassign,
 * complete, the linked form and the variables the task sees.
 */
@RestController
@RequestMapping("/v2/user-tasks")
class UserTaskController {

  private final UserTaskRepository tasks;
  private final FormRepository forms;
  private final AssignUserTaskCommand assign;
  private final UnassignUserTaskCommand unassign;
  private final CompleteUserTaskCommand complete;
  private final UpdateUserTaskCommand update;
  private final UserTaskResults results;
  private final UserTaskTransitionWaits waits;

  UserTaskController(
      UserTaskRepository tasks,
      FormRepository forms,
      AssignUserTaskCommand assign,
      UnassignUserTaskCommand unassign,
      CompleteUserTaskCommand complete,
      UpdateUserTaskCommand update,
      UserTaskResults results,
      UserTaskTransitionWaits waits) {
    this.waits = waits;
    this.tasks = tasks;
    this.forms = forms;
    this.assign = assign;
    this.unassign = unassign;
    this.complete = complete;
    this.update = update;
    this.results = results;
  }

  @GetMapping("/{key}")
  UserTaskResult get(@PathVariable long key) {
    return results.toResult(find(key));
  }

  // with task listeners, the answer waits for them (UserTaskTransitionWaits)
  @PostMapping("/{key}/assignment")
  CompletableFuture<ResponseEntity<Void>> assign(
      @PathVariable long key, @RequestBody UserTaskAssignmentRequest body) {
    OptionalLong waiting =
        assign.execute(
            key,
            body.getAssignee(),
            body.getAllowOverride() == null || body.getAllowOverride(),
            body.getAction());
    return waits.answer(waiting.isPresent(), waiting.orElse(0), "ASSIGNING", "ASSIGN");
  }

  @DeleteMapping("/{key}/assignee")
  CompletableFuture<ResponseEntity<Void>> unassign(@PathVariable long key) {
    OptionalLong waiting = unassign.execute(key);
    return waits.answer(waiting.isPresent(), waiting.orElse(0), "ASSIGNING", "UNASSIGN");
  }

  /**
   * Due and follow-up date, candidates, priority; see {@link UserTaskUpdateRequests}. With updating
   * listeners, answered when they have run.
   */
  @PatchMapping("/{key}")
  CompletableFuture<ResponseEntity<Void>> update(
      @PathVariable long key, @RequestBody(required = false) JsonNode body) {
    String action = body != null && body.hasNonNull("action") ? body.get("action").asText() : null;
    OptionalLong waiting = update.execute(key, UserTaskUpdateRequests.changes(body), action);
    return waits.answer(waiting.isPresent(), waiting.orElse(0), "UPDATING", "UPDATE");
  }

  @PostMapping("/{key}/completion")
  CompletableFuture<ResponseEntity<Void>> complete(
      @PathVariable long key, @RequestBody(required = false) UserTaskCompletionRequest body) {
    OptionalLong waiting =
        complete.execute(
            key, body == null ? null : body.getVariables(), body == null ? null : body.getAction());
    return waits.answer(waiting.isPresent(), waiting.orElse(0), "COMPLETING", "COMPLETE");
  }

  /** The linked Camunda Form (the version linked when the task was created); 204 when none. */
  @GetMapping("/{key}/form")
  ResponseEntity<FormResult> form(@PathVariable long key) {
    UserTaskRecord task = find(key);
    if (task.formKey() == null) {
      return ResponseEntity.noContent().build();
    }
    FormRecord form =
        forms
            .findByKey(task.formKey())
            .orElseThrow(() -> EngineException.notFound("Form", task.formKey()));
    return ResponseEntity.ok(formResult(form));
  }

  /** The variables visible from the task's scope (inner scopes shadow outer ones). */
  @PostMapping("/{key}/variables/search")
  VariableSearchQueryResult variables(
      @PathVariable long key, @RequestBody(required = false) JsonNode body) {
    UserTaskRecord task = find(key);
    JsonNode filter = body == null ? null : body.get("filter");
    List<Criterion> nameCriteria =
        UserTaskSearchRequests.stringCriteria("name", filter == null ? null : filter.get("name"));
    SearchRequests.SortAndPage page = SearchRequests.sortAndPage(body);
    List<VisibleVariable> matching =
        tasks.visibleVariables(task.elementInstanceKey()).stream()
            .filter(v -> nameCriteria.stream().allMatch(c -> matches(c, v.name())))
            .toList();
    if (page.field() != null && !"name".equals(page.field()) && !"value".equals(page.field())) {
      throw EngineException.invalid(
          "Cannot sort task variables by '%s'; sortable are name, value".formatted(page.field()));
    }
    java.util.Comparator<VisibleVariable> order =
        "value".equals(page.field())
            ? java.util.Comparator.comparing(VisibleVariable::value)
            : java.util.Comparator.comparing(VisibleVariable::name);
    List<VariableSearchResult> items =
        matching.stream()
            .sorted(page.descending() ? order.reversed() : order)
            .skip(page.from())
            .limit(page.limit())
            .map(
                v ->
                    new VariableSearchResult()
                        .variableKey(Keys.format(v.key()))
                        .name(v.name())
                        .value(v.value())
                        .isTruncated(false)
                        .scopeKey(Keys.format(v.scopeKey()))
                        .processInstanceKey(Keys.format(v.processInstanceKey()))
                        .tenantId(task.tenantId()))
            .toList();
    return new VariableSearchQueryResult()
        .items(items)
        .page(
            new SearchQueryPageResponse()
                .totalItems((long) matching.size())
                .hasMoreTotalItems(false));
  }

  static FormResult formResult(FormRecord form) {
    return new FormResult()
        .formKey(Keys.format(form.key()))
        .formId(form.formId())
        .version((long) form.version())
        .schema(form.schemaJson())
        .tenantId(form.tenantId());
  }

  private UserTaskRecord find(long key) {
    return tasks.find(key).orElseThrow(() -> EngineException.notFound("User task", key));
  }

  private static boolean matches(Criterion c, String name) {
    List<Object> values = c.values();
    return switch (c.operator()) {
      case EQ -> name.equals(values.get(0));
      case NEQ -> !name.equals(values.get(0));
      case IN -> values.contains(name);
      case NOT_IN -> !values.contains(name);
      case EXISTS -> true;
      case NOT_EXISTS -> false;
      case LIKE -> LikePattern.toRegex(String.valueOf(values.get(0))).matcher(name).matches();
      default ->
          throw EngineException.invalid(
              "Filter operator %s is not supported for variable names".formatted(c.operator()));
    };
  }
}
