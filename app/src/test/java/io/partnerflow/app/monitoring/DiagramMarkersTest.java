package io.partnerflow.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which elements and flows the instance diagram marks, from the history and open incidents. */
class DiagramMarkersTest {

  private static final String XML =
      Bpmn.convertToString(
          Bpmn.createExecutableProcess("markers")
              .startEvent("start")
              .sequenceFlowId("toGateway")
              .exclusiveGateway("choose")
              .sequenceFlowId("toCharge")
              .conditionExpression("= true")
              .serviceTask("charge")
              .zeebeJobType("charge")
              .sequenceFlowId("toEnd")
              .endEvent("end")
              .moveToLastGateway()
              .sequenceFlowId("toSkip")
              .conditionExpression("= false")
              .endEvent("skipped")
              .done());

  @Test
  void shouldMarkThePathTakenUpToTheFailedTask() {
    // given: start and gateway completed, the task active with an incident
    List<ElementStep> history =
        List.of(step("start", "COMPLETED"), step("choose", "COMPLETED"), step("charge", "ACTIVE"));
    List<IncidentEntry> open =
        List.of(new IncidentEntry(9, 1, "markers", "charge", "JOB_NO_RETRIES", "x", null, 5L));

    // when
    DiagramMarkers markers = DiagramMarkers.of(XML, history, open);

    // then
    assertThat(markers.completed()).containsExactly("start", "choose");
    assertThat(markers.active()).containsExactly("charge");
    assertThat(markers.incidents()).containsExactly("charge");
    assertThat(markers.takenFlows()).containsExactlyInAnyOrder("toGateway", "toCharge");
  }

  private static ElementStep step(String id, String state) {
    return new ElementStep(id.hashCode(), id, null, "TASK", state, Instant.EPOCH, null, null);
  }
}
