package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The task list filter in the URL: what goes in comes back, and nonsense is ignored. */
class TaskQueryParametersTest {

  private final TaskQuery full =
      new TaskQuery(
          TaskScope.UNASSIGNED_IN_MY_GROUPS,
          "partner-recruitment",
          DueFilter.OVERDUE,
          50,
          TaskSort.PRIORITY,
          true,
          "review-application",
          "Northwind & Söhne",
          "manager",
          "partner-managers",
          LocalDate.of(2026, 12, 1),
          LocalDate.of(2026, 12, 31));

  @Test
  void shouldRoundTripEveryFieldThroughTheQueryString() {
    // when
    String queryString = TaskQueryParameters.toQueryString(full);

    // then
    assertThat(TaskQueryParameters.fromQueryString(queryString)).isEqualTo(full);
    assertThat(queryString).contains("company=Northwind+%26+S%C3%B6hne").doesNotContain(" ");
  }

  @Test
  void shouldRoundTripThroughTheParametersVaadinGives() {
    // given
    Map<String, List<String>> parameters =
        TaskQueryParameters.toParameters(full).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));

    // then
    assertThat(TaskQueryParameters.fromParameters(parameters)).isEqualTo(full);
  }

  @Test
  void shouldWriteNothingForTheDefaults() {
    assertThat(TaskQueryParameters.toQueryString(TaskQuery.defaults())).isEmpty();
    assertThat(TaskQueryParameters.fromQueryString("")).isEqualTo(TaskQuery.defaults());
  }

  @Test
  void shouldIgnoreWhatDoesNotParse() {
    // when
    TaskQuery query =
        TaskQueryParameters.fromQueryString(
            "scope=EVERYTHING&due=SOON&priority=900&dueFrom=yesterday&sort=RANDOM&company=%ZZ");

    // then: the defaults, and the company text as typed
    assertThat(query.scope()).isEqualTo(TaskScope.MY_GROUPS);
    assertThat(query.due()).isEqualTo(DueFilter.ANY);
    assertThat(query.minimumPriority()).isNull();
    assertThat(query.dueFrom()).isNull();
    assertThat(query.sort()).isEqualTo(TaskSort.DUE);
    assertThat(query.company()).isEqualTo("%ZZ");
  }
}
