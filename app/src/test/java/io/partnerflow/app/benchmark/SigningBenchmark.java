package io.partnerflow.app.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.contract.SignatureInput;
import io.partnerflow.app.contract.SigningTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): how long {@link ContractSigning#sign} takes for the partner's
 * signatory, and the time from its return to legal's countersign task being searchable (the
 * engine's job for the notice to legal, then the user task). {@code ./mvnw -B -pl app -am
 * -Pbenchmark test -Dtest=SigningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, option {@code
 * -Dbenchmark.signatures=50}.
 */
@PartnerflowTest
class SigningBenchmark {

  @Autowired ContractSigning signing;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  @Test
  void measure() throws Exception {
    int signatures = Integer.getInteger("benchmark.signatures", 50);
    deployments.deploy(deployments.configuredModels());
    System.out.printf(
        "%nPartnerflow signing benchmark on %d cores%n",
        Runtime.getRuntime().availableProcessors());

    long[] signCall = new long[signatures];
    long[] toCountersignTask = new long[signatures];
    for (int i = 0; i < signatures; i++) {
      // a gold reseller: legal countersigns
      long partnerId = newPartner();
      String signatory = PartnerTestData.partnerUser(users, jdbc, partnerId, "benchmark-pw-1234");
      long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("contract-signing")
              .latestVersion()
              .variables(Map.of("partnerId", partnerId))
              .send()
              .join()
              .getProcessInstanceKey();
      UserTask sign = awaitTask(instance, "sign-contract", PartnerGroups.signatories(partnerId));
      login(signatory);
      SigningTask shown = signing.open(sign.getUserTaskKey());
      SignatureInput input =
          new SignatureInput("Bea Benchmark", true, shown.document().sha256(), null, null);

      long started = System.nanoTime();
      signing.sign(sign.getUserTaskKey(), input);
      long signed = System.nanoTime();
      awaitTask(instance, "countersign-contract", "legal");
      long searchable = System.nanoTime();
      SecurityContextHolder.clearContext();

      signCall[i] = signed - started;
      toCountersignTask[i] = searchable - signed;
    }
    print("ContractSigning.sign (claim, evidence, complete)", signCall);
    print("sign returned -> countersign task searchable", toCountersignTask);
  }

  private long newPartner() {
    String name = "Benchmark " + UUID.randomUUID().toString().substring(0, 8);
    return SystemIdentity.call(
        () ->
            partners.create(
                new NewPartner(
                    name,
                    null,
                    "DE",
                    PartnerType.RESELLER,
                    PartnerTier.GOLD,
                    "manager",
                    PartnerContact.primary(
                        "Bea Benchmark",
                        name.replace(' ', '-').toLowerCase() + "@benchmark.example",
                        null),
                    70,
                    null)));
  }

  /** Polls the task search as a screen would, every 2 ms. */
  private UserTask awaitTask(long instance, String elementId, String group)
      throws InterruptedException {
    long giveUp = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < giveUp) {
      List<UserTask> items =
          client
              .newUserTaskSearchRequest()
              .filter(
                  filter ->
                      filter
                          .processInstanceKey(instance)
                          .elementId(elementId)
                          .candidateGroup(group)
                          .state(UserTaskState.CREATED))
              .send()
              .join()
              .items();
      if (!items.isEmpty()) {
        return items.get(0);
      }
      Thread.sleep(2);
    }
    throw new AssertionError("No " + elementId + " task within 60 s");
  }

  private void login(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
        what,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
