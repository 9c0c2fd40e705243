package io.partnerflow.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.UserTaskQuery.Criterion;
import io.partnerflow.engine.state.UserTaskQuery.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The user tasks and the task list search over them. */
@EngineRepository
public class UserTaskRepository {

  private static final String COLUMNS =
      "key, state, element_id, element_instance_key, process_instance_key,"
          + " process_definition_key, bpmn_process_id, process_definition_version, process_name,"
          + " name, assignee, candidate_groups, candidate_users, creation_date, completion_date,"
          + " due_date, follow_up_date, priority, form_key, form_id, form_version,"
          + " external_form_reference, custom_headers, tenant_id";

  private final JdbcClient jdbc;
  private final SearchProperties searchProperties;
  private final OpenGroupCounts openGroupCounts;
  private final ObjectMapper mapper = new ObjectMapper();

  public UserTaskRepository(
      JdbcClient jdbc, SearchProperties searchProperties, OpenGroupCounts openGroupCounts) {
    this.jdbc = jdbc;
    this.searchProperties = searchProperties;
    this.openGroupCounts = openGroupCounts;
  }

  public void insert(UserTaskRecord t) {
    jdbc.sql(
            "INSERT INTO engine.user_task ("
                + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,CAST(? AS text[]),CAST(? AS text[]),"
                + "?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            t.key(),
            t.state(),
            t.elementId(),
            t.elementInstanceKey(),
            t.processInstanceKey(),
            t.processDefinitionKey(),
            t.bpmnProcessId(),
            t.processDefinitionVersion(),
            t.processName(),
            t.name(),
            t.assignee(),
            arrayLiteral(t.candidateGroups()),
            arrayLiteral(t.candidateUsers()),
            t.creationDate(),
            t.completionDate(),
            t.dueDate(),
            t.followUpDate(),
            t.priority(),
            t.formKey(),
            t.formId(),
            t.formVersion(),
            t.externalFormReference(),
            t.customHeadersJson(),
            t.tenantId())
        .update();
    if (t.isOpen() && !t.candidateGroups().isEmpty()) {
      jdbc.sql(
              "INSERT INTO engine.user_task_open_group (group_name, task_key)"
                  + " SELECT DISTINCT unnest(CAST(? AS text[])), ?")
          .params(arrayLiteral(t.candidateGroups()), t.key())
          .update();
      openGroupCounts.change(
          t.bpmnProcessId(), t.candidateGroups().stream().distinct().toList(), t.key(), 1);
    }
  }

  public Optional<UserTaskRecord> find(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.user_task WHERE key = ?")
        .param(key)
        .query(UserTaskRepository::map)
        .optional();
  }

  /** Row lock on one task; callers hold the process instance lock first (the engine's order). */
  public void lock(long key) {
    jdbc.sql("SELECT key FROM engine.user_task WHERE key = ? FOR UPDATE")
        .param(key)
        .query()
        .listOfRows();
  }

  public void setAssignee(long key, String assignee) {
    jdbc.sql("UPDATE engine.user_task SET assignee = ? WHERE key = ?")
        .params(assignee, key)
        .update();
  }

  /** PATCH of an open task: the attributes a user may change after creation. */
  public void updateAttributes(
      long key,
      OffsetDateTime dueDate,
      OffsetDateTime followUpDate,
      List<String> candidateGroups,
      List<String> candidateUsers,
      int priority) {
    jdbc.sql(
            "UPDATE engine.user_task SET due_date = ?, follow_up_date = ?,"
                + " candidate_groups = CAST(? AS text[]), candidate_users = CAST(? AS text[]),"
                + " priority = ? WHERE key = ?")
        .params(
            dueDate,
            followUpDate,
            arrayLiteral(candidateGroups),
            arrayLiteral(candidateUsers),
            priority,
            key)
        .update();
  }

