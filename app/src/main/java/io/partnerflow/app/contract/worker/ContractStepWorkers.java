package io.partnerflow.app.contract.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.contract.ContractLifecycle;
import io.partnerflow.app.contract.ContractLifecycle.InForce;
import io.partnerflow.app.contract.ContractStatus;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The short steps of contract-signing after the signatures, one job type each: {@code
 * contract-platform-countersign}, {@code contract-seal}, {@code contract-in-force} and {@code
 * contract-cancel}. The last two return {@code contractStatus}, which the calling process reads.
 */
@Component
// public: the Camunda SDK invokes the worker methods reflectively
public class ContractStepWorkers {

  private final ContractLifecycle lifecycle;

  ContractStepWorkers(ContractLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(
      type = "contract-platform-countersign",
      fetchVariables = {"contractId"})
  public void countersignAsPlatform(@Variable Long contractId) {
    long id = require(contractId);
    SystemIdentity.call(
        () -> {
          lifecycle.countersignAsPlatform(id);
          return null;
        });
  }

  @JobWorker(
      type = "contract-seal",
      fetchVariables = {"contractId"})
  public Map<String, Object> seal(@Variable Long contractId) {
    long id = require(contractId);
    return Map.of("sealedDocumentId", SystemIdentity.call(() -> lifecycle.seal(id)));
  }

  @JobWorker(
      type = "contract-in-force",
      fetchVariables = {"contractId"})
  public Map<String, Object> putInForce(@Variable Long contractId) {
    long id = require(contractId);
    InForce inForce = SystemIdentity.call(() -> lifecycle.putInForce(id));
    return Map.of(
        "contractStatus", ContractStatus.IN_FORCE.name(),
        "effectiveOn", inForce.effectiveOn().toString(),
        "endsOn", inForce.endsOn().toString(),
        "renewalAt", inForce.renewalAt().toString());
  }

  @JobWorker(
      type = "contract-cancel",
      fetchVariables = {"contractId"})
  public Map<String, Object> cancel(@Variable Long contractId) {
    long id = require(contractId);
    SystemIdentity.call(
        () -> {
          lifecycle.recordStatus(id, ContractStatus.CANCELLED);
          return null;
        });
    return Map.of("contractStatus", ContractStatus.CANCELLED.name());
  }

  private static long require(Long contractId) {
    if (contractId == null) {
      throw new IllegalStateException("The contract-signing instance has no contractId yet");
    }
    return contractId;
  }
}
