package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDetailsTest {

  private static final TaskSummary TASK =
      new TaskSummary(1L, "Review", "p", 2L, null, List.of(), List.of(), null, null, 50);

  @Test
  void shouldKeepVariablesWhoseValueIsNull() {
    // given: the first review's comment was left empty, so the process holds it as null
    Map<String, Object> variables = new HashMap<>();
    variables.put("companyName", "Northwind");
    variables.put("reviewComment", null);

    // when
    TaskDetails details = new TaskDetails(TASK, null, null, variables);

    // then
    assertThat(details.variables())
        .containsEntry("companyName", "Northwind")
        .containsEntry("reviewComment", null)
        .hasSize(2);
  }

  @Test
  void shouldNotChangeWithTheCallersMapNorLetItsOwnBeChanged() {
    // given
    Map<String, Object> variables = new HashMap<>();
    variables.put("companyName", "Northwind");
    TaskDetails details = new TaskDetails(TASK, null, null, variables);

    // when
    variables.put("companyName", "Contoso");

    // then
    assertThat(details.variables()).containsEntry("companyName", "Northwind");
    assertThatThrownBy(() -> details.variables().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
