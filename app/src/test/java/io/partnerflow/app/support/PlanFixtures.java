package io.partnerflow.app.support;

import io.partnerflow.app.plan.ActivityKind;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanContent;
import io.partnerflow.app.plan.PlanStatus;
import io.partnerflow.app.plan.PlanStep;
import io.partnerflow.app.plan.PlanVersion;
import io.partnerflow.app.plan.PlannedActivity;
import io.partnerflow.app.plan.QuarterTarget;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drives a partner's joint business plan through the real process by the service, as its people
 * would: for tests that need an approved plan on the way (onboarding) and for the plan's own tests.
 * Each step runs as the named user and puts the caller's identity back afterwards.
 */
public final class PlanFixtures {

  private final BusinessPlans plans;
  private final UserDetailsService userDetails;

  public PlanFixtures(BusinessPlans plans, UserDetailsService userDetails) {
    this.plans = plans;
    this.userDetails = userDetails;
  }

  /** A complete plan for the year: objectives, four quarters in EUR, one training, one line. */
  public static PlanContent completePlan(int year, String productLine) {
    return new PlanContent(
        year,
        "Win ten mid-market customers in the DACH region.",
        List.of(
            new QuarterTarget(1, 1, new BigDecimal("10000"), "EUR", 1),
            new QuarterTarget(2, 2, new BigDecimal("20000"), "EUR", 2),
            new QuarterTarget(3, 3, new BigDecimal("30000"), "EUR", 2),
            new QuarterTarget(4, 4, new BigDecimal("40000"), "EUR", 3)),
        List.of(
            new PlannedActivity(
                ActivityKind.TRAINING,
                "Sales bootcamp",
                LocalDate.of(year, 3, 15),
                "Sam Signatory",
                new BigDecimal("2500"),
                "EUR")),
        List.of(productLine));
  }

  /** Waits until the user may take the step (the process got there), as that user. */
  public void awaitStep(long partnerId, String username, PlanStep step) {
    as(
        username,
        () ->
            await(
                () ->
                    Optional.of(plans.myOpenSteps(partnerId))
                        .filter(steps -> steps.contains(step))));
  }

  /** Drafts, submits, approves and signs off the partner's open plan version. */
  public PlanVersion approve(long partnerId, String partnerUser, String manager) {
    awaitStep(partnerId, partnerUser, PlanStep.DRAFT);
    as(
        partnerUser,
        () -> {
          PlanVersion draft = plans.current(partnerId).orElseThrow();
          plans.save(
              partnerId,
              draft.lockVersion(),
              completePlan(draft.content().year(), plans.productLines().get(0)));
          plans.submit(partnerId);
          return null;
        });
    awaitStep(partnerId, manager, PlanStep.REVIEW);
    as(manager, () -> run(() -> plans.approveReview(partnerId)));
    awaitStep(partnerId, partnerUser, PlanStep.PARTNER_SIGN_OFF);
    as(partnerUser, () -> run(() -> plans.signOff(partnerId)));
    awaitStep(partnerId, manager, PlanStep.MANAGER_SIGN_OFF);
    as(manager, () -> run(() -> plans.signOff(partnerId)));
    return as(
        manager,
        () ->
            await(
                () ->
                    plans
                        .current(partnerId)
                        .filter(version -> version.status() == PlanStatus.APPROVED)));
  }

  /** Runs the work as the user (their roles as after a login), then restores the caller. */
  public <T> T as(String username, Supplier<T> work) {
    Authentication before = SecurityContextHolder.getContext().getAuthentication();
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    try {
      return work.get();
    } finally {
      SecurityContextHolder.getContext().setAuthentication(before);
    }
  }

  private static Object run(Runnable step) {
    step.run();
    return null;
  }

  /** Polls for up to 45 s of wall time (the engine works asynchronously). */
  public static <T> T await(Supplier<Optional<T>> probe) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(45));
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting", e);
      }
    }
    throw new AssertionError("Condition not met within 45 s");
  }
}
