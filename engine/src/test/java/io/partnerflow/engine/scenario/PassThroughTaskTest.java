package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manual tasks and untyped tasks: the token passes through, their mappings apply. */
class PassThroughTaskTest extends ScopeScenarioTest {

  @Test
  void shouldPassThroughManualAndUndefinedTasksApplyingTheirMappings() {
    // given
    String processId = unique("pass-through");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .manualTask("call-partner")
            .zeebeOutputExpression("\"called\"", "contact")
            .task("note")
            .zeebeOutputExpression("contact + \" once\"", "summary")
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("call-partner COMPLETED", "note COMPLETED");
    assertThat(variablesOf(key)).containsEntry("summary", "\"called once\"");
  }
}
