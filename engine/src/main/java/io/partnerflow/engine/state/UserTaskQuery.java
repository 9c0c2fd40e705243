package io.partnerflow.engine.state;

import java.util.List;

/**
 * Filter, sort and page of a user task search. Every criterion must hold (AND); values are already
 * typed (String, Long, Integer, OffsetDateTime) as the field requires.
 *
 * @param sortField null for key order (the order of creation)
 * @param after cursor from a previous page's endCursor: the page after it (ignores {@code from})
 * @param before cursor from a previous page's startCursor: the page before it
 */
public record UserTaskQuery(
    List<Criterion> criteria,
    Field sortField,
    boolean descending,
    int from,
    int limit,
    String after,
    String before) {

  /** What a search may filter or sort by, with its column and the kind of values it holds. */
  public enum Field {
    USER_TASK_KEY("key", Type.NUMBER),
    STATE("state", Type.STATE),
    ASSIGNEE("assignee", Type.TEXT),
    CANDIDATE_GROUP("candidate_groups", Type.TEXT_ARRAY),
    CANDIDATE_USER("candidate_users", Type.TEXT_ARRAY),
    PROCESS_INSTANCE_KEY("process_instance_key", Type.NUMBER),
    PROCESS_DEFINITION_KEY("process_definition_key", Type.NUMBER),
    BPMN_PROCESS_ID("bpmn_process_id", Type.TEXT),
    ELEMENT_ID("element_id", Type.TEXT),
    ELEMENT_INSTANCE_KEY("element_instance_key", Type.NUMBER),
    NAME("name", Type.TEXT),
    TENANT_ID("tenant_id", Type.TEXT),
    PRIORITY("priority", Type.NUMBER),
    CREATION_DATE("creation_date", Type.DATE),
    COMPLETION_DATE("completion_date", Type.DATE),
    DUE_DATE("due_date", Type.DATE),
    FOLLOW_UP_DATE("follow_up_date", Type.DATE);

    private final String column;
    private final Type type;

    Field(String column, Type type) {
      this.column = column;
      this.type = type;
    }

    public String column() {
      return column;
    }

    public Type type() {
      return type;
    }
  }

  /** How values of a field are compared. */
  public enum Type {
    TEXT,
    /** a task state: compared as a literal so that the partial indexes (open tasks) apply */
    STATE,
    /** candidate groups/users: the criterion holds for the task when it holds for an element */
    TEXT_ARRAY,
    NUMBER,
    DATE
  }

  /** $eq, $neq, $exists, $in, $notIn, $like, $gt, $gte, $lt, $lte. */
  public enum Operator {
    EQ,
    NEQ,
    EXISTS,
    NOT_EXISTS,
    IN,
    NOT_IN,
    LIKE,
    GT,
    GTE,
    LT,
    LTE
  }

  /**
   * One condition; {@code values} has one element except for IN/NOT_IN (one or more) and
   * EXISTS/NOT_EXISTS (none). LIKE patterns use Camunda's wildcards {@code *} and {@code ?}.
   */
  public record Criterion(Field field, Operator operator, List<Object> values) {}
}