  /**
   * Keeps the open-group table in step when an open task's candidate groups change (deleted by
   * primary key: the table has no index on the task alone).
   */
  public void replaceOpenGroups(
      long key, List<String> previousGroups, List<String> candidateGroups) {
    String processId =
        jdbc.sql("SELECT bpmn_process_id FROM engine.user_task WHERE key = ?")
            .param(key)
            .query(String.class)
            .single();
    List<String> left =
        jdbc.sql(
                "DELETE FROM engine.user_task_open_group"
                    + " WHERE group_name = ANY (CAST(? AS text[])) AND task_key = ?"
                    + " RETURNING group_name")
            .params(arrayLiteral(previousGroups), key)
            .query(String.class)
            .list();
    openGroupCounts.change(processId, left, key, -1);
    if (!candidateGroups.isEmpty()) {
      jdbc.sql(
              "INSERT INTO engine.user_task_open_group (group_name, task_key)"
                  + " SELECT DISTINCT unnest(CAST(? AS text[])), ?")
          .params(arrayLiteral(candidateGroups), key)
          .update();
      openGroupCounts.change(processId, candidateGroups.stream().distinct().toList(), key, 1);
    }
  }

  public void end(long key, String state, OffsetDateTime completionDate) {
    jdbc.sql(
            "DELETE FROM engine.user_task_open_group g USING engine.user_task t"
                + " WHERE t.key = ? AND g.task_key = t.key"
                + " AND g.group_name = ANY (t.candidate_groups)"
                + " RETURNING g.group_name, t.bpmn_process_id")
        .param(key)
        .query(
            (rs, row) -> {
              openGroupCounts.change(
                  rs.getString("bpmn_process_id"), List.of(rs.getString("group_name")), key, -1);
              return row;
            })
        .list();
    jdbc.sql("UPDATE engine.user_task SET state = ?, completion_date = ? WHERE key = ?")
        .params(state, completionDate, key)
        .update();
  }

  /** The element instance was terminated: its open task is canceled. */
  public void cancelOpenForElement(long elementInstanceKey, OffsetDateTime now) {
    jdbc.sql(
            "DELETE FROM engine.user_task_open_group g USING engine.user_task t"
                + " WHERE t.element_instance_key = ? AND t.state = 'CREATED'"
                + " AND g.task_key = t.key AND g.group_name = ANY (t.candidate_groups)"
                + " RETURNING g.group_name, g.task_key, t.bpmn_process_id")
        .param(elementInstanceKey)
        .query(
            (rs, row) -> {
              openGroupCounts.change(
                  rs.getString("bpmn_process_id"),
                  List.of(rs.getString("group_name")),
                  rs.getLong("task_key"),
                  -1);
              return row;
            })
        .list();
    jdbc.sql(
            "UPDATE engine.user_task SET state = 'CANCELED', completion_date = ?"
                + " WHERE element_instance_key = ? AND state = 'CREATED'")
        .params(now, elementInstanceKey)
        .update();
  }

  /** A variable as a task sees it: the innermost of each name along the task's scope chain. */
  public record VisibleVariable(
      long key, String name, String value, long scopeKey, long processInstanceKey) {}

  /** The variables visible from the task's element instance, inner scopes shadowing outer ones. */
  public List<VisibleVariable> visibleVariables(long elementInstanceKey) {
    return jdbc.sql(
            // lookups by key only, as in VariableRepository#findVisibleForAll (whose comment says
            // why): no cached generic plan that scans element_instance and variable whole
            "WITH RECURSIVE chain (key, flow_scope_key, depth) AS ("
                + " SELECT key, flow_scope_key, 0 FROM engine.element_instance WHERE key = ?"
                + " UNION ALL SELECT s.key, s.flow_scope_key, c.depth + 1 FROM chain c"
                + " CROSS JOIN LATERAL (SELECT e.key, e.flow_scope_key"
                + " FROM engine.element_instance e WHERE e.key = c.flow_scope_key OFFSET 0) s)"
                + " SELECT DISTINCT ON (v.name) v.key, v.name, v.value, v.scope_key,"
                + " v.process_instance_key FROM chain c CROSS JOIN LATERAL (SELECT x.key, x.name,"
                + " x.value, x.scope_key, x.process_instance_key FROM engine.variable x"
                + " WHERE x.scope_key = c.key OFFSET 0) v ORDER BY v.name, c.depth")
        .param(elementInstanceKey)
        .query(
            (rs, row) ->
                new VisibleVariable(
                    rs.getLong("key"),
                    rs.getString("name"),
                    rs.getString("value"),
                    rs.getLong("scope_key"),
                    rs.getLong("process_instance_key")))
        .list();
  }

