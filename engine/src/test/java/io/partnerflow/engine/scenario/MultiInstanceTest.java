package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.MultiInstanceLoopCharacteristicsBuilder;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Multi-instance activities (zeebe:loopCharacteristics) on tasks, embedded sub-processes and call
 * activities: the body and its inner instances, loop variables, output collection, completion
 * condition, empty and invalid collections, and boundary events on the body.
 */
class MultiInstanceTest extends ClockDrivenScenarioTest {

  private final String processId = unique("multi");
  private final String jobType = unique("mi-work");
  private final String afterType = unique("mi-after");
  private final String timeoutType = unique("mi-timeout");

  // --- models

  private BpmnModelInstance serviceTask(Consumer<MultiInstanceLoopCharacteristicsBuilder> loop) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("work", t -> t.zeebeJobType(jobType).multiInstance(loop))
        .serviceTask("after", t -> t.zeebeJobType(afterType))
        .endEvent("end")
        .done();
  }

  private static Consumer<MultiInstanceLoopCharacteristicsBuilder> collecting(boolean sequential) {
    return m -> {
      if (sequential) {
        m.sequential();
      } else {
        m.parallel();
      }
      m.zeebeInputCollectionExpression("items")
          .zeebeInputElement("item")
          .zeebeOutputCollection("results")
          .zeebeOutputElementExpression("result");
    };
  }

  // --- client helpers

  private List<ActivatedJob> awaitJobs(String type, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(activate(type, Duration.ofMillis(500)));
              return jobs.size() >= count;
            });
    assertThat(jobs).hasSize(count);
    return jobs;
  }

  private void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job).variables(variables).send().join();
  }

  private List<ElementInstance> elements(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  private ElementInstance body(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(
            f ->
                f.processInstanceKey(processInstanceKey)
                    .type(ElementInstanceType.MULTI_INSTANCE_BODY))
        .send()
        .join()
        .singleItem();
  }

  private List<ElementInstance> innerInstances(long bodyKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.elementInstanceScopeKey(bodyKey))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  /** The variable's JSON value in exactly this scope, null when it has none. */
  private String variable(long scopeKey, String name) {
    List<Variable> found =
        client
            .newVariableSearchRequest()
            .filter(f -> f.scopeKey(scopeKey).name(name))
            .send()
            .join()
            .items();
    return found.isEmpty() ? null : found.get(0).getValue();
  }

  private List<Incident> incidents(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items();
  }

  private List<UserTask> openTasks(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send()
        .join()
        .items();
  }

  private void finishAfterTask(long key) {
    complete(awaitJob(afterType), Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  // --- parallel and sequential service tasks

  @Test
  void parallelServiceTaskRunsOneInnerInstancePerItemAndCollectsOutputInInputOrder() {
    // given
    deploy(serviceTask(collecting(false)));
    long key = start(processId, Map.of("items", List.of("a", "b", "c"))).getProcessInstanceKey();

    // when: all three jobs exist at once; completed in reverse order
    List<ActivatedJob> jobs = awaitJobs(jobType, 3);
    jobs.sort(Comparator.comparing(j -> ((Number) j.getVariable("loopCounter")).intValue()));
    assertThat(jobs)
        .extracting(j -> j.getVariable("item"), j -> j.getVariable("loopCounter"))
        .containsExactly(tuple("a", 1), tuple("b", 2), tuple("c", 3));
    for (int i = jobs.size() - 1; i >= 0; i--) {
      ActivatedJob job = jobs.get(i);
      complete(job, Map.of("result", ((String) job.getVariable("item")).toUpperCase()));
    }

    // then: the body completed, its output went to the process, the loop variables did not
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariable("results")).isEqualTo(List.of("A", "B", "C"));
    assertThat(after.getVariablesAsMap()).doesNotContainKeys("item", "loopCounter", "result");
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    ElementInstance body = body(key);
    assertThat(body.getElementId()).isEqualTo("work");
    assertThat(body.getState()).isEqualTo(ElementInstanceState.COMPLETED);
    assertThat(innerInstances(body.getElementInstanceKey()))
        .extracting(
            ElementInstance::getElementId, ElementInstance::getType, ElementInstance::getState)
        .containsOnly(
            tuple("work", ElementInstanceType.SERVICE_TASK, ElementInstanceState.COMPLETED))
        .hasSize(3);
    assertThat(variable(key, "results")).isEqualTo("[\"A\",\"B\",\"C\"]");
    assertThat(variable(key, "result")).isNull();
    assertThat(variable(key, "item")).isNull();
  }

  @Test
  void sequentialServiceTaskRunsOneInnerInstanceAtATimeInOrder() {
    // given
    deploy(serviceTask(collecting(true)));
    long key = start(processId, Map.of("items", List.of(10, 20, 30))).getProcessInstanceKey();

    // when / then: one job at a time, in the collection's order
    for (int i = 1; i <= 3; i++) {
      ActivatedJob job = awaitJob(jobType);
      assertThat(job.getVariable("loopCounter")).isEqualTo(i);
      assertThat(job.getVariable("item")).isEqualTo(i * 10);
      assertThat(activate(jobType, Duration.ofMillis(200))).isEmpty();
      complete(job, Map.of("result", i * 100));
    }
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariable("results")).isEqualTo(List.of(100, 200, 300));
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    List<ElementInstance> inner = innerInstances(body(key).getElementInstanceKey());
    assertThat(inner).hasSize(3);
    // each one started after the previous one ended
    for (int i = 1; i < inner.size(); i++) {
      assertThat(inner.get(i).getStartDate()).isAfterOrEqualTo(inner.get(i - 1).getEndDate());
    }
  }

  @Test
  void innerInstanceWithoutTheOutputVariableContributesNull() {
    // given
    deploy(serviceTask(collecting(false)));
    start(processId, Map.of("items", List.of("a", "b")));

    // when
    List<ActivatedJob> jobs = awaitJobs(jobType, 2);
    for (ActivatedJob job : jobs) {
      complete(job, "a".equals(job.getVariable("item")) ? Map.of("result", 1) : Map.of());
    }

    // then
    List<Object> expected = new ArrayList<>();
    expected.add(1);
    expected.add(null);
    assertThat(awaitJob(afterType).getVariable("results")).isEqualTo(expected);
  }

  @Test
  void inputMappingsSeeTheLoopVariablesAndStayLocal() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(jobType)
                        .zeebeInputExpression("item.name", "name")
                        .zeebeInputExpression("loopCounter * 10", "position")
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("partners")
                                    .zeebeInputElement("item")))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key =
        start(
                processId,
                Map.of("partners", List.of(Map.of("name", "Acme"), Map.of("name", "Bolt"))))
            .getProcessInstanceKey();

    // when
    List<ActivatedJob> jobs = awaitJobs(jobType, 2);

    // then
    assertThat(jobs)
        .extracting(j -> j.getVariable("name"), j -> j.getVariable("position"))
        .containsExactlyInAnyOrder(tuple("Acme", 10), tuple("Bolt", 20));
    jobs.forEach(job -> complete(job, Map.of()));
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariablesAsMap()).doesNotContainKeys("name", "position", "item");
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  // --- user tasks

  @Test
  void parallelUserTasksAreAllOpenAndTheBodyCompletesWithTheLast() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t ->
                    t.zeebeUserTask()
                        .zeebeAssigneeExpression("reviewer")
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("reviewers")
                                    .zeebeInputElement("reviewer")
                                    .zeebeOutputCollection("verdicts")
                                    .zeebeOutputElementExpression("verdict")))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("reviewers", List.of("ann", "bob"))).getProcessInstanceKey();

    // when
    await().untilAsserted(() -> assertThat(openTasks(key)).hasSize(2));
    List<UserTask> tasks = openTasks(key);
    assertThat(tasks).extracting(UserTask::getAssignee).containsExactlyInAnyOrder("ann", "bob");
    UserTask bobs = tasks.stream().filter(t -> "bob".equals(t.getAssignee())).findFirst().get();
    UserTask anns = tasks.stream().filter(t -> "ann".equals(t.getAssignee())).findFirst().get();
    client
        .newCompleteUserTaskCommand(bobs.getUserTaskKey())
        .variables(Map.of("verdict", "no"))
        .send()
        .join();

    // then: still waiting for ann
    assertThat(activate(afterType, Duration.ofMillis(200))).isEmpty();
    client
        .newCompleteUserTaskCommand(anns.getUserTaskKey())
        .variables(Map.of("verdict", "yes"))
        .send()
        .join();
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariable("verdicts")).isEqualTo(List.of("yes", "no"));
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void sequentialUserTasksOpenOneAfterTheOther() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "sign",
                t ->
                    t.zeebeUserTask()
                        .zeebeAssigneeExpression("signer")
                        .multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("signers")
                                    .zeebeInputElement("signer")))
            .endEvent()
            .done());
    long key = start(processId, Map.of("signers", List.of("ann", "bob"))).getProcessInstanceKey();

    // when / then
    for (String signer : List.of("ann", "bob")) {
      await().untilAsserted(() -> assertThat(openTasks(key)).hasSize(1));
      UserTask task = openTasks(key).get(0);
      assertThat(task.getAssignee()).isEqualTo(signer);
      client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    }
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  // --- completion condition and counters

  @Test
  void completionConditionTerminatesTheRemainingInstancesAndCompletesTheBody() {
    // given
    deploy(
        serviceTask(
            m ->
                collecting(false)
                    .accept(m.completionCondition("=numberOfCompletedInstances >= 2"))));
    long key = start(processId, Map.of("items", List.of("a", "b", "c"))).getProcessInstanceKey();
    List<ActivatedJob> jobs = awaitJobs(jobType, 3);
    jobs.sort(Comparator.comparing(j -> ((Number) j.getVariable("loopCounter")).intValue()));

    // when: the first and the third complete
    complete(jobs.get(0), Map.of("result", "A"));
    assertThat(activate(afterType, Duration.ofMillis(200))).isEmpty();
    complete(jobs.get(2), Map.of("result", "C"));

    // then: the second is terminated (its job gone), the output has null at its index
    ActivatedJob after = awaitJob(afterType);
    List<Object> expected = new ArrayList<>();
    expected.add("A");
    expected.add(null);
    expected.add("C");
    assertThat(after.getVariable("results")).isEqualTo(expected);
    assertThatThrownBy(() -> complete(jobs.get(1), Map.of("result", "B")))
        .isInstanceOf(ProblemException.class);
    assertThat(innerInstances(body(key).getElementInstanceKey()))
        .extracting(ElementInstance::getState)
        .containsExactly(
            ElementInstanceState.COMPLETED,
            ElementInstanceState.TERMINATED,
            ElementInstanceState.COMPLETED);
    assertThat(body(key).getState()).isEqualTo(ElementInstanceState.COMPLETED);
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void completionConditionSeesTheCountersOfAParallelBody() {
    // given: true exactly when the second of three completes
    deploy(
        serviceTask(
            m ->
                m.zeebeInputCollectionExpression("items")
                    .completionCondition(
                        "=numberOfInstances = 3 and numberOfActiveInstances = 1"
                            + " and numberOfCompletedInstances = 2"
                            + " and numberOfTerminatedInstances = 0")));
    long key = start(processId, Map.of("items", List.of(1, 2, 3))).getProcessInstanceKey();
    List<ActivatedJob> jobs = awaitJobs(jobType, 3);

    // when
    complete(jobs.get(0), Map.of());
    complete(jobs.get(1), Map.of());

    // then
    complete(awaitJob(afterType), Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(innerInstances(body(key).getElementInstanceKey()))
        .extracting(ElementInstance::getState)
        .containsExactlyInAnyOrder(
            ElementInstanceState.COMPLETED,
            ElementInstanceState.COMPLETED,
            ElementInstanceState.TERMINATED);
  }

  @Test
  void completionConditionOfASequentialBodySeesTheInnerInstanceAndStopsEarly() {
    // given: the counters of a sequential body count the instances created so far
    deploy(
        serviceTask(
            m ->
                collecting(true)
                    .accept(
                        m.completionCondition(
                            "=result = \"found\" and numberOfInstances = loopCounter"
                                + " and numberOfActiveInstances = 0"))));
    long key = start(processId, Map.of("items", List.of("x", "y", "z"))).getProcessInstanceKey();

    // when
    complete(awaitJob(jobType), Map.of("result", "nothing"));
    ActivatedJob second = awaitJob(jobType);
    assertThat(second.getVariable("item")).isEqualTo("y");
    complete(second, Map.of("result", "found"));

    // then: no third instance
    ActivatedJob after = awaitJob(afterType);
    List<Object> expected = new ArrayList<>();
    expected.add("nothing");
    expected.add("found");
    expected.add(null);
    assertThat(after.getVariable("results")).isEqualTo(expected);
    assertThat(activate(jobType, Duration.ofMillis(200))).isEmpty();
    assertThat(innerInstances(body(key).getElementInstanceKey())).hasSize(2);
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void completionConditionThatIsNotABooleanOpensAnIncidentOnTheInnerInstance() {
    // given
    deploy(
        serviceTask(m -> m.zeebeInputCollectionExpression("items").completionCondition("=done")));
    long key = start(processId, Map.of("items", List.of(1))).getProcessInstanceKey();

    // when
    complete(awaitJob(jobType), Map.of());

    // then
    awaitIncident(key);
    Incident incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getErrorMessage()).contains("done", "BOOLEAN");
    ElementInstance inner = innerInstances(body(key).getElementInstanceKey()).get(0);
    assertThat(incident.getElementInstanceKey()).isEqualTo(inner.getElementInstanceKey());

    // when: fixed and resolved, the completion is retried
    client.newSetVariablesCommand(key).variables(Map.of("done", true)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    finishAfterTask(key);
  }

  // --- empty and invalid collections

  @Test
  void emptyCollectionCompletesTheBodyAtOnceWithAnEmptyOutput() {
    // given
    deploy(serviceTask(collecting(false)));

    // when
    long key = start(processId, Map.of("items", List.of())).getProcessInstanceKey();

    // then
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariable("results")).isEqualTo(List.of());
    assertThat(innerInstances(body(key).getElementInstanceKey())).isEmpty();
    assertThat(body(key).getState()).isEqualTo(ElementInstanceState.COMPLETED);
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void collectionThatIsNotAListOpensAnIncidentOnTheBodyUntilFixed() {
    // given
    deploy(serviceTask(collecting(false)));

    // when
    long key = start(processId, Map.of("items", "a,b")).getProcessInstanceKey();

    // then
    awaitIncident(key);
    Incident incident = incidents(key).get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getErrorMessage())
        .isEqualTo("Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'");
    ElementInstance body = body(key);
    assertThat(incident.getElementInstanceKey()).isEqualTo(body.getElementInstanceKey());
    assertThat(innerInstances(body.getElementInstanceKey())).isEmpty();

    // when
    client.newSetVariablesCommand(key).variables(Map.of("items", List.of("a"))).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    complete(awaitJob(jobType), Map.of("result", 1));
    assertThat(awaitJob(afterType).getVariable("results")).isEqualTo(List.of(1));
  }

  @Test
  void missingCollectionOpensAnIncident() {
    // given
    deploy(serviceTask(collecting(false)));

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertThat(incidents(key).get(0).getErrorMessage()).endsWith("but was 'NULL'");
  }

  // --- boundary events on the body

  @Test
  void interruptingTimerOnTheBodyTerminatesEveryInnerInstanceWithoutPartialOutput() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(3));
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(jobType).multiInstance(collecting(false)))
            .boundaryEvent("timeout")
            .timerWithDuration("PT1H")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of("a", "b", "c"))).getProcessInstanceKey();
    List<ActivatedJob> jobs = awaitJobs(jobType, 3);
    complete(jobs.get(0), Map.of("result", 1));

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    ActivatedJob escalation = awaitJob(timeoutType);
    assertThat(escalation.getVariablesAsMap()).doesNotContainKey("results");
    ElementInstance body = body(key);
    assertThat(body.getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertThat(innerInstances(body.getElementInstanceKey()))
        .extracting(ElementInstance::getState)
        .containsExactlyInAnyOrder(
            ElementInstanceState.COMPLETED,
            ElementInstanceState.TERMINATED,
            ElementInstanceState.TERMINATED);
    assertThatThrownBy(() -> complete(jobs.get(1), Map.of())).isInstanceOf(ProblemException.class);
    complete(escalation, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(variable(key, "results")).isNull();
    assertThat(activate(afterType, Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void nonInterruptingTimerOnTheBodyLeavesTheInnerInstancesRunning() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(3));
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t ->
                    t.zeebeUserTask().multiInstance(m -> m.zeebeInputCollectionExpression("items")))
            .boundaryEvent("remind")
            .cancelActivity(false)
            .timerWithDuration("PT1H")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("review")
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(1, 2))).getProcessInstanceKey();
    await().untilAsserted(() -> assertThat(openTasks(key)).hasSize(2));

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    complete(awaitJob(timeoutType), Map.of());
    assertThat(openTasks(key)).hasSize(2);
    openTasks(key)
        .forEach(t -> client.newCompleteUserTaskCommand(t.getUserTaskKey()).send().join());
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void cancellingTheInstanceTerminatesTheBodyAndItsInnerInstances() {
    // given
    deploy(serviceTask(collecting(false)));
    long key = start(processId, Map.of("items", List.of(1, 2))).getProcessInstanceKey();
    List<ActivatedJob> jobs = awaitJobs(jobType, 2);

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    awaitState(key, ProcessInstanceState.TERMINATED);
    assertThat(elements(key))
        .filteredOn(e -> e.getElementId().equals("work"))
        .extracting(ElementInstance::getState)
        .containsOnly(ElementInstanceState.TERMINATED)
        .hasSize(3);
    assertThatThrownBy(() -> complete(jobs.get(0), Map.of())).isInstanceOf(ProblemException.class);
  }

  // --- embedded sub-processes

  @Test
  void parallelSubProcessRunsItsContentPerItemAndCollectsOutput() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("each")
            .multiInstance(collecting(false))
            .embeddedSubProcess()
            .startEvent("innerStart")
            .serviceTask("work", t -> t.zeebeJobType(jobType))
            .endEvent("innerEnd")
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of("a", "b"))).getProcessInstanceKey();

    // when: the task inside each inner instance sees its item and loop counter
    List<ActivatedJob> jobs = awaitJobs(jobType, 2);
    assertThat(jobs)
        .extracting(j -> j.getVariable("item"), j -> j.getVariable("loopCounter"))
        .containsExactlyInAnyOrder(tuple("a", 1), tuple("b", 2));
    jobs.forEach(
        job -> complete(job, Map.of("result", ((String) job.getVariable("item")).repeat(2))));

    // then: the worker's result stayed in each inner instance and was collected in order
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariable("results")).isEqualTo(List.of("aa", "bb"));
    assertThat(after.getVariablesAsMap()).doesNotContainKeys("result", "item", "loopCounter");
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    List<ElementInstance> inner = innerInstances(body(key).getElementInstanceKey());
    assertThat(inner)
        .extracting(ElementInstance::getElementId, ElementInstance::getType)
        .containsOnly(tuple("each", ElementInstanceType.SUB_PROCESS))
        .hasSize(2);
    assertThat(innerInstances(inner.get(0).getElementInstanceKey()))
        .extracting(ElementInstance::getElementId)
        .containsExactly("innerStart", "work", "innerEnd");
  }

  @Test
  void sequentialSubProcessStopsAtTheCompletionCondition() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("each")
            .multiInstance(m -> collecting(true).accept(m.completionCondition("=result > 1")))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(jobType))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(1, 2, 3))).getProcessInstanceKey();

    // when / then: one inner instance at a time, the second one meets the condition
    ActivatedJob first = awaitJob(jobType);
    assertThat(first.getVariable("item")).isEqualTo(1);
    complete(first, Map.of("result", 1));
    ActivatedJob second = awaitJob(jobType);
    assertThat(second.getVariable("item")).isEqualTo(2);
    complete(second, Map.of("result", 2));
    ActivatedJob after = awaitJob(afterType);
    List<Object> expected = new ArrayList<>();
    expected.add(1);
    expected.add(2);
    expected.add(null);
    assertThat(after.getVariable("results")).isEqualTo(expected);
    assertThat(activate(jobType, Duration.ofMillis(200))).isEmpty();
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(innerInstances(body(key).getElementInstanceKey())).hasSize(2);
  }

  @Test
  void eventSubProcessInsideAMultiInstanceSubProcessInterruptsOnlyItsInnerInstance() {
    // given: each inner instance waits for a user task, with its own interrupting timer handler
    Instant t0 = Instant.now().plus(Duration.ofDays(6));
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "each",
                (SubProcessBuilder s) ->
                    s.multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("duration"))
                        .embeddedSubProcess()
                        .eventSubProcess(
                            "handler",
                            e ->
                                e.startEvent("handlerStart")
                                    .timerWithDuration("=duration")
                                    .serviceTask("handle", t -> t.zeebeJobType(timeoutType))
                                    .endEvent()))
            .embeddedSubProcess()
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of("PT1H", "PT5H"))).getProcessInstanceKey();
    await().untilAsserted(() -> assertThat(openTasks(key)).hasSize(2));

    // when: only the first inner instance's timer is due
    pinClock(t0.plus(Duration.ofHours(2)));

    // then: its task is cancelled and its handler runs; the other inner instance still waits
    complete(awaitJob(timeoutType), Map.of());
    await().untilAsserted(() -> assertThat(openTasks(key)).hasSize(1));
    assertThat(activate(afterType, Duration.ofMillis(200))).isEmpty();
    client.newCompleteUserTaskCommand(openTasks(key).get(0).getUserTaskKey()).send().join();
    finishAfterTask(key);
  }

  // --- call activities

  @Test
  void parallelCallActivityStartsOneChildPerItemAndCollectsTheirResults() {
    // given
    String childId = unique("mi-child");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("childWork", t -> t.zeebeJobType(jobType))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(childId)
                        // as Camunda documents: without it every child's variables (the copy of
                        // the output collection too) would be merged back and race
                        .zeebeOutputExpression("result", "result")
                        .multiInstance(collecting(false)))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(3, 4, 5))).getProcessInstanceKey();

    // when: each child sees its item
    List<ActivatedJob> jobs = awaitJobs(jobType, 3);
    assertThat(jobs).extracting(j -> j.getVariable("item")).containsExactlyInAnyOrder(3, 4, 5);
    assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).doesNotContain(key);
    jobs.forEach(
        job -> complete(job, Map.of("result", ((Number) job.getVariable("item")).intValue() * 2)));

    // then
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariable("results")).isEqualTo(List.of(6, 8, 10));
    assertThat(after.getVariablesAsMap()).doesNotContainKeys("item", "loopCounter");
    complete(after, Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(innerInstances(body(key).getElementInstanceKey()))
        .extracting(ElementInstance::getType, ElementInstance::getState)
        .containsOnly(tuple(ElementInstanceType.CALL_ACTIVITY, ElementInstanceState.COMPLETED))
        .hasSize(3);
  }

  @Test
  void interruptingTimerOnAMultiInstanceCallActivityTerminatesEveryChild() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(4));
    pinClock(t0);
    String childId = unique("mi-child");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("childWork", t -> t.zeebeJobType(jobType))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(childId)
                        .multiInstance(m -> m.sequential().zeebeInputCollectionExpression("items")))
            .boundaryEvent("timeout")
            .timerWithDuration("PT2H")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("call")
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(1, 2))).getProcessInstanceKey();
    long childKey = awaitJob(jobType).getProcessInstanceKey();

    // when
    pinClock(t0.plus(Duration.ofHours(2)));

    // then
    complete(awaitJob(timeoutType), Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    awaitState(childKey, ProcessInstanceState.TERMINATED);
    assertThat(body(key).getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertThat(activate(jobType, Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void errorThrownByOneInnerInstanceIsCaughtByTheBoundaryOfTheBody() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(jobType).multiInstance(collecting(false)))
            .boundaryEvent("rejected")
            .error("REJECTED")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(1, 2, 3))).getProcessInstanceKey();
    List<ActivatedJob> jobs = awaitJobs(jobType, 3);

    // when
    client.newThrowErrorCommand(jobs.get(1)).errorCode("REJECTED").send().join();

    // then: the body and every inner instance are terminated
    complete(awaitJob(timeoutType), Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    ElementInstance body = body(key);
    assertThat(body.getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertThat(innerInstances(body.getElementInstanceKey()))
        .extracting(ElementInstance::getState)
        .containsOnly(ElementInstanceState.TERMINATED)
        .hasSize(3);
    assertThatThrownBy(() -> complete(jobs.get(0), Map.of())).isInstanceOf(ProblemException.class);
  }

  @Test
  void interruptingTimerOnAMultiInstanceSubProcessTerminatesItsContent() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(5));
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("each")
            .multiInstance(m -> m.zeebeInputCollectionExpression("items"))
            .embeddedSubProcess()
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .subProcessDone()
            .boundaryEvent("timeout")
            .timerWithDuration("PT3H")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("each")
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(1, 2))).getProcessInstanceKey();
    await().untilAsserted(() -> assertThat(openTasks(key)).hasSize(2));

    // when
    pinClock(t0.plus(Duration.ofHours(3)));

    // then
    complete(awaitJob(timeoutType), Map.of());
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(openTasks(key)).isEmpty();
    assertThat(elements(key))
        .filteredOn(e -> e.getElementId().equals("review"))
        .extracting(ElementInstance::getState)
        .containsOnly(ElementInstanceState.TERMINATED)
        .hasSize(2);
  }

  // --- deployment

  @Test
  void standardLoopIsRejectedAtDeployment() {
    // given: the Zeebe model has no type for it, so it is written into the XML
    String xml =
        Bpmn.convertToString(serviceTask(m -> m.zeebeInputCollectionExpression("items")))
            .replaceAll(
                "(?s)<multiInstanceLoopCharacteristics.*</multiInstanceLoopCharacteristics>",
                "<standardLoopCharacteristics/>");
    assertThat(xml).contains("standardLoopCharacteristics");

    // when / then
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceStringUtf8(xml, "standard-loop.bpmn")
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("'work'", "standardLoopCharacteristics");
            });
  }
}
