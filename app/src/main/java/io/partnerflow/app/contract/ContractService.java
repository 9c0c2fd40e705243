package io.partnerflow.app.contract;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.task.UserTaskReads;
import io.partnerflow.app.tasklist.CompletionGuard;
import io.partnerflow.app.tasklist.TaskAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ContractSigning} on the contract-signing process: the partner's signatory works {@code
 * sign-contract}, legal works {@code countersign-contract}. Every call checks on the server that
 * the current user may work the task (assignee, candidate user or one of their task groups, {@link
 * PartnerMembership#taskGroups}: a partner user's signatory group comes from portal role
 * SIGNATORY), records what it must in the database and completes the task through the Camunda
 * client, claiming it first for the user; the completion names the user, so the completion guard
 * holds the task for whoever has claimed it meanwhile. If the engine refuses the completion the
 * recorded signature is taken back, so evidence exists exactly for completed tasks.
 */
@Service
public class ContractService implements ContractSigning {

  static final String SIGN = "sign-contract";
  static final String COUNTERSIGN = "countersign-contract";

  private static final int MAX_NAME = 200;
  private static final int MAX_TEXT = 2000;

  private final CamundaClient client;
  private final UserTaskReads taskReads;
  private final CurrentUser currentUser;
  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final PartnerService partners;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final PartnerMembership membership;
  private final AuditLog auditLog;

  ContractService(
      CamundaClient client,
      UserTaskReads taskReads,
      CurrentUser currentUser,
      ContractRepository contracts,
      ContractDocuments documents,
      PartnerService partners,
      Clock clock,
      TransactionTemplate transaction,
      PartnerMembership membership,
      AuditLog auditLog) {
    this.client = client;
    this.taskReads = taskReads;
    this.currentUser = currentUser;
    this.contracts = contracts;
    this.documents = documents;
    this.partners = partners;
    this.clock = clock;
    this.transaction = transaction;
    this.membership = membership;
    this.auditLog = auditLog;
  }

  @Override
  @Secured({"ROLE_PARTNER", "ROLE_LEGAL", "ROLE_ADMIN", "ROLE_PARTNER_MANAGER"})
  public SigningTask open(long userTaskKey) {
    Allowed allowed = allowedTask(userTaskKey);
    Contract contract = allowed.contract();
    Partner partner =
        partners
            .findById(contract.partnerId())
            .orElseThrow(() -> new IllegalStateException("No partner " + contract.partnerId()));
    boolean partnerUser = allowed.user().roles().contains(Role.PARTNER);
    List<SignatureEvidence> earlier =
        contracts.signatures(contract.id(), contract.currentDocumentSha256()).stream()
            .map(evidence -> partnerUser ? withoutStaffIdentity(evidence) : evidence)
            .toList();
    return new SigningTask(
        userTaskKey,
        contract.id(),
        contract.partnerId(),
        partner.name(),
        allowed.role(),
        documents.describe(contract.currentDocumentId()),
        earlier);
  }

  @Override
  @Secured({"ROLE_PARTNER", "ROLE_LEGAL", "ROLE_ADMIN", "ROLE_PARTNER_MANAGER"})
  public void sign(long userTaskKey, SignatureInput input) {
    Allowed allowed = allowedTask(userTaskKey);
    Contract contract = allowed.contract();
    if (input == null || !input.consent()) {
      throw new ContractSigningException("contract.error.consent");
    }
    String typedName = input.typedName() == null ? "" : input.typedName().strip();
    if (typedName.isEmpty()) {
      throw new ContractSigningException("contract.error.typedName");
    }
    if (typedName.length() > MAX_NAME) {
      throw new ContractSigningException("contract.error.typedNameTooLong");
    }
    if (contract.currentDocumentSha256() == null
        || !contract.currentDocumentSha256().equalsIgnoreCase(input.shownDocumentSha256())) {
      throw new ContractSigningException("contract.error.documentChanged");
    }
    String username = allowed.user().username();
    SignatureEvidence evidence =
        new SignatureEvidence(
            allowed.role(),
            username,
            typedName,
            clock.instant(),
            cut(input.clientAddress(), 100),
            cut(input.userAgent(), 1000),
            contract.currentDocumentSha256());
    claim(allowed);
    boolean partnerSigns = allowed.role() == SignerRole.PARTNER;
    boolean recorded =
        Boolean.TRUE.equals(
            transaction.execute(
                tx -> {
                  if (!contracts.insertSignature(contract.id(), evidence, userTaskKey)) {
                    return false;
                  }
                  contracts.updateStatus(
                      contract.id(),
                      partnerSigns ? ContractStatus.SIGNED : ContractStatus.COUNTERSIGNED);
                  return true;
                }));
    if (!recorded) {
      throw new ContractSigningException("contract.error.alreadySigned");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("decision", partnerSigns ? "signed" : "countersigned");
    complete(
        allowed,
        variables,
        () -> {
          contracts.deleteSignature(contract.id(), userTaskKey);
          contracts.updateStatus(contract.id(), contract.status());
        });
    audit(
        partnerSigns ? AuditAction.CONTRACT_SIGNED : AuditAction.CONTRACT_COUNTERSIGNED,
        contract,
        evidence);
  }

  @Override
  @Secured({"ROLE_PARTNER", "ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL"})
  public void decline(long userTaskKey, String reason) {
    Allowed allowed = allowedTask(userTaskKey);
    if (allowed.role() != SignerRole.PARTNER) {
      throw new ContractSigningException("contract.error.onlyPartnerDeclines");
    }
    String text = required(reason, "contract.error.reasonRequired");
    Contract contract = allowed.contract();
    claim(allowed);
    contracts.decline(contract.id(), text);
    complete(
        allowed,
        Map.of("decision", "declined", "declineReason", text),
        () -> contracts.updateStatus(contract.id(), contract.status()));
    audit(AuditAction.CONTRACT_DECLINED, contract, Map.of("reason", text));
  }

  @Override
  @Secured({"ROLE_LEGAL", "ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_PARTNER"})
  public void requestChanges(long userTaskKey, String comment) {
    Allowed allowed = allowedTask(userTaskKey);
    if (allowed.role() != SignerRole.LEGAL) {
      throw new ContractSigningException("contract.error.onlyLegalRequestsChanges");
    }
    String text = required(comment, "contract.error.commentRequired");
    Contract contract = allowed.contract();
    claim(allowed);
    contracts.requestChanges(contract.id(), text);
    complete(
        allowed,
        Map.of("decision", "request-changes", "changeRequest", text),
        () -> contracts.updateStatus(contract.id(), contract.status()));
    audit(AuditAction.CONTRACT_CHANGES_REQUESTED, contract, Map.of("comment", text));
  }

  /**
   * A partner user may ask only about their own organisation (anything else is refused like an
   * unknown partner); staff and process workers about any.
   */
  @Override
  @Secured({
    "ROLE_PARTNER",
    "ROLE_ADMIN",
    "ROLE_PARTNER_MANAGER",
    "ROLE_LEGAL",
    "ROLE_ENABLEMENT",
    "ROLE_SYSTEM"
  })
  public boolean hasSignedContract(long partnerId) {
    if (partners.findById(partnerId).isEmpty()) {
      return false;
    }
    return contracts.anyInForce(partnerId, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  private Allowed allowedTask(long userTaskKey) {
    UserAccount user =
        currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    UserTask task =
        taskReads
            .task(userTaskKey)
            .orElseThrow(() -> new AccessDeniedException("No such signing task"));
    SignerRole role =
        switch (task.getElementId() == null ? "" : task.getElementId()) {
          case SIGN -> SignerRole.PARTNER;
          case COUNTERSIGN -> SignerRole.LEGAL;
          default -> null;
        };
    // one answer for a missing task, another's task and a task that is no signing task
    if (role == null || !mayWork(user, task)) {
      throw new AccessDeniedException("No such signing task");
    }
    if (task.getState() != UserTaskState.CREATED) {
      throw new ContractSigningException("contract.error.notOpen");
    }
    Contract contract =
        contracts
            .findByProcessInstance(task.getProcessInstanceKey())
            .orElseThrow(() -> new IllegalStateException("The task has no contract"));
    return new Allowed(user, task, role, contract);
  }

  private boolean mayWork(UserAccount user, UserTask task) {
    return TaskAccess.mayWork(
        user.username(),
        membership.taskGroups(user),
        task.getAssignee(),
        task.getCandidateUsers(),
        task.getCandidateGroups());
  }

  private void claim(Allowed allowed) {
    String assignee = allowed.task().getAssignee();
    String username = allowed.user().username();
    if (username.equals(assignee)) {
      return;
    }
    if (assignee != null && !assignee.isBlank()) {
      throw new ContractSigningException("contract.error.claimedByOther");
    }
    try {
      client
          .newAssignUserTaskCommand(allowed.task().getUserTaskKey())
          .assignee(username)
          .allowOverride(false)
          .send()
          .join();
    } catch (ProblemException e) {
      throw new ContractSigningException("contract.error.changedMeanwhile");
    }
  }

  private void complete(Allowed allowed, Map<String, Object> decision, Runnable undo) {
    String username = allowed.user().username();
    Map<String, Object> variables = new LinkedHashMap<>(decision);
    variables.put("completedBy", username);
    try {
      client
          .newCompleteUserTaskCommand(allowed.task().getUserTaskKey())
          .variables(variables)
          .action(CompletionGuard.actionOf(username))
          .send()
          .join();
    } catch (ProblemException e) {
      transaction.executeWithoutResult(tx -> undo.run());
      throw new ContractSigningException("contract.error.changedMeanwhile");
    }
  }

  /** A partner user sees that legal or the platform countersigned, not which staff member. */
  private static SignatureEvidence withoutStaffIdentity(SignatureEvidence evidence) {
    if (evidence.role() == SignerRole.PARTNER) {
      return evidence;
    }
    return new SignatureEvidence(
        evidence.role(), null, null, evidence.signedAt(), null, null, evidence.documentSha256());
  }

  /** Written once the engine took the completion: a refused one leaves no entry. */
  private void audit(AuditAction action, Contract contract, Object what) {
    auditLog.record(
        action,
        AuditSubject.contract(
            String.valueOf(contract.id()), contract.partnerId(), contract.processInstanceKey()),
        Map.of("status", contract.status().name()),
        what);
  }

  private static String required(String text, String messageKey) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new ContractSigningException(messageKey);
    }
    if (value.length() > MAX_TEXT) {
      throw new ContractSigningException("contract.error.tooLong");
    }
    return value;
  }

  private static String cut(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max);
  }

  private record Allowed(UserAccount user, UserTask task, SignerRole role, Contract contract) {}
}
