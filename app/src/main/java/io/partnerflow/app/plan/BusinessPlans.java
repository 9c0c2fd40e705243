package io.partnerflow.app.plan;

import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.security.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The joint business plans. Partner users of the partner draft, submit and sign off; the partner's
 * manager, team leads and administrators review and sign off; each method checks on the server that
 * the caller may (see {@link PlanAccess}) and that the plan's state allows it.
 */
@Service
public class BusinessPlans {

  private static final int MAX_COMMENT = 2000;

  private final BusinessPlanRepository repository;
  private final PlanAccess access;
  private final PlanTasks tasks;
  private final PlanProperties properties;
  private final PlanValidator validator;
  private final PlanApproval approval;
  private final AuditLog auditLog;
  private final TransactionTemplate transaction;
  private final Clock clock;

  BusinessPlans(
      BusinessPlanRepository repository,
      PlanAccess access,
      PlanTasks tasks,
      PlanProperties properties,
      PlanApproval approval,
      AuditLog auditLog,
      TransactionTemplate transaction,
      Clock clock) {
    this.repository = repository;
    this.access = access;
    this.tasks = tasks;
    this.properties = properties;
    this.validator = new PlanValidator(properties.productLines());
    this.approval = approval;
    this.auditLog = auditLog;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The product lines a plan may name. */
  public List<String> productLines() {
    return properties.productLines();
  }

  /** All versions of the partner's plan, newest first. */
  @Secured({PlanRoles.PARTNER, PlanRoles.MANAGER, PlanRoles.ADMIN})
  public List<PlanVersion> versions(long partnerId) {
    PlanAccess.Caller caller = access.check(partnerId);
    return repository.versions(partnerId).stream()
        .map(version -> caller.partnerUser() ? version.forPartner() : version)
        .toList();
  }

  /** The newest version (the one in review, or the approved one), if any. */
  @Secured({PlanRoles.PARTNER, PlanRoles.MANAGER, PlanRoles.ADMIN})
  public Optional<PlanVersion> current(long partnerId) {
    return versions(partnerId).stream().findFirst();
  }

  /** The steps of the plan's process the caller may take now. */
  @Secured({PlanRoles.PARTNER, PlanRoles.MANAGER, PlanRoles.ADMIN})
  public Set<PlanStep> myOpenSteps(long partnerId) {
    PlanAccess.Caller caller = access.check(partnerId);
    Optional<PlanVersion> current = repository.latest(partnerId);
    Set<PlanStep> steps = EnumSet.noneOf(PlanStep.class);
    if (current.isEmpty()) {
      return steps;
    }
    UserAccount user = access.user();
    for (UserTask task : tasks.open(current.get().processInstanceKey())) {
      PlanStep.ofElement(task.getElementId())
          .filter(step -> mayTake(caller, user, step, task))
          .ifPresent(steps::add);
    }
    return steps;
  }

  /**
   * Saves the draft if nobody saved it since the caller read {@code expectedLock}.
   *
   * @throws PlanConflictException somebody else saved in between: nothing was written
   * @throws PlanValidationException with the wrong fields: nothing was written
   */
  @Secured(PlanRoles.PARTNER)
  public PlanVersion save(long partnerId, int expectedLock, PlanContent content) {
    PlanAccess.Caller caller = access.checkPartnerUser(partnerId);
    Map<String, String> errors = validator.draftErrors(content);
    if (!errors.isEmpty()) {
      throw new PlanValidationException(errors);
    }
    PlanVersion saved =
        transaction.execute(
            tx -> {
              PlanVersion version = editable(partnerId);
              if (version.lockVersion() != expectedLock
                  || !repository.saveContent(
                      version.id(), expectedLock, content, caller.username(), now())) {
                throw new PlanConflictException(
                    version.updatedBy(), version.updatedAt(), version.lockVersion());
              }
              return repository.find(version.id()).orElseThrow();
            });
    audit(AuditAction.PLAN_SAVED, saved, Map.of("lockVersion", saved.lockVersion()));
    return saved.forPartner();
  }

  /** Hands the draft in for review (it must be complete); the manager's review task opens. */
  @Secured(PlanRoles.PARTNER)
  public void submit(long partnerId) {
    access.checkPartnerUser(partnerId);
    UserAccount user = access.user();
    PlanVersion version = editable(partnerId);
    Map<String, String> errors = validator.submitErrors(version.content());
    if (!errors.isEmpty()) {
      throw new PlanValidationException(errors);
    }
    UserTask task = partnerTask(user, version, PlanStep.DRAFT);
    transaction.executeWithoutResult(tx -> repository.submitted(version.id(), now()));
    completeOrUndo(
        task,
        user.username(),
        Map.of(),
        () -> repository.restoreStatus(version.id(), version.status()));
    audit(AuditAction.PLAN_SUBMITTED, version, Map.of("versionNo", version.versionNo()));
  }

  /** The manager sends the plan back with comments per section (at least one). */
  @Secured({PlanRoles.MANAGER, PlanRoles.ADMIN})
  public void returnForChanges(long partnerId, Map<PlanSection, String> comments) {
    PlanAccess.Caller caller = access.checkStaff(partnerId);
    Map<PlanSection, String> kept = new EnumMap<>(PlanSection.class);
    comments.forEach(
        (section, text) -> {
          if (text != null && !text.isBlank()) {
            kept.put(section, text.strip());
          }
        });
    if (kept.isEmpty()) {
      throw new PlanValidationException(Map.of("comments", "plan.error.commentRequired"));
    }
    if (kept.values().stream().anyMatch(text -> text.length() > MAX_COMMENT)) {
      throw new PlanValidationException(Map.of("comments", "plan.error.tooLong"));
    }
    PlanVersion version = inReview(partnerId);
    UserTask task = staffTask(version, PlanStep.REVIEW);
    transaction.executeWithoutResult(tx -> repository.returned(version.id(), kept));
    completeOrUndo(
        task,
        caller.username(),
        Map.of("reviewDecision", "RETURNED"),
        () -> repository.restoreStatus(version.id(), PlanStatus.SUBMITTED));
    audit(AuditAction.PLAN_RETURNED, version, Map.of("comments", kept));
  }

  /** The manager agrees with the plan; the sign-offs follow. */
  @Secured({PlanRoles.MANAGER, PlanRoles.ADMIN})
  public void approveReview(long partnerId) {
    PlanAccess.Caller caller = access.checkStaff(partnerId);
    PlanVersion version = inReview(partnerId);
    UserTask task = staffTask(version, PlanStep.REVIEW);
    transaction.executeWithoutResult(tx -> repository.reviewApproved(version.id()));
    tasks.complete(task, caller.username(), Map.of("reviewDecision", "APPROVED"));
    audit(AuditAction.PLAN_REVIEW_APPROVED, version, Map.of("versionNo", version.versionNo()));
  }

  /**
   * Signs the plan off: the partner's main contact in the portal, or the partner's manager; the
   * plan is frozen once both did.
   */
  @Secured({PlanRoles.PARTNER, PlanRoles.MANAGER, PlanRoles.ADMIN})
  public void signOff(long partnerId) {
    PlanAccess.Caller caller = access.check(partnerId);
    PlanVersion version = inReview(partnerId);
    if (caller.partnerUser()) {
      UserTask task = partnerTask(access.user(), version, PlanStep.PARTNER_SIGN_OFF);
      transaction.executeWithoutResult(
          tx -> repository.partnerSigned(version.id(), caller.username(), now()));
      tasks.complete(task, caller.username(), Map.of());
    } else {
      UserTask task = staffTask(version, PlanStep.MANAGER_SIGN_OFF);
      transaction.executeWithoutResult(
          tx -> repository.managerSigned(version.id(), caller.username(), now()));
      tasks.complete(task, caller.username(), Map.of());
    }
    audit(
        AuditAction.PLAN_SIGNED_OFF,
        version,
        Map.of("by", caller.partnerUser() ? "PARTNER" : "MANAGER"));
  }

  /**
   * Starts a change of the approved plan: a new draft version with the approved content, through
   * the same review.
   */
  @Secured(PlanRoles.PARTNER)
  public PlanVersion startChange(long partnerId) {
    access.checkPartnerUser(partnerId);
    PlanVersion approved =
        repository
            .latest(partnerId)
            .filter(version -> version.status() == PlanStatus.APPROVED)
            .orElseThrow(() -> new PlanRefusedException("plan.error.changeOpenAlready"));
    PlanVersion draft =
        transaction.execute(tx -> newVersion(partnerId, approved.content(), access.user()));
    tasks.startProcess(partnerId);
    audit(AuditAction.PLAN_CHANGE_STARTED, draft, Map.of("from", approved.versionNo()));
    return draft.forPartner();
  }

  /**
   * For the process's first step: the version being drafted, created when there is none (the first
   * one empty, a later one as a copy of the approved plan), linked to the process instance.
   */
  @Secured(PlanRoles.SYSTEM)
  public PlanVersion openForProcess(long partnerId, long processInstanceKey) {
    return transaction.execute(
        tx -> {
          long planId = repository.planOf(partnerId, now());
          PlanVersion open =
              repository
                  .latest(partnerId)
                  .filter(version -> version.status() != PlanStatus.APPROVED)
                  .orElseGet(
                      () -> {
                        PlanContent start =
                            repository
                                .latest(partnerId)
                                .map(PlanVersion::content)
                                .orElseGet(
                                    () ->
                                        PlanContent.empty(
                                            today().getYear(), properties.defaultCurrency()));
                        return newVersion(planId, partnerId, start, "system");
                      });
          repository.attachProcess(open.id(), processInstanceKey);
          return repository.find(open.id()).orElseThrow();
        });
  }

  /**
   * For the process's last step: freezes the version once both signed off and starts what follows
   * an approval (again on a retried job: that start changes nothing the second time).
   */
  @Secured(PlanRoles.SYSTEM)
  public void approvedByProcess(long versionId) {
    transaction.executeWithoutResult(tx -> repository.approved(versionId, now()));
    PlanVersion version = repository.find(versionId).orElseThrow();
    if (version.status() != PlanStatus.APPROVED) {
      throw new IllegalStateException("Plan version " + versionId + " is " + version.status());
    }
    approval.approved(version);
  }

  private PlanVersion newVersion(long partnerId, PlanContent content, UserAccount user) {
    long planId = repository.planOf(partnerId, now());
    return newVersion(planId, partnerId, content, user.username());
  }

  private PlanVersion newVersion(long planId, long partnerId, PlanContent content, String by) {
    int next = repository.latest(partnerId).map(v -> v.versionNo() + 1).orElse(1);
    long id = repository.insert(planId, next, content, by, now());
    return repository.find(id).orElseThrow();
  }

  private PlanVersion editable(long partnerId) {
    PlanVersion version =
        repository.latest(partnerId).orElseThrow(() -> new PlanRefusedException("plan.error.none"));
    if (!version.status().editable()) {
      throw new PlanRefusedException("plan.error.notEditable");
    }
    return version;
  }

  private PlanVersion inReview(long partnerId) {
    PlanVersion version =
        repository.latest(partnerId).orElseThrow(() -> new PlanRefusedException("plan.error.none"));
    if (version.status() != PlanStatus.SUBMITTED) {
      throw new PlanRefusedException("plan.error.notInReview");
    }
    return version;
  }

  private UserTask partnerTask(UserAccount user, PlanVersion version, PlanStep step) {
    UserTask task =
        tasks
            .open(version.processInstanceKey(), step)
            .orElseThrow(() -> new PlanRefusedException("plan.error.noTask"));
    if (!tasks.partnerUserMayWork(user, task)) {
      throw new AccessDeniedException("Not a candidate of " + step);
    }
    return task;
  }

  private UserTask staffTask(PlanVersion version, PlanStep step) {
    return tasks
        .open(version.processInstanceKey(), step)
        .orElseThrow(() -> new PlanRefusedException("plan.error.noTask"));
  }

  private boolean mayTake(
      PlanAccess.Caller caller, UserAccount user, PlanStep step, UserTask task) {
    boolean partnerStep = step == PlanStep.DRAFT || step == PlanStep.PARTNER_SIGN_OFF;
    if (caller.partnerUser()) {
      return partnerStep && tasks.partnerUserMayWork(user, task);
    }
    return caller.staff() && !partnerStep;
  }

  private void completeOrUndo(
      UserTask task, String username, Map<String, Object> variables, Runnable undo) {
    try {
      tasks.complete(task, username, variables);
    } catch (RuntimeException e) {
      transaction.executeWithoutResult(tx -> undo.run());
      throw e;
    }
  }

  /** Written once the step succeeded: a refused one leaves no entry. */
  private void audit(AuditAction action, PlanVersion version, Object what) {
    auditLog.record(
        action,
        AuditSubject.businessPlan(version.id(), version.partnerId(), version.processInstanceKey()),
        Map.of("status", version.status().name(), "versionNo", version.versionNo()),
        what);
  }

  private Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
