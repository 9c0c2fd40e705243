package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Job commands take the engine's instance locks (the root of a call tree first): a job of a called
 * instance is completed only once the root instance's lock is free.
 */
class JobLockingTest extends EngineScenarioTest {

  @Autowired DataSource dataSource;

  @Test
  void shouldWaitForTheRootInstanceLockBeforeCompletingAJobOfACalledInstance() throws Exception {
    // given: a parent calling a child that waits at a job (the parent then waits at a job too, so
    // that nothing but the lock itself makes the completion touch the parent's row)
    String parentId = unique("lock-parent");
    String childId = unique("lock-child");
    String type = unique("lock-work");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .serviceTask("after", t -> t.zeebeJobType(type + "-after"))
            .endEvent()
            .done());
    long parent = start(parentId, Map.of()).getProcessInstanceKey();
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getProcessInstanceKey()).isNotEqualTo(parent);

    try (Connection other = dataSource.getConnection()) {
      // when: another transaction holds the root instance's row lock
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement(
              "SELECT key FROM engine.process_instance WHERE key = ? FOR UPDATE")) {
        lock.setLong(1, parent);
        lock.executeQuery().close();
      }
      CompletableFuture<?> completion =
          client.newCompleteCommand(jobs.get(0)).send().toCompletableFuture();

      // then: the completion waits for it, and goes through once it is released
      Thread.sleep(500);
      assertThat(completion).isNotDone();
      other.rollback();
      completion.get(10, TimeUnit.SECONDS);
    }
    List<ActivatedJob> after =
        client
            .newActivateJobsCommand()
            .jobType(type + "-after")
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs();
    assertThat(after).hasSize(1);
    client.newCompleteCommand(after.get(0)).send().join();
    awaitState(parent, ProcessInstanceState.COMPLETED);
  }
}
