package io.partnerflow.app.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whom a task is about: the applicant company or the partner its process works for. Processes name
 * it by a {@code companyName}/{@code partnerName} variable or a {@code partnerId} the partner table
 * resolves; the app's application records know the recruitment instances. A page of tasks costs one
 * variable search and one partner query, never a call per row.
 */
@Component
class TaskSubjects {

  /** A company text matching more process instances than this is too vague to filter by. */
  static final int MAX_INSTANCES = 40;

  private static final List<String> NAMING_VARIABLES =
      List.of("companyName", "partnerName", "partnerId");

  private final CamundaClient client;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  TaskSubjects(CamundaClient client, JdbcClient jdbc, ObjectMapper json) {
    this.client = client;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Process instance key → the company's or partner's name, for the instances that have one. */
  Map<Long, String> namesOf(Collection<Long> instanceKeys) {
    if (instanceKeys.isEmpty()) {
      return Map.of();
    }
    List<Long> keys = List.copyOf(new LinkedHashSet<>(instanceKeys));
    List<Variable> variables =
        client
            .newVariableSearchRequest()
            .filter(
                filter ->
                    filter
                        .processInstanceKey(key -> key.in(keys))
                        .name(name -> name.in(NAMING_VARIABLES)))
            // a variable per name and scope; sub-scopes may repeat one, hence the room
            .page(page -> page.limit(keys.size() * NAMING_VARIABLES.size() * 4))
            .send()
            .join()
            .items();
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> partnerOf = new HashMap<>();
    for (Variable variable : variables) {
      Object value = parse(variable.getValue());
      Long instance = variable.getProcessInstanceKey();
      if ("partnerId".equals(variable.getName())) {
        Long id = asLong(value);
        if (id != null) {
          partnerOf.put(instance, id);
        }
      } else if (value instanceof String text && !text.isBlank()) {
        names.putIfAbsent(instance, text);
      }
    }
    partnerOf.keySet().removeAll(names.keySet());
    if (!partnerOf.isEmpty()) {
      Map<Long, String> partnerNames = new HashMap<>();
      jdbc.sql("SELECT id, name FROM app.partner WHERE id IN (:ids)")
          .param("ids", Set.copyOf(partnerOf.values()))
          .query(
              rs -> {
                partnerNames.put(rs.getLong("id"), rs.getString("name"));
              });
      partnerOf.forEach(
          (instance, partner) -> {
            String name = partnerNames.get(partner);
            if (name != null) {
              names.put(instance, name);
            }
          });
    }
    return names;
  }

  /**
   * The process instances about a company whose name contains the text (case-insensitive): the
   * recruitment instances of matching applications and every instance carrying a matching partner's
   * id.
   *
   * @throws TaskFilterException {@code tasklist.error.companyTooVague} beyond {@link
   *     #MAX_INSTANCES}
   */
  Set<Long> instancesAbout(String companyText) {
    String pattern = "%" + escape(companyText.trim()) + "%";
    Set<Long> instances =
        new LinkedHashSet<>(
            jdbc.sql(
                    "SELECT a.process_instance_key FROM app.application a"
                        + " WHERE a.process_instance_key IS NOT NULL AND (a.company_name ILIKE :p"
                        + " OR EXISTS (SELECT 1 FROM app.partner p"
                        + " WHERE p.application_id = a.id AND p.name ILIKE :p)) LIMIT :n")
                .param("p", pattern)
                .param("n", MAX_INSTANCES + 1)
                .query(Long.class)
                .list());
    List<Long> partnerIds =
        jdbc.sql("SELECT id FROM app.partner WHERE name ILIKE :p LIMIT :n")
            .param("p", pattern)
            .param("n", MAX_INSTANCES + 1)
            .query(Long.class)
            .list();
    if (!partnerIds.isEmpty() && instances.size() <= MAX_INSTANCES) {
      List<String> values = new ArrayList<>();
      for (Long id : partnerIds) {
        // variable values are JSON: the id as a number or as a string
        values.add(String.valueOf(id));
        values.add("\"" + id + "\"");
      }
      client
          .newVariableSearchRequest()
          .filter(filter -> filter.name("partnerId").value(value -> value.in(values)))
          .page(page -> page.limit((MAX_INSTANCES + 1) * 4))
          .send()
          .join()
          .items()
          .forEach(variable -> instances.add(variable.getProcessInstanceKey()));
    }
    if (instances.size() <= MAX_INSTANCES) {
      // processes naming the company themselves; the engine compares the JSON text as written
      String like = "*" + companyText.trim().replace("*", "").replace("?", "") + "*";
      client
          .newVariableSearchRequest()
          .filter(
              filter ->
                  filter
                      .name(name -> name.in("companyName", "partnerName"))
                      .value(value -> value.like(like)))
          .page(page -> page.limit((MAX_INSTANCES + 1) * 4))
          .send()
          .join()
          .items()
          .forEach(variable -> instances.add(variable.getProcessInstanceKey()));
    }
    if (instances.size() > MAX_INSTANCES) {
      throw new TaskFilterException("tasklist.error.companyTooVague");
    }
    return instances;
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

  private static Long asLong(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