  /**
   * One page of matching tasks and the number of matches over all pages, counted up to {@link
   * SearchProperties#getMaxTotalHits()} (beyond it the page says {@code hasMoreTotalItems}); not
   * counted at all when the page itself shows the total (a short page of an offset search). Plans
   * are made for the actual values (custom plans): a generic plan of a prepared statement does not
   * know how many tasks a candidate group has and would fetch and sort all of them instead of
   * walking the due date index to the first page.
   */
  @Transactional(readOnly = true)
  public SearchPage<UserTaskRecord> search(UserTaskQuery q) {
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" WHERE true");
    int i = 0;
    for (Criterion criterion : q.criteria()) {
      where.append(" AND ").append(condition(criterion, "p" + i++, params));
    }
    Map<String, Object> countParams = new LinkedHashMap<>(params);
    String column = q.sortField() == null ? "key" : q.sortField().column();
    boolean descending = q.descending();
    boolean backwards = q.before() != null;
    StringBuilder pageWhere = new StringBuilder(where);
    if (q.after() != null || q.before() != null) {
      Cursor cursor = Cursor.decode(backwards ? q.before() : q.after(), q.sortField());
      params.put("cursorValue", cursor.value());
      params.put("cursorKey", cursor.key());
      // forward: rows after the cursor in the page order; backwards: rows before it
      boolean greater = descending == backwards;
      String cmp = greater ? ">" : "<";
      if (!backwards) {
        pageWhere.append(
            cursor.value() == null
                ? " AND %s IS NULL AND key %s :cursorKey".formatted(column, cmp)
                : (" AND (%1$s IS NULL OR %1$s %2$s :cursorValue"
                        + " OR (%1$s = :cursorValue AND key %2$s :cursorKey))")
                    .formatted(column, cmp));
      } else {
        pageWhere.append(
            cursor.value() == null
                ? " AND (%1$s IS NOT NULL OR key %2$s :cursorKey)".formatted(column, cmp)
                : (" AND %1$s IS NOT NULL AND (%1$s %2$s :cursorValue"
                        + " OR (%1$s = :cursorValue AND key %2$s :cursorKey))")
                    .formatted(column, cmp));
      }
    }
    String direction = descending == backwards ? "ASC" : "DESC";
    String nulls = backwards ? "NULLS FIRST" : "NULLS LAST";
    String order = " ORDER BY %s %s %s, key %s".formatted(column, direction, nulls, direction);
    params.put("limit", q.limit());
    params.put("offset", q.after() != null || q.before() != null ? 0 : q.from());
    List<UserTaskRecord> items =
        new ArrayList<>(
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM engine.user_task"
                        + pageWhere
                        + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(UserTaskRepository::map)
                .list());
    if (backwards) {
      Collections.reverse(items);
    }
    int cap = searchProperties.getMaxTotalHits();
    boolean offsetPaged = q.after() == null && q.before() == null;
    long counted =
        offsetPaged && items.size() < q.limit() && (!items.isEmpty() || q.from() == 0)
            ? q.from() + items.size()
            : openGroupCount(q.criteria(), cap + 1)
                .orElseGet(() -> count(where.toString(), countParams, cap + 1));
    return counted > cap ? new SearchPage<>(items, cap, true) : new SearchPage<>(items, counted);
  }

  /** The matches, counted up to {@code limit}. */
  private long count(String where, Map<String, Object> params, int limit) {
    params.put("countLimit", limit);
    return jdbc.sql(
            "SELECT count(*) FROM (SELECT 1 FROM engine.user_task"
                + where
                + " LIMIT :countLimit) matches")
        .params(params)
        .query(Long.class)
        .single();
  }

  /**
   * The task list's usual question, "open tasks of group X (or of any of X, Y)", optionally "of
   * process P": of one group (of one process) from its counters, of several groups of all processes
   * counted on the narrow open-group table (up to {@code limit}); empty for any other combination
   * of criteria.
   */
  private Optional<Long> openGroupCount(List<Criterion> criteria, int limit) {
    List<Object> groups = null;
    Object processId = null;
    boolean onlyOpen = false;
    for (Criterion c : criteria) {
      boolean eqOrIn =
          c.operator() == UserTaskQuery.Operator.EQ || c.operator() == UserTaskQuery.Operator.IN;
      if (c.field() == Field.CANDIDATE_GROUP && eqOrIn && groups == null) {
        groups = c.values();
      } else if (c.field() == Field.BPMN_PROCESS_ID
          && c.operator() == UserTaskQuery.Operator.EQ
          && processId == null) {
        processId = c.values().get(0);
      } else if (c.field() == Field.STATE
          && eqOrIn
          && c.values().stream().allMatch(UserTaskRecord.CREATED::equals)) {
        onlyOpen = true;
      } else {
        return Optional.empty();
      }
    }
    if (groups == null || !onlyOpen) {
      return Optional.empty();
    }
    if (groups.size() == 1) {
      // one group (of one process): the counters (OpenGroupCounts), a sum over a few rows whatever
      // the group's size
      String group = String.valueOf(groups.get(0));
      return Optional.of(
          processId == null
              ? openGroupCounts.count(group)
              : openGroupCounts.count(String.valueOf(processId), group));
    }
    if (processId != null) {
      return Optional.empty(); // several groups of one process: counted on the tasks
    }
    return Optional.of(
        jdbc.sql(
                "SELECT count(*) FROM (SELECT DISTINCT task_key FROM engine.user_task_open_group"
                    + " WHERE group_name IN (:groups) LIMIT :limit) matches")
            .param("groups", groups)
            .param("limit", limit)
            .query(Long.class)
            .single());
  }

  /** The cursor that points at a task in the order of the given sort field. */
  public String cursor(UserTaskRecord task, Field sortField) {
    Object value =
        sortField == null
            ? task.key()
            : switch (sortField) {
              case CREATION_DATE -> task.creationDate();
              case COMPLETION_DATE -> task.completionDate();
              case DUE_DATE -> task.dueDate();
              case FOLLOW_UP_DATE -> task.followUpDate();
              case PRIORITY -> task.priority();
              case NAME -> task.name();
              default -> throw new IllegalArgumentException("Not sortable: " + sortField);
            };
    return new Cursor(value, task.key()).encode(mapper);
  }

  private String condition(Criterion c, String p, Map<String, Object> params) {
    Field field = c.field();
    String column = field.column();
    List<Object> values = c.values();
    if (field.type() == UserTaskQuery.Type.STATE) {
      return stateCondition(c);
    }
    if (field.type() == UserTaskQuery.Type.TEXT_ARRAY) {
      return switch (c.operator()) {
        case EQ ->
            bind(params, p, List.of(values.get(0)), "%s @> CAST(ARRAY[:%s] AS text[])", column);
        case NEQ ->
            bind(
                params,
                p,
                List.of(values.get(0)),
                "NOT (%s @> CAST(ARRAY[:%s] AS text[]))",
                column);
        case IN -> bind(params, p, values, "%s && CAST(ARRAY[:%s] AS text[])", column);
        case NOT_IN -> bind(params, p, values, "NOT (%s && CAST(ARRAY[:%s] AS text[]))", column);
        case EXISTS -> "cardinality(%s) > 0".formatted(column);
        case NOT_EXISTS -> "cardinality(%s) = 0".formatted(column);
        case LIKE ->
            bind(
                params,
                p,
                LikePattern.toSql(String.valueOf(values.get(0))),
                "EXISTS (SELECT 1 FROM unnest(%s) e WHERE e LIKE :%s ESCAPE '\\')",
                column);
        default ->
            throw EngineException.invalid(
                "Filter operator %s is not supported for %s".formatted(c.operator(), field));
      };
    }
    return switch (c.operator()) {
      case EQ -> bind(params, p, values.get(0), "%s = :%s", column);
      case NEQ -> bind(params, p, values.get(0), "%s IS DISTINCT FROM :%s", column);
      case IN -> bind(params, p, values, "%s IN (:%s)", column);
      case NOT_IN -> bind(params, p, values, "(%1$s IS NULL OR %1$s NOT IN (:%2$s))", column);
      case EXISTS -> "%s IS NOT NULL".formatted(column);
      case NOT_EXISTS -> "%s IS NULL".formatted(column);
      case LIKE ->
          bind(
              params,
              p,
              LikePattern.toSql(String.valueOf(values.get(0))),
              "%s LIKE :%s ESCAPE '\\'",
              column);
      case GT -> bind(params, p, values.get(0), "%s > :%s", column);
      case GTE -> bind(params, p, values.get(0), "%s >= :%s", column);
      case LT -> bind(params, p, values.get(0), "%s < :%s", column);
      case LTE -> bind(params, p, values.get(0), "%s <= :%s", column);
    };
  }

  /** States are written as literals (from a fixed set) so the planner sees the partial indexes. */
  private static String stateCondition(Criterion c) {
    List<String> known =
        c.values().stream().map(String::valueOf).filter(UserTaskRecord.STATES::contains).toList();
    String list =
        known.isEmpty()
            ? "NULL"
            : known.stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
    return switch (c.operator()) {
      case EQ, IN -> "state IN (" + list + ")";
      case NEQ, NOT_IN -> known.isEmpty() ? "true" : "state NOT IN (" + list + ")";
      case EXISTS -> "true";
      case NOT_EXISTS -> "false";
      case LIKE -> {
        Pattern pattern = LikePattern.toRegex(String.valueOf(c.values().get(0)));
        String matching =
            UserTaskRecord.STATES.stream()
                .filter(s -> pattern.matcher(s).matches())
                .map(s -> "'" + s + "'")
                .collect(Collectors.joining(","));
        yield matching.isEmpty() ? "false" : "state IN (" + matching + ")";
      }
      default ->
          throw EngineException.invalid(
              "Filter operator %s is not supported for state".formatted(c.operator()));
    };
  }

  private static String bind(
      Map<String, Object> params, String name, Object value, String template, String column) {
    params.put(name, value);
    return template.formatted(column, name);
  }

  private static String arrayLiteral(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  private static UserTaskRecord map(ResultSet rs, int row) throws SQLException {
    return new UserTaskRecord(
        rs.getLong("key"),
        rs.getString("state"),
        rs.getString("element_id"),
        rs.getLong("element_instance_key"),
        rs.getLong("process_instance_key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getInt("process_definition_version"),
        rs.getString("process_name"),
        rs.getString("name"),
        rs.getString("assignee"),
        strings(rs, "candidate_groups"),
        strings(rs, "candidate_users"),
        Timestamps.get(rs, "creation_date"),
        Timestamps.get(rs, "completion_date"),
        Timestamps.get(rs, "due_date"),
        Timestamps.get(rs, "follow_up_date"),
        rs.getInt("priority"),
        Timestamps.nullableLong(rs, "form_key"),
        rs.getString("form_id"),
        (Integer) rs.getObject("form_version"),
        rs.getString("external_form_reference"),
        rs.getString("custom_headers"),
        rs.getString("tenant_id"));
  }

  /** A position in a sorted result: the sort value (null allowed) and the key as tie-breaker. */
  private record Cursor(Object value, long key) {

    String encode(ObjectMapper mapper) {
      ObjectNode node = mapper.createObjectNode();
      node.put("v", value == null ? null : value.toString());
      node.put("k", key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, Field sortField) {
      try {
        JsonNode node =
            new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
        long key = node.path("k").asLong();
        JsonNode v = node.get("v");
        if (v == null || v.isNull()) {
          return new Cursor(null, key);
        }
        String raw = v.asText();
        Object value =
            sortField == null
                ? Long.parseLong(raw)
                : switch (sortField.type()) {
                  case DATE -> OffsetDateTime.parse(raw);
                  case NUMBER -> Long.parseLong(raw);
                  default -> raw;
                };
        return new Cursor(value, key);
      } catch (JsonProcessingException
          | IllegalArgumentException
          | DateTimeParseException
          | NullPointerException e) {
        throw EngineException.invalid(
            "Expected a cursor from a previous page, but got '" + text + "'");
      }
    }
  }
}
