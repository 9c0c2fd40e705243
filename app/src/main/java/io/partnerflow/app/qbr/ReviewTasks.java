package io.partnerflow.app.qbr;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people's steps of a quarterly review, for the task panels: the partner's self-assessment
 * ({@code self-assessment}, portal), the manager's scorecard with the agreed actions ({@code
 * scorecard}), the team lead's follow-up of a missed review and the agreed actions themselves. Each
 * checks on the server that the caller may work the task and the review (a partner user only its
 * organisation's; a manager only the partners they own; team leads and administrators all), claims
 * the task, records, completes it and writes the audit log.
 */
@Service
public class ReviewTasks {

  static final String SELF_ASSESSMENT = "qbr-self-assessment";
  static final String SCORECARD = "qbr-scorecard-task";
  static final String FOLLOW_UP = "qbr-follow-up-missed-review";
  static final String ACTION = "qbr-agreed-action";

  private static final int MAX_TEXT = 4000;
  private static final int MAX_NOTE = 2000;
  private static final int MAX_ACTION = 1000;

  private final CamundaClient client;
  private final QuarterlyReviewRepository reviews;
  private final ReviewActionRepository actions;
  private final ReviewAccess access;
  private final ScorecardTable scorecards;
  private final PartnerService partners;
  private final PartnerMembership membership;
  private final UserAccountService users;
  private final AuditLog auditLog;
  private final Clock clock;

  ReviewTasks(
      CamundaClient client,
      QuarterlyReviewRepository reviews,
      ReviewActionRepository actions,
      ReviewAccess access,
      ScorecardTable scorecards,
      PartnerService partners,
      PartnerMembership membership,
      UserAccountService users,
      AuditLog auditLog,
      Clock clock) {
    this.client = client;
    this.reviews = reviews;
    this.actions = actions;
    this.access = access;
    this.scorecards = scorecards;
    this.partners = partners;
    this.membership = membership;
    this.users = users;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** The task with what its panel shows; the internal parts only for staff. */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.PARTNER})
  @Transactional(readOnly = true)
  public ReviewTask open(long taskKey) {
    Allowed allowed = allowed(taskKey);
    QuarterlyReview review = allowed.review();
    PartnerReview partnerView = PartnerReview.of(review, actions.ofReview(review.id()));
    ReviewAction action =
        allowed.actionId() == null ? null : actions.find(allowed.actionId()).orElse(null);
    if (allowed.partnerUser()) {
      return new ReviewTask(
          taskKey,
          allowed.elementId(),
          allowed.partner().name(),
          null,
          null,
          partnerView,
          null,
          action);
    }
    Scorecard scorecard =
        SCORECARD.equals(allowed.elementId())
            ? scorecards.forPartnerType(allowed.partner().type().name())
            : null;
    return new ReviewTask(
        taskKey,
        allowed.elementId(),
        allowed.partner().name(),
        allowed.partner().ownerUsername(),
        review,
        partnerView,
        scorecard,
        action);
  }

  /** The partner's self-assessment: recorded, the task completed, the scorecard is next. */
  @Secured(QbrRoles.PARTNER)
  @Transactional
  public void submitSelfAssessment(long taskKey, SelfAssessment input) {
    Allowed allowed = allowed(taskKey);
    requireElement(allowed, SELF_ASSESSMENT);
    String text = required(input.text(), MAX_TEXT, "qbr.error.selfAssessmentRequired");
    validActuals(input.newCustomers(), input.revenue());
    String note = optional(input.actualsNote(), MAX_NOTE);
    claim(allowed);
    if (!reviews.selfAssessed(
        allowed.review().id(),
        text,
        allowed.username(),
        input.newCustomers(),
        input.revenue(),
        note)) {
      throw new ReviewException("qbr.error.notOpen");
    }
    complete(allowed, Map.of());
    audit(allowed, Map.of("step", SELF_ASSESSMENT, "selfAssessment", text));
  }

  /**
   * The total the ratings give with the deployed weights, for the scorecard to show before saving.
   *
   * @throws ReviewException when a rating is missing or out of range
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER})
  public BigDecimal total(Scorecard scorecard, Map<String, Integer> ratings) {
    try {
      return scorecard.total(ratings);
    } catch (IllegalArgumentException missing) {
      throw new ReviewException("qbr.error.ratingRequired", missing.getMessage());
    }
  }

  /**
   * The manager's scorecard: the total computed here with the deployed weights, recorded with the
   * actions; each action becomes a task of its owner.
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER})
  @Transactional
  public BigDecimal submitScorecard(long taskKey, ScorecardEntry entry) {
    Allowed allowed = allowed(taskKey);
    requireElement(allowed, SCORECARD);
    Scorecard scorecard = scorecards.forPartnerType(allowed.partner().type().name());
    BigDecimal total = total(scorecard, entry.ratings());
    validActuals(entry.newCustomers(), entry.revenue());
    String notes = optional(entry.notes(), MAX_TEXT);
    String actualsNote = optional(entry.actualsNote(), MAX_NOTE);
    List<NewAction> agreed = entry.actions().stream().map(a -> validAction(allowed, a)).toList();
    claim(allowed);
    if (!reviews.scored(
        allowed.review().id(),
        Map.copyOf(entry.ratings()),
        total,
        notes,
        entry.newCustomers(),
        entry.revenue(),
        actualsNote,
        allowed.username(),
        clock.instant())) {
      throw new ReviewException("qbr.error.notOpen");
    }
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (NewAction action : agreed) {
      long id = actions.insert(allowed.review().id(), action);
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("actionId", id);
      variable.put("owner", action.ownerUsername());
      variable.put(
          "candidateGroups",
          action.side() == ActionOwner.PARTNER
              ? List.of(PartnerGroups.organisation(allowed.partner().id()))
              : List.of("partner-managers"));
      variable.put("dueAt", action.dueDate().atTime(17, 0).atOffset(ZoneOffset.UTC).toString());
      variable.put("description", action.description());
      tasks.add(variable);
    }
    complete(allowed, Map.of("actions", tasks, "totalScore", total));
    Map<String, Object> audited = new LinkedHashMap<>();
    audited.put("step", SCORECARD);
    audited.put("ratings", entry.ratings());
    audited.put("total", total);
    audited.put("actions", agreed.size());
    audit(allowed, audited);
    return total;
  }

  /**
   * Who the scorecard's actions may be given to: the partner's enabled portal users and the partner
   * managers (the partner's own manager first).
   */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER})
  @Transactional(readOnly = true)
  public List<OwnerChoice> actionOwners(long taskKey) {
    Allowed allowed = allowed(taskKey);
    requireElement(allowed, SCORECARD);
    long partnerId = allowed.partner().id();
    String manager = allowed.partner().ownerUsername();
    List<OwnerChoice> choices = new ArrayList<>();
    SystemIdentity.call(() -> users.membersOf("partners")).stream()
        .filter(u -> PartnerMembership.isPartnerUser(u))
        .filter(u -> Long.valueOf(partnerId).equals(u.partnerId()))
        .map(u -> new OwnerChoice(ActionOwner.PARTNER, u.username(), u.displayName()))
        .forEach(choices::add);
    SystemIdentity.call(() -> users.membersOf("partner-managers")).stream()
        .filter(u -> u.roles().contains(Role.PARTNER_MANAGER))
        .sorted(
            java.util.Comparator.comparing((UserAccount u) -> !u.username().equals(manager))
                .thenComparing(UserAccount::displayName))
        .map(u -> new OwnerChoice(ActionOwner.STAFF, u.username(), u.displayName()))
        .forEach(choices::add);
    return choices;
  }

  /** The team lead's follow-up of a missed review; the review itself stays open. */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER})
  @Transactional
  public void followedUp(long taskKey, String note) {
    Allowed allowed = allowed(taskKey);
    requireElement(allowed, FOLLOW_UP);
    String text = required(note, MAX_NOTE, "qbr.error.followUpRequired");
    claim(allowed);
    complete(allowed, Map.of("followUpNote", text));
    audit(allowed, Map.of("step", FOLLOW_UP, "note", text));
  }

  /** An agreed action done by its owner (or, for staff actions, another manager of the partner). */
  @Secured({QbrRoles.ADMIN, QbrRoles.MANAGER, QbrRoles.PARTNER})
  @Transactional
  public void actionDone(long taskKey) {
    Allowed allowed = allowed(taskKey);
    requireElement(allowed, ACTION);
    if (allowed.actionId() == null) {
      throw new IllegalStateException("The action task has no actionId");
    }
    claim(allowed);
    actions.done(allowed.actionId(), clock.instant());
    complete(allowed, Map.of());
    audit(allowed, Map.of("step", ACTION, "actionId", allowed.actionId()));
  }

  private Allowed allowed(long taskKey) {
    ReviewAccess.Reader reader = access.reader();
    UserAccount user = reader.account();
    if (user == null) {
      throw new AccessDeniedException("Review tasks are worked by people");
    }
    UserTask task;
    try {
      task = client.newUserTaskGetRequest(taskKey).send().join();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new AccessDeniedException("No such review task");
      }
      throw e;
    }
    String elementId = task.getElementId() == null ? "" : task.getElementId();
    boolean reviewTask =
        switch (elementId) {
          case SELF_ASSESSMENT, SCORECARD, FOLLOW_UP, ACTION -> true;
          default -> false;
        };
    // one answer for a missing task, another's task and a task of another kind
    if (!reviewTask
        || !QuarterlyReviews.PROCESS.equals(task.getBpmnProcessId())
        || !mayWork(user, task)) {
      throw new AccessDeniedException("No such review task");
    }
    if (task.getState() != UserTaskState.CREATED) {
      throw new ReviewException("qbr.error.notOpen");
    }
    Map<String, String> variables = variables(taskKey);
    long reviewId = Long.parseLong(variables.getOrDefault("reviewId", "0"));
    QuarterlyReview review =
        reviews
            .find(reviewId)
            .orElseThrow(() -> new IllegalStateException("The task has no review"));
    Partner partner =
        SystemIdentity.call(() -> partners.findById(review.partnerId())).orElseThrow();
    boolean partnerUser = reader.partnerId() != null;
    if (partnerUser) {
      if (!reader.partnerId().equals(review.partnerId())
          || !(SELF_ASSESSMENT.equals(elementId) || ACTION.equals(elementId))) {
        throw new AccessDeniedException("No such review task");
      }
    } else if (FOLLOW_UP.equals(elementId)) {
      if (!reader.seesAll()) {
        throw new AccessDeniedException("Missed reviews are followed up by the team leads");
      }
    } else if (SELF_ASSESSMENT.equals(elementId) || !reader.mayManage(partner)) {
      throw new AccessDeniedException("Not a partner you manage");
    }
    Long actionId = null;
    if (ACTION.equals(elementId)) {
      actionId = actionIdOf(variables.get("action"));
    }
    return new Allowed(user, task, elementId, review, partner, partnerUser, actionId);
  }

  private boolean mayWork(UserAccount user, UserTask task) {
    List<String> candidateUsers =
        task.getCandidateUsers() == null ? List.of() : task.getCandidateUsers();
    List<String> candidateGroups =
        task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups();
    return user.username().equals(task.getAssignee())
        || candidateUsers.contains(user.username())
        || !Collections.disjoint(membership.taskGroups(user), candidateGroups)
        || user.roles().contains(Role.ADMIN) && !PartnerMembership.isPartnerUser(user);
  }

  /** The variables the task sees, as JSON text. */
  private Map<String, String> variables(long taskKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Variable variable :
        client.newUserTaskVariableSearchRequest(taskKey).send().join().items()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return variables;
  }

  private static Long actionIdOf(String actionJson) {
    if (actionJson == null) {
      return null;
    }
    var matcher =
        java.util.regex.Pattern.compile("\"actionId\"\\s*:\\s*([0-9]+)").matcher(actionJson);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : null;
  }

  private void claim(Allowed allowed) {
    String assignee = allowed.task().getAssignee();
    String username = allowed.username();
    if (username.equals(assignee)) {
      return;
    }
    if (assignee != null && !assignee.isBlank() && !ACTION.equals(allowed.elementId())) {
      throw new ReviewException("qbr.error.claimedByOther");
    }
    try {
      client
          .newAssignUserTaskCommand(allowed.task().getUserTaskKey())
          .assignee(username)
          .allowOverride(ACTION.equals(allowed.elementId()))
          .send()
          .join();
    } catch (ProblemException e) {
      throw new ReviewException("qbr.error.changedMeanwhile");
    }
  }

  private void complete(Allowed allowed, Map<String, Object> variables) {
    try {
      client
          .newCompleteUserTaskCommand(allowed.task().getUserTaskKey())
          .variables(variables)
          .action(CompletionGuard.actionOf(allowed.username()))
          .send()
          .join();
    } catch (ProblemException e) {
      throw new ReviewException("qbr.error.changedMeanwhile");
    }
  }

  private void audit(Allowed allowed, Map<String, Object> what) {
    auditLog.record(
        AuditAction.TASK_COMPLETED,
        AuditSubject.task(
            allowed.task().getUserTaskKey(),
            allowed.review().partnerId(),
            allowed.task().getProcessInstanceKey()),
        Map.of("reviewId", allowed.review().id(), "quarter", allowed.review().quarter()),
        what);
  }

  private NewAction validAction(Allowed allowed, NewAction action) {
    String description = required(action.description(), MAX_ACTION, "qbr.error.actionDescription");
    if (action.side() == null
        || action.ownerUsername() == null
        || action.ownerUsername().isBlank()) {
      throw new ReviewException("qbr.error.actionOwner");
    }
    UserAccount owner =
        SystemIdentity.call(() -> users.findByUsername(action.ownerUsername().strip()))
            .filter(UserAccount::enabled)
            .orElseThrow(() -> new ReviewException("qbr.error.actionOwner"));
    boolean partnerSide = action.side() == ActionOwner.PARTNER;
    boolean ownerIsPartnerUser = PartnerMembership.isPartnerUser(owner);
    if (partnerSide != ownerIsPartnerUser
        || partnerSide && !Long.valueOf(allowed.partner().id()).equals(owner.partnerId())) {
      throw new ReviewException("qbr.error.actionOwner");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (action.dueDate() == null || action.dueDate().isBefore(today)) {
      throw new ReviewException("qbr.error.actionDue");
    }
    return new NewAction(description, action.side(), owner.username(), action.dueDate());
  }

  private static void requireElement(Allowed allowed, String elementId) {
    if (!elementId.equals(allowed.elementId())) {
      throw new AccessDeniedException("Not a " + elementId + " task");
    }
  }

  private static void validActuals(Integer newCustomers, BigDecimal revenue) {
    if (newCustomers != null && newCustomers < 0 || revenue != null && revenue.signum() < 0) {
      throw new ReviewException("qbr.error.negativeActuals");
    }
    if (revenue != null && revenue.compareTo(new BigDecimal("1e15")) >= 0) {
      throw new ReviewException("qbr.error.revenueTooLarge");
    }
  }

  private static String required(String text, int max, String messageKey) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw new ReviewException(messageKey);
    }
    if (value.length() > max) {
      throw new ReviewException("qbr.error.tooLong", max);
    }
    return value;
  }

  private static String optional(String text, int max) {
    String value = text == null ? "" : text.strip();
    if (value.length() > max) {
      throw new ReviewException("qbr.error.tooLong", max);
    }
    return value.isEmpty() ? null : value;
  }

  private record Allowed(
      UserAccount user,
      UserTask task,
      String elementId,
      QuarterlyReview review,
      Partner partner,
      boolean partnerUser,
      Long actionId) {

    String username() {
      return user.username();
    }
  }
}
