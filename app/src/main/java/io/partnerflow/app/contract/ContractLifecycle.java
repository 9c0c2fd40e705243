package io.partnerflow.app.contract;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.contract.ContractRepository.NewContract;
import io.partnerflow.app.security.SystemIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the contract-signing process's workers take on a contract: prepare and render it,
 * record where it stands, countersign as the platform, seal it and put it in force. For process
 * workers only (they call as {@link SystemIdentity}); each step can run twice without harm, since a
 * job may be retried.
 */
@Service
@Secured(SystemIdentity.AUTHORITY)
public class ContractLifecycle {

  /** How the platform signs where the decision table requires no person. */
  static final String PLATFORM_ACCOUNT = "system";

  static final String PLATFORM_NAME = "Partnerflow platform";

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ContractProperties properties;
  private final Clock clock;
  private final AuditLog auditLog;

  ContractLifecycle(
      ContractRepository contracts,
      ContractDocuments documents,
      ContractProperties properties,
      Clock clock,
      AuditLog auditLog) {
    this.contracts = contracts;
    this.auditLog = auditLog;
    this.documents = documents;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Creates the instance's contract on the first call and renders a fresh document for signing on
   * every call (first issue, re-issue after a decline, revision after legal's change request). A
   * renewal takes effect the day after the contract it renews ends; any other contract today.
   */
  @Transactional
  public Prepared prepare(Preparation preparation) {
    LocalDate effectiveOn = effectiveOn(preparation.renewalOf());
    long contractId =
        contracts.insertOnce(
            new NewContract(
                preparation.partnerId(),
                preparation.processInstanceKey(),
                preparation.renewalOf(),
                preparation.templateId(),
                preparation.countersignatureRequired(),
                preparation.termMonths(),
                preparation.language(),
                effectiveOn));
    Contract contract = contracts.lockById(contractId).orElseThrow();
    StoredDocument document =
        documents.render(
            new ContractDraft(
                contract.partnerId(),
                contractId,
                contract.templateId(),
                contract.language(),
                contract.termMonths(),
                effectiveOn));
    contracts.showDocument(contractId, document.id(), document.sha256(), effectiveOn);
    return new Prepared(contractId, document.id());
  }

  private LocalDate effectiveOn(Long renewalOf) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (renewalOf == null) {
      return today;
    }
    LocalDate previousEnd = contracts.findById(renewalOf).map(Contract::endsOn).orElse(null);
    return previousEnd == null || previousEnd.isBefore(today) ? today : previousEnd.plusDays(1);
  }

  @Transactional(readOnly = true)
  public Contract get(long contractId) {
    return contracts
        .findById(contractId)
        .orElseThrow(() -> new IllegalStateException("No contract " + contractId));
  }

  @Transactional
  public void recordStatus(long contractId, ContractStatus status) {
    get(contractId);
    contracts.updateStatus(contractId, status);
  }

  /** The platform's countersignature of the current document, recorded as such. */
  @Transactional
  public void countersignAsPlatform(long contractId) {
    Contract contract = contracts.lockById(contractId).orElseThrow();
    SignatureEvidence evidence =
        new SignatureEvidence(
            SignerRole.PLATFORM,
            PLATFORM_ACCOUNT,
            PLATFORM_NAME,
            clock.instant(),
            null,
            null,
            contract.currentDocumentSha256());
    boolean signedNow = contracts.insertSignature(contractId, evidence, null);
    contracts.updateStatus(contractId, ContractStatus.COUNTERSIGNED);
    if (signedNow) {
      auditLog.record(
          AuditAction.CONTRACT_COUNTERSIGNED,
          AuditSubject.contract(
              String.valueOf(contractId), contract.partnerId(), contract.processInstanceKey()),
          Map.of("status", contract.status().name()),
          evidence);
    }
  }

  /** Seals the signed document with every signature's evidence; once per contract. */
  @Transactional
  public long seal(long contractId) {
    Contract contract = contracts.lockById(contractId).orElseThrow();
    if (contract.sealedDocumentId() != null) {
      return contract.sealedDocumentId();
    }
    List<SignatureEvidence> evidence =
        contracts.signatures(contractId, contract.currentDocumentSha256());
    StoredDocument sealed = documents.seal(contract.currentDocumentId(), evidence);
    contracts.seal(contractId, sealed.id());
    return sealed.id();
  }

  /** In force from its effective date for its term; the renewal is due a lead time before. */
  @Transactional
  public InForce putInForce(long contractId) {
    Contract contract = contracts.lockById(contractId).orElseThrow();
    LocalDate endsOn = contract.effectiveOn().plusMonths(contract.termMonths()).minusDays(1);
    if (contract.status() != ContractStatus.IN_FORCE) {
      contracts.putInForce(contractId, endsOn, clock.instant());
    }
    Instant renewalAt =
        endsOn.minus(properties.renewalLead()).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new InForce(contract.effectiveOn(), endsOn, renewalAt);
  }

  /** What the process passes to prepare a contract. */
  public record Preparation(
      long partnerId,
      long processInstanceKey,
      Long renewalOf,
      String templateId,
      boolean countersignatureRequired,
      int termMonths,
      String language) {}

  /** The contract and the document now shown for signing. */
  public record Prepared(long contractId, long documentId) {}

  /** The contract's term, and when its renewal starts. */
  public record InForce(LocalDate effectiveOn, LocalDate endsOn, Instant renewalAt) {}
}
