package io.partnerflow.app.demo;

import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.base.StartupNote;
import io.partnerflow.app.recruitment.application.Application;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With profile {@code demo}, on the first start only: a year of partner recruitment run through the
 * real processes. The app's and the engine's clocks are set back {@code days} and moved forward
 * step by step; applicants apply through the public form's service, managers review in the task
 * list, signatories and legal sign through the contract service, and the processes' workers do the
 * rest at the engine's time. Steps that would fall after today are left undone, as in any running
 * channel. Runs in the background; the clocks return to real time at the end (or on failure).
 */
@Component
@Profile("demo")
class DemoHistory implements StartupNote {

  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

  /** Team leads may review and sign off any partner's plan. */
  private static final String PLAN_MANAGER = "lead";

  private static final List<String> REVIEWERS =
      List.of("manager", "manager", "manager", "manager", "manager", "manager", "manager", "lead");
  private static final List<String> TIERS =
      List.of(
          "Registered",
          "Registered",
          "Registered",
          "Silver",
          "Silver",
          "Silver",
          "Silver",
          "Gold",
          "Gold",
          "Platinum");
  private static final List<String> REJECTIONS =
      List.of(
          "No customers in our target segment yet.",
          "Overlaps with an existing partner in the region.",
          "Too early: no certified staff and no references.",
          "Business model does not fit the partner programme.");
  private static final List<String> QUESTIONS =
      List.of(
          "Which products do you resell today?",
          "Please name two customer references in the segment.",
          "How many people would you train on our products in the first year?");
  private static final List<String> ANSWERS =
      List.of(
          "We resell two CRM suites and one analytics platform to mid-sized firms.",
          "References: a regional bank and a logistics company, both live for two years.",
          "Four consultants in the first quarter, eight by the end of the year.");

  private final DemoHistoryMarker marker;
  private final DemoTime time;
  private final DemoActors people;
  private final boolean enabled;
  private final int size;
  private final int days;

  DemoHistory(
      DemoHistoryMarker marker,
      DemoTime time,
      DemoActors people,
      @Value("${partnerflow.demo.history.enabled:true}") boolean enabled,
      @Value("${partnerflow.demo.history.applications:300}") int size,
      @Value("${partnerflow.demo.history.days:365}") int days) {
    this.marker = marker;
    this.time = time;
    this.people = people;
    this.enabled = enabled;
    this.size = size;
    this.days = days;
  }

