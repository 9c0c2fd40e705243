package io.partnerflow.app.demo;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.contract.SignatureInput;
import io.partnerflow.app.contract.SigningTask;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanContent;
import io.partnerflow.app.plan.PlanStep;
import io.partnerflow.app.plan.PlanVersion;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationReceipt;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.task.UserTaskReads;
import io.partnerflow.app.tasklist.TaskListService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The people of the demo history, each doing what their screen does: the applicant fills the public
 * form and answers on the status page, managers claim and complete reviews in the task list, the
 * partner's signatory and legal sign through {@link ContractSigning}, the partner drafts its joint
 * business plan and the team lead agrees it through {@link BusinessPlans}. Between two steps it
 * waits until the process's workers have brought the process to its next wait state.
 */
@Component
@Profile("demo")
class DemoActors {

  static final String SIGNING_TASK = "sign-contract";
  static final String COUNTERSIGN_TASK = "countersign-contract";
  static final String REVIEW_TASK = "review-application";
  static final String INFORMATION_TASK = "provide-information";

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Partnerflow demo";

  private final ApplicationService applications;
  private final FormTickets tickets;
  private final TaskListService tasks;
  private final ContractSigning signing;
  private final BusinessPlans plans;
  private final CamundaClient client;
  private final UserTaskReads taskReads;
  private final UserDetailsService userDetails;

  DemoActors(
      ApplicationService applications,
      FormTickets tickets,
      TaskListService tasks,
      ContractSigning signing,
      BusinessPlans plans,
      CamundaClient client,
      UserTaskReads taskReads,
      UserDetailsService userDetails) {
    this.applications = applications;
    this.tickets = tickets;
    this.tasks = tasks;
    this.signing = signing;
    this.plans = plans;
    this.client = client;
    this.taskReads = taskReads;
    this.userDetails = userDetails;
  }

  /** The applicant sends the public form, shown to them {@code fillTime} ago. */
  Application apply(DemoApplicant applicant, Instant now, Duration fillTime) {
    ApplicationReceipt receipt =
        applications.submit(
            new ApplicationSubmission(
                applicant.formValues(),
                "",
                applicant.address(),
                applicant.chinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH,
                tickets.issue(now.minus(fillTime))));
    String path = receipt.statusPath();
    applicant.token(path.substring(path.lastIndexOf('/') + 1));
    return await(
            () ->
                applications
                    .findByToken(applicant.token())
                    .filter(application -> application.processInstanceKey() != null))
        .orElseThrow(() -> new IllegalStateException("The application's process did not start"));
  }

  /** The open task of the element in the instance, once there; empty when the instance ended. */
  Optional<UserTask> awaitTask(long instanceKey, String elementId) {
    return await(
            () -> {
              Optional<UserTask> task = taskReads.openTask(instanceKey, elementId);
              if (task.isEmpty() && !isActive(instanceKey)) {
                return Optional.of(Optional.<UserTask>empty());
              }
              return task.map(Optional::of);
            })
        .flatMap(found -> found);
  }

  /** A manager (or lead) works the review in the task list: claims it, completes the form. */
  void review(long taskKey, String reviewer, Map<String, Object> values) {
    as(
        reviewer,
        () -> {
          tasks.claim(taskKey);
          tasks.complete(taskKey, values);
          return null;
        });
  }

  /** The applicant answers the information request on their status page. */
  void answer(DemoApplicant applicant, long taskKey, String text) {
    applications.answerInformationRequest(
        applicant.token(), taskKey, Map.of("additionalInformation", text));
  }

  /** The partner the approval created, from the recruitment process's variables. */
  Optional<Long> awaitPartnerId(long recruitmentInstanceKey) {
    return await(
        () ->
            client
                .newVariableSearchRequest()
                .filter(
                    filter -> filter.processInstanceKey(recruitmentInstanceKey).name("partnerId"))
                .send()
                .join()
                .items()
                .stream()
                .findFirst()
                .map(variable -> Long.parseLong(variable.getValue().replace("\"", ""))));
  }

  /** The partner's open signing task, once onboarding has prepared the contract. */
  Optional<UserTask> awaitSigningTask(long partnerId) {
    return await(
        () ->
            client
                .newUserTaskSearchRequest()
                .filter(
                    filter ->
                        filter
                            .candidateGroup(PartnerGroups.signatories(partnerId))
                            .elementId(SIGNING_TASK)
                            .state(UserTaskState.CREATED))
                .send()
                .join()
                .items()
                .stream()
                .findFirst());
  }

  /** Signs as the user: opens the task and signs the document it shows. */
  void sign(long taskKey, String username, String typedName) {
    as(
        username,
        () -> {
          SigningTask task = signing.open(taskKey);
          signing.sign(
              taskKey,
              new SignatureInput(
                  typedName, true, task.document().sha256(), "192.0.2.10", USER_AGENT));
          return null;
        });
  }

  /**
   * The partner user drafts the business plan the onboarding opened and hands it in; false when the
   * plan's first step never came (onboarding did not get there).
   */
  boolean draftPlan(long partnerId, String partnerUser, Function<Integer, PlanContent> content) {
    if (!awaitPlanStep(partnerId, partnerUser, PlanStep.DRAFT)) {
      return false;
    }
    return as(
        partnerUser,
        () -> {
          PlanVersion draft = plans.current(partnerId).orElseThrow();
          plans.save(partnerId, draft.lockVersion(), content.apply(draft.content().year()));
          plans.submit(partnerId);
          return true;
        });
  }

  /** The manager agrees with the plan in review. */
  void approvePlan(long partnerId, String manager) {
    if (awaitPlanStep(partnerId, manager, PlanStep.REVIEW)) {
      as(manager, () -> run(() -> plans.approveReview(partnerId)));
    }
  }

  /** The partner's main contact, then the manager sign the plan off: it is frozen and in force. */
  void signOffPlan(long partnerId, String partnerUser, String manager) {
    if (awaitPlanStep(partnerId, partnerUser, PlanStep.PARTNER_SIGN_OFF)) {
      as(partnerUser, () -> run(() -> plans.signOff(partnerId)));
    }
    if (awaitPlanStep(partnerId, manager, PlanStep.MANAGER_SIGN_OFF)) {
      as(manager, () -> run(() -> plans.signOff(partnerId)));
    }
  }

  List<String> productLines() {
    return plans.productLines();
  }

  private boolean awaitPlanStep(long partnerId, String username, PlanStep step) {
    return await(
            () ->
                as(username, () -> plans.myOpenSteps(partnerId).contains(step))
                    ? Optional.of(true)
                    : Optional.<Boolean>empty())
        .isPresent();
  }

  private static Object run(Runnable work) {
    work.run();
    return null;
  }

  private boolean isActive(long instanceKey) {
    return client.newProcessInstanceGetRequest(instanceKey).send().join().getState()
        == ProcessInstanceState.ACTIVE;
  }

  /** Runs the work logged in as the user, as their browser session would be. */
  private <T> T as(String username, Supplier<T> work) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** Polls until the probe finds something; empty after {@link #PATIENCE}. */
  private static <T> Optional<T> await(Supplier<Optional<T>> probe) {
    long giveUp = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < giveUp) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
