package io.partnerflow.app.contract.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.contract.ContractLifecycle;
import io.partnerflow.app.contract.ContractLifecycle.Preparation;
import io.partnerflow.app.contract.ContractLifecycle.Prepared;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code contract-prepare}: creates the instance's contract (once) and renders a fresh
 * document for signing; returns {@code contractId} and {@code documentId}.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class PrepareContractWorker {

  private final ContractLifecycle lifecycle;

  PrepareContractWorker(ContractLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = "contract-prepare")
  public Map<String, Object> prepare(
      @ProcessInstanceKey long processInstanceKey, @VariablesAsType ContractVariables variables) {
    Preparation preparation =
        new Preparation(
            variables.requirePartnerId(),
            processInstanceKey,
            variables.renewalOf(),
            require(variables.templateId(), "templateId"),
            Boolean.TRUE.equals(variables.countersignatureRequired()),
            require(variables.termMonths(), "termMonths").intValue(),
            variables.language() == null ? "en" : variables.language());
    Prepared prepared = SystemIdentity.call(() -> lifecycle.prepare(preparation));
    return Map.of("contractId", prepared.contractId(), "documentId", prepared.documentId());
  }

  private static <T> T require(T value, String name) {
    if (value == null) {
      throw new IllegalStateException("The contract-signing instance has no " + name);
    }
    return value;
  }
}
