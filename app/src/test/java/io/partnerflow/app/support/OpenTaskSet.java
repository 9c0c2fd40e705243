package io.partnerflow.app.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Many open staff tasks for the task list benchmarks, made through the client: {@code tasks / 10}
 * instances of a new process whose user task ("Review") is a parallel multi-instance of 10 for the
 * partner managers, due in two days, each instance naming its company ({@code companyName}) or,
 * every other one, one of 50 new partners ({@code partnerId}; each partner has {@code tasks / 1000}
 * instances).
 *
 * @param processId the new process's id, unique to this set
 * @param suffix what makes this set's company and partner names unique
 * @param openTasks how many tasks are open
 * @param seconds how long making them took
 */
public record OpenTaskSet(String processId, String suffix, long openTasks, double seconds) {

  /** Partners the instances name by id; the others name a company of their own. */
  public static final int PARTNERS = 50;

  /** Makes the set and waits until the engine lists every task open. */
  public static OpenTaskSet make(CamundaClient client, PartnerService partners, int tasks)
      throws InterruptedException {
    String processId = "bench-tasks-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("bench-review")
                .name("Review")
                .zeebeUserTask()
                .zeebeCandidateGroups("partner-managers")
                .zeebeDueDate("=now() + duration(\"P2D\")")
                .multiInstance(
                    mi -> mi.parallel().zeebeInputCollectionExpression("[1,2,3,4,5,6,7,8,9,10]"))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    String suffix = processId.substring("bench-tasks-".length());
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    long[] partnerIds = new long[PARTNERS];
    try {
      for (int i = 0; i < partnerIds.length; i++) {
        partnerIds[i] =
            partners.create(
                PartnerTestData.newPartner(
                    partnerName(suffix, i), PartnerType.RESELLER, PartnerTier.SILVER));
      }
    } finally {
      SecurityContextHolder.clearContext();
    }

    long creating = System.nanoTime();
    ExecutorService starters = Executors.newFixedThreadPool(8);
    int instances = tasks / 10;
    for (int i = 0; i < instances; i++) {
      int n = i;
      Map<String, Object> variables =
          n % 2 == 0
              ? Map.of("partnerId", partnerIds[(n / 2) % partnerIds.length])
              : Map.of("companyName", "Bench Company " + suffix + " " + n);
      starters.submit(
          () ->
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId(processId)
                  .latestVersion()
                  .variables(variables)
                  .send()
                  .join());
    }
    starters.shutdown();
    starters.awaitTermination(2, TimeUnit.HOURS);
    long open = awaitOpenTasks(client, processId, instances * 10L);
    return new OpenTaskSet(processId, suffix, open, (System.nanoTime() - creating) / 1e9);
  }

  /** The name of the set's i-th partner (0 to {@link #PARTNERS} - 1). */
  public String partnerName(int i) {
    return partnerName(suffix, i);
  }

  /** The name the i-th instance naming a company of its own gives (odd i only). */
  public String companyName(int i) {
    return "Bench Company " + suffix + " " + i;
  }

  private static String partnerName(String suffix, int i) {
    return "Bench Partner " + suffix + " " + i;
  }

  private static long awaitOpenTasks(CamundaClient client, String processId, long expected)
      throws InterruptedException {
    // wall time on purpose: the engine clock may be moved by other tests, this waits for real
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(30));
    long open = 0;
    while (Instant.now().isBefore(giveUp)) {
      Long total =
          client
              .newUserTaskSearchRequest()
              .filter(filter -> filter.bpmnProcessId(processId).state(UserTaskState.CREATED))
              .page(page -> page.limit(1))
              .send()
              .join()
              .page()
              .totalItems();
      open = total == null ? 0 : total;
      if (open >= expected) {
        return open;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Only " + open + " of " + expected + " tasks opened");
  }
}
