package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The element history (element instances with their states) that the element-instance search will
 * serve. Driven through the client; only the assertion reads the engine's table.
 */
class ElementHistoryTest extends EngineScenarioTest {

  @Autowired JdbcClient jdbc;

  private final String processId = unique("history");
  private final String type = unique("history-task");

  record Row(String elementId, String type, String state) {}

  private List<Row> history(long processInstanceKey) {
    return jdbc.sql(
            "SELECT element_id, element_type, state FROM engine.element_instance"
                + " WHERE process_instance_key = ? ORDER BY key")
        .param(processInstanceKey)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private void deployModel() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent("end")
            .done());
  }

  @Test
  void shouldRecordEveryElementWithItsFinalState() {
    // given
    deployModel();
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs()
            .get(0);

    // when
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);

    // then
    assertThat(history(key))
        .extracting(Row::elementId, Row::type, Row::state)
        .containsExactly(
            tuple(processId, "PROCESS", "COMPLETED"),
            tuple("start", "START_EVENT", "COMPLETED"),
            tuple("task", "SERVICE_TASK", "COMPLETED"),
            tuple("end", "END_EVENT", "COMPLETED"));
    assertThat(job.getElementInstanceKey())
        .isEqualTo(
            jdbc.sql(
                    "SELECT key FROM engine.element_instance WHERE process_instance_key = ?"
                        + " AND element_id = 'task'")
                .param(key)
                .query(Long.class)
                .single());
  }

  @Test
  void shouldWritePassingStartAndEndEventsCompletedWithNameAndBothDates() {
    // given: start and end events in the process, beside each other after a fork, and in a
    // sub-process (none start and end events are written once, already completed)
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .name("Begin")
            .parallelGateway("fork")
            .endEvent("endA")
            .name("Done A")
            .moveToNode("fork")
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent("subStart")
            .endEvent("subEnd")
            .subProcessDone()
            .endEvent("endB")
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitState(key, ProcessInstanceState.COMPLETED);

    // then
    assertThat(history(key))
        .extracting(Row::elementId, Row::type, Row::state)
        .containsExactlyInAnyOrder(
            tuple(processId, "PROCESS", "COMPLETED"),
            tuple("start", "START_EVENT", "COMPLETED"),
            tuple("fork", "PARALLEL_GATEWAY", "COMPLETED"),
            tuple("endA", "END_EVENT", "COMPLETED"),
            tuple("sub", "SUB_PROCESS", "COMPLETED"),
            tuple("subStart", "START_EVENT", "COMPLETED"),
            tuple("subEnd", "END_EVENT", "COMPLETED"),
            tuple("endB", "END_EVENT", "COMPLETED"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM engine.element_instance WHERE process_instance_key = ?"
                        + " AND (end_date IS NULL OR end_date < start_date)")
                .param(key)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT element_name FROM engine.element_instance"
                        + " WHERE process_instance_key = ? AND element_id IN ('start', 'endA')"
                        + " ORDER BY key")
                .param(key)
                .query(String.class)
                .list())
        .containsExactly("Begin", "Done A");
  }

  @Test
  void shouldMarkActiveElementsTerminatedOnCancel() {
    // given
    deployModel();
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    assertThat(history(key))
        .extracting(Row::elementId, Row::state)
        .containsExactly(
            tuple(processId, "TERMINATED"),
            tuple("start", "COMPLETED"),
            tuple("task", "TERMINATED"));
  }
}
