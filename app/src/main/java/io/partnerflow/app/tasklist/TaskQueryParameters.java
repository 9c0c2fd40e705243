package io.partnerflow.app.tasklist;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A task list filter as URL query parameters and back: what the address bar shows, a shared link
 * and a saved filter hold. Only what differs from the defaults is written; a parameter that does
 * not parse is ignored (a hand-edited link opens the list rather than an error).
 */
public final class TaskQueryParameters {

  private TaskQueryParameters() {}

  public static Map<String, String> toParameters(TaskQuery query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    TaskQuery defaults = TaskQuery.defaults();
    if (query.scope() != defaults.scope()) {
      parameters.put("scope", query.scope().name());
    }
    put(parameters, "process", query.processId());
    put(parameters, "step", query.elementId());
    put(parameters, "company", query.company());
    put(parameters, "assignee", query.assignee());
    put(parameters, "group", query.candidateGroup());
    if (query.due() != DueFilter.ANY) {
      parameters.put("due", query.due().name());
    }
    put(parameters, "dueFrom", query.dueFrom() == null ? null : query.dueFrom().toString());
    put(parameters, "dueTo", query.dueTo() == null ? null : query.dueTo().toString());
    put(
        parameters,
        "priority",
        query.minimumPriority() == null ? null : query.minimumPriority().toString());
    if (query.sort() != defaults.sort()) {
      parameters.put("sort", query.sort().name());
    }
    if (query.descending()) {
      parameters.put("desc", "true");
    }
    return parameters;
  }

  /** From query parameters as Vaadin gives them (a list of values per name; the first counts). */
  public static TaskQuery fromParameters(Map<String, List<String>> parameters) {
    Map<String, String> first = new LinkedHashMap<>();
    parameters.forEach(
        (name, values) -> {
          if (values != null && !values.isEmpty()) {
            first.put(name, values.get(0));
          }
        });
    return fromSingle(first);
  }

  /** A query string ({@code a=b&c=d}, without the {@code ?}). */
  public static String toQueryString(TaskQuery query) {
    return toParameters(query).entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static TaskQuery fromQueryString(String queryString) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (queryString != null && !queryString.isBlank()) {
      for (String pair : queryString.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.putIfAbsent(
              decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
      }
    }
    return fromSingle(parameters);
  }

  private static TaskQuery fromSingle(Map<String, String> p) {
    return new TaskQuery(
        enumValue(TaskScope.class, p.get("scope")),
        p.get("process"),
        enumValue(DueFilter.class, p.get("due")),
        priority(p.get("priority")),
        enumValue(TaskSort.class, p.get("sort")),
        "true".equals(p.get("desc")),
        p.get("step"),
        p.get("company"),
        p.get("assignee"),
        p.get("group"),
        date(p.get("dueFrom")),
        date(p.get("dueTo")));
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (value != null && !value.isBlank()) {
      parameters.put(name, value);
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer priority(String text) {
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.trim());
      return value < 0 || value > 100 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