  // after DemoOnboarding (20); the platform is usable meanwhile
  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  void onFirstStart() {
    if (marker.closeInterrupted(time.realNow())) {
      // the engine keeps its pinned clock across restarts: a run cut short left it in the past
      time.restore();
      log.warn("Demo history: the last run was interrupted; clocks returned to real time");
    }
    if (!enabled) {
      return;
    }
    // claimed before the startup report, which then shows the run's progress
    if (!marker.claim(size, time.realNow())) {
      return;
    }
    Thread thread = new Thread(() -> history(size, days), "demo-history");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public Optional<String> startupNote() {
    return marker.progress().map(progress -> "demo history: " + progress.describe());
  }

  /**
   * Runs the history with this many applications over this many days, once per database.
   *
   * @return false when it ran (or started) before on this database, and did nothing now
   */
  boolean run(int applications, int overDays) {
    if (!marker.claim(applications, time.realNow())) {
      return false;
    }
    history(applications, overDays);
    return true;
  }

  private void history(int applications, int overDays) {
    Instant end = time.realNow();
    long began = System.nanoTime();
    log.info("Demo history: {} applications over the last {} days", applications, overDays);
    Instant start = end.minus(Duration.ofDays(overDays));
    Random random = new Random(20261203L);
    DemoTimeline timeline = new DemoTimeline(start);
    Progress progress = new Progress(applications);
    Duration year = Duration.between(start, end.minus(Duration.ofDays(1)));
    for (int i = 0; i < applications; i++) {
      DemoApplicant applicant = DemoApplicant.make(i + 1, random);
      // more applications lately, as a growing programme gets them
      Instant at = start.plusMillis((long) (year.toMillis() * Math.sqrt(random.nextDouble())));
      timeline.at(at, () -> submit(timeline, random, applicant, progress));
    }
    String failure = null;
    try {
      for (DemoTimeline.Step step = timeline.next(end); step != null; step = timeline.next(end)) {
        time.moveTo(step.at());
        step.action().run();
      }
    } catch (RuntimeException e) {
      failure = e.toString();
      log.warn("Demo history stopped: {}", e.toString(), e);
    } finally {
      time.restore();
      marker.finished(time.realNow(), failure);
    }
    log.info(
        "Demo history: {}/{} applications in {} s; {} steps left for after today",
        progress.done,
        applications,
        Duration.ofNanos(System.nanoTime() - began).toSeconds(),
        timeline.leftOver());
  }

  private void submit(
      DemoTimeline timeline, Random random, DemoApplicant applicant, Progress progress) {
    step(
        applicant,
        () -> {
          Application application = people.apply(applicant, timeline.now(), minutes(random, 4, 25));
          applicant.instanceKey(application.processInstanceKey());
          // screening runs now; a blocked application ends without a review
          people
              .awaitTask(applicant.instanceKey(), DemoActors.REVIEW_TASK)
              .ifPresent(
                  task ->
                      timeline.after(
                          waitOf(random, Duration.ofHours(2), Duration.ofDays(3)),
                          () -> review(timeline, random, applicant, 1)));
        });
    progress.done++;
    marker.progress(progress.done);
    if (progress.done % 25 == 0 || progress.done == progress.total) {
      log.info("Demo history: {}/{} applications", progress.done, progress.total);
    }
  }

  private void review(DemoTimeline timeline, Random random, DemoApplicant applicant, int round) {
    step(
        applicant,
        () -> {
          Optional<UserTask> task =
              people.awaitTask(applicant.instanceKey(), DemoActors.REVIEW_TASK);
          if (task.isEmpty()) {
            return;
          }
          int roll = random.nextInt(100);
          Map<String, Object> values = new HashMap<>();
          if (roll < (round == 1 ? 50 : 65)) {
            values.put("decision", "approve");
            values.put("tier", DemoNames.pick(random, TIERS));
          } else if (round == 1 && roll >= 80) {
            values.put("decision", "request-information");
            values.put("informationRequest", DemoNames.pick(random, QUESTIONS));
          } else {
            values.put("decision", "reject");
            values.put("rejectionReason", DemoNames.pick(random, REJECTIONS));
          }
          people.review(task.get().getUserTaskKey(), DemoNames.pick(random, REVIEWERS), values);
          switch ((String) values.get("decision")) {
            case "approve" -> afterApproval(timeline, random, applicant);
            case "request-information" -> afterQuestion(timeline, random, applicant);
            default -> {}
          }
        });
  }

  private void afterQuestion(DemoTimeline timeline, Random random, DemoApplicant applicant) {
    Optional<UserTask> question =
        people.awaitTask(applicant.instanceKey(), DemoActors.INFORMATION_TASK);
    // one in five never answers: the process withdraws the application after 14 days
    if (question.isEmpty() || random.nextInt(5) == 0) {
      return;
    }
    long taskKey = question.get().getUserTaskKey();
    timeline.after(
        // before the process's 14 days run out
        waitOf(random, Duration.ofHours(6), Duration.ofDays(4), Duration.ofDays(12)),
        () ->
            step(
                applicant,
                () -> {
                  people.answer(applicant, taskKey, DemoNames.pick(random, ANSWERS));
                  people
                      .awaitTask(applicant.instanceKey(), DemoActors.REVIEW_TASK)
                      .ifPresent(
                          task ->
                              timeline.after(
                                  waitOf(random, Duration.ofHours(3), Duration.ofDays(2)),
                                  () -> review(timeline, random, applicant, 2)));
                }));
  }

  private void afterApproval(DemoTimeline timeline, Random random, DemoApplicant applicant) {
    Optional<Long> partnerId = people.awaitPartnerId(applicant.instanceKey());
    if (partnerId.isEmpty()) {
      return;
    }
    Optional<UserTask> signing = people.awaitSigningTask(partnerId.get());
    // three in ten never sign: their contracts wait, or expire after the signing period
    if (signing.isEmpty() || random.nextInt(10) < 3) {
      return;
    }
    long taskKey = signing.get().getUserTaskKey();
    long signingInstance = signing.get().getProcessInstanceKey();
    timeline.after(
        // within the signing period (30 days by default)
        waitOf(random, Duration.ofDays(1), Duration.ofDays(6), Duration.ofDays(25)),
        () ->
            step(
                applicant,
                () -> {
                  people.sign(taskKey, applicant.username(), applicant.contactName());
                  Optional<UserTask> countersign =
                      people.awaitTask(signingInstance, DemoActors.COUNTERSIGN_TASK);
                  if (countersign.isEmpty()) {
                    planAfterContract(timeline, random, applicant, partnerId.get());
                    return;
                  }
                  timeline.after(
                      waitOf(random, Duration.ofHours(2), Duration.ofDays(1)),
                      () ->
                          step(
                              applicant,
                              () -> {
                                people.sign(
                                    countersign.get().getUserTaskKey(), "legal", "Lou Legal");
                                planAfterContract(timeline, random, applicant, partnerId.get());
                              }));
                }));
  }

  /**
   * With the contract in force, most partners draft their joint business plan within weeks and the
   * team lead agrees it; one in six has not got round to it yet (its onboarding waits).
   */
  private void planAfterContract(
      DemoTimeline timeline, Random random, DemoApplicant applicant, long partnerId) {
    if (random.nextInt(6) == 0) {
      return;
    }
    timeline.after(
        waitOf(random, Duration.ofDays(1), Duration.ofDays(5), Duration.ofDays(30)),
        () ->
            step(
                applicant,
                () -> {
                  if (!people.draftPlan(
                      partnerId,
                      applicant.username(),
                      year -> DemoPlans.plan(year, random, people.productLines()))) {
                    return;
                  }
                  timeline.after(
                      waitOf(random, Duration.ofHours(4), Duration.ofDays(2)),
                      () ->
                          step(
                              applicant,
                              () -> {
                                people.approvePlan(partnerId, PLAN_MANAGER);
                                timeline.after(
                                    waitOf(random, Duration.ofHours(2), Duration.ofDays(1)),
                                    () ->
                                        step(
                                            applicant,
                                            () ->
                                                people.signOffPlan(
                                                    partnerId,
                                                    applicant.username(),
                                                    PLAN_MANAGER)));
                              }));
                }));
  }

  /** One applicant's trouble stops that applicant's story, not the history. */
  private static void step(DemoApplicant applicant, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.warn(
          "Demo history: applicant {} ({}) stopped: {}",
          applicant.number(),
          applicant.company(),
          e.toString());
    }
  }

  /** At least {@code least}, then an exponential spread around {@code typical}: hours to weeks. */
  private static Duration waitOf(Random random, Duration least, Duration typical) {
    return waitOf(random, least, typical, least.plus(typical.multipliedBy(6)));
  }

  /** The same, but before {@code most}: people who act do so before the process's deadline. */
  private static Duration waitOf(Random random, Duration least, Duration typical, Duration most) {
    double extra = -Math.log(1 - random.nextDouble()) * typical.toMinutes();
    Duration wait = least.plusMinutes((long) Math.min(extra, typical.toMinutes() * 6L));
    return wait.compareTo(most) > 0 ? most : wait;
  }

  private static Duration minutes(Random random, int from, int to) {
    return Duration.ofMinutes(from + random.nextInt(to - from + 1));
  }

  private static final class Progress {
    private final int total;
    private int done;

    Progress(int total) {
      this.total = total;
    }
  }
}
