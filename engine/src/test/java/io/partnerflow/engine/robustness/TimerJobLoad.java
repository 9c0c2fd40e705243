package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The load of the robustness tests: instances of start → service task {@code before} → timer catch
 * {@code wait} → service task {@code after} → end, started through one or more clients, and the
 * check of the engine's element history that every instance ran each element exactly once.
 */
final class TimerJobLoad {

  static final String BEFORE = "before";
  static final String WAIT = "wait";
  static final String AFTER = "after";
  static final List<String> ELEMENTS = List.of(BEFORE, WAIT, AFTER);

  final String processId;
  final String beforeType;
  final String afterType;

  TimerJobLoad(String name) {
    this.processId = name;
    this.beforeType = name + "-before";
    this.afterType = name + "-after";
  }

  BpmnModelInstance model(Duration timer) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask(BEFORE, t -> t.zeebeJobType(beforeType))
        .intermediateCatchEvent(WAIT, e -> e.timerWithDuration(timer.toString()))
        .serviceTask(AFTER, t -> t.zeebeJobType(afterType))
        .endEvent()
        .done();
  }

  long deploy(CamundaClient client, Duration timer) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model(timer), processId + ".bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  /** Starts {@code count} instances from four threads, the clients taking turns; their keys. */
  List<Long> startInstances(List<CamundaClient> clients, int count) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        CamundaClient client = clients.get(i % clients.size());
        int n = i;
        started.add(
            starters.submit(
                () ->
                    client
                        .newCreateInstanceCommand()
                        .bpmnProcessId(processId)
                        .latestVersion()
                        .variables(Map.of("n", n))
                        .send()
                        .join()
                        .getProcessInstanceKey()));
      }
      List<Long> keys = new ArrayList<>();
      for (Future<Long> instance : started) {
        keys.add(instance.get(60, TimeUnit.SECONDS));
      }
      return keys;
    } finally {
      starters.shutdownNow();
    }
  }

  /** How many instances of the definition are completed (exact count from the search). */
  static long completed(CamundaClient client, long processDefinitionKey) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            f -> f.processDefinitionKey(processDefinitionKey).state(ProcessInstanceState.COMPLETED))
        .page(p -> p.limit(1))
        .send()
        .join()
        .page()
        .totalItems();
  }

  /**
   * The engine's view: the definition has exactly these instances, all completed, and each of them
   * has exactly one element instance of every element, completed.
   */
  static void assertEveryInstanceRanEveryElementOnce(
      CamundaClient client, long processDefinitionKey, Collection<Long> instances) {
    List<ProcessInstance> all =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionKey(processDefinitionKey))
            .page(p -> p.limit(10_000))
            .send()
            .join()
            .items();
    assertThat(all)
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactlyInAnyOrderElementsOf(instances);
    assertThat(all)
        .extracting(ProcessInstance::getState)
        .containsOnly(ProcessInstanceState.COMPLETED);
    for (String elementId : ELEMENTS) {
      List<ElementInstance> history =
          client
              .newElementInstanceSearchRequest()
              .filter(f -> f.processDefinitionKey(processDefinitionKey).elementId(elementId))
              .page(p -> p.limit(10_000))
              .send()
              .join()
              .items();
      Map<Long, Long> perInstance =
          history.stream()
              .collect(
                  Collectors.groupingBy(
                      ElementInstance::getProcessInstanceKey, Collectors.counting()));
      assertThat(perInstance)
          .as("element instances of '%s' per process instance", elementId)
          .containsOnlyKeys(instances)
          .allSatisfy((instance, count) -> assertThat(count).as("of %d", instance).isOne());
      assertThat(history)
          .as("states of '%s'", elementId)
          .extracting(ElementInstance::getState)
          .containsOnly(ElementInstanceState.COMPLETED);
    }
  }
}
