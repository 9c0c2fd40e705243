package io.partnerflow.app.enablement.certification;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.Certification;
import io.partnerflow.app.enablement.learning.AttemptResult;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.enablement.learning.QuizAttempts;
import io.partnerflow.app.enablement.learning.QuizStanding;
import io.partnerflow.app.portal.PortalGate;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certification journey as a partner user works it in the portal: which certifications they can
 * earn and how far they are ("2 of 3 courses passed"), asking for the exam (starts {@code
 * bpmn/certification.bpmn} once the courses are passed) and taking it in its task. Attempts are
 * {@link QuizAttempts}' (graded on the server, attempts and wait enforced there); a passed attempt
 * completes the task with {@code examPassed = true}, the last failed one with {@code false}.
 * Everything is checked here for the logged-in person: only their own tasks, only their own
 * attempts.
 */
@Service
public class CertificationExams {

  /** The process id of bpmn/certification.bpmn. */
  public static final String PROCESS_ID = "certification";

  static final String EXAM = "take-certification-exam";
  static final String RECERTIFICATION = "take-recertification-exam";

  /** The element ids of the exam tasks (the exam screen is their task panel). */
  public static final Set<String> EXAM_TASKS = Set.of(EXAM, RECERTIFICATION);

  private static final String PARTNER = "ROLE_PARTNER";

  private final CamundaClient client;
  private final CatalogueService catalogue;
  private final LearningService learning;
  private final QuizAttempts attempts;
  private final CertificateRepository certificates;
  private final CertificationRunRepository runs;
  private final CurrentUser currentUser;
  private final PortalGate gate;
  private final AuditLog auditLog;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CertificationExams(
      CamundaClient client,
      CatalogueService catalogue,
      LearningService learning,
      QuizAttempts attempts,
      CertificateRepository certificates,
      CertificationRunRepository runs,
      CurrentUser currentUser,
      PortalGate gate,
      AuditLog auditLog,
      TransactionTemplate transaction,
      Clock clock) {
    this.client = client;
    this.catalogue = catalogue;
    this.learning = learning;
    this.attempts = attempts;
    this.certificates = certificates;
    this.runs = runs;
    this.currentUser = currentUser;
    this.gate = gate;
    this.auditLog = auditLog;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The active certifications with the caller's progress, certificate and open exam. */
  @Secured(PARTNER)
  public List<CertificationOffer> offers() {
    UserAccount me = me();
    Set<String> passed = learning.passedCourseCodes(me.id());
    Instant now = clock.instant();
    List<Certificate> mine = certificates.findByUser(me.id());
    Map<Long, Long> openTasks = openExamTasks(me);
    Map<Long, Long> activeRuns = new HashMap<>();
    for (CertificationRunRepository.Run run : runs.ofUser(me.id())) {
      if (run.processInstanceKey() != null) {
        activeRuns.put(run.certificationId(), run.processInstanceKey());
      }
    }
    return catalogue.activeCertifications().stream()
        .map(
            certification -> {
              List<String> missing =
                  certification.courseCodes().stream()
                      .filter(code -> !passed.contains(code))
                      .toList();
              Certificate held =
                  mine.stream()
                      .filter(c -> c.certificationId() == certification.id() && c.validAt(now))
                      .findFirst()
                      .orElse(null);
              Long task = openTasks.get(certification.id());
              boolean starting =
                  task == null
                      && held == null
                      && activeRuns.containsKey(certification.id())
                      && startedRecently(me.id(), certification.id(), now)
                      && isActive(activeRuns.get(certification.id()));
              return new CertificationOffer(
                  certification,
                  certification.courseCodes().size() - missing.size(),
                  certification.courseCodes().size(),
                  missing,
                  held,
                  task,
                  starting);
            })
        .toList();
  }

  /**
   * Starts the caller's certification (the exam task) for a certification whose courses they all
   * passed; asking again while it runs returns the running instance.
   *
   * @param language the language of the notices the process sends the caller ({@code en}/{@code
   *     zh})
   * @return the process instance key
   */
  @Secured(PARTNER)
  public long requestExam(long certificationId, String language) {
    gate.requireOpen();
    UserAccount me = me();
    Certification certification =
        catalogue.activeCertifications().stream()
            .filter(c -> c.id() == certificationId)
            .findFirst()
            .orElseThrow(() -> new CertificationRefusedException("certification.error.unknown"));
    if (certification.examQuizId() == null) {
      throw new CertificationRefusedException("certification.error.noExam");
    }
    Set<String> passed = learning.passedCourseCodes(me.id());
    long missing = certification.courseCodes().stream().filter(c -> !passed.contains(c)).count();
    if (missing > 0) {
      throw new CertificationRefusedException(
          "certification.error.coursesMissing", missing, certification.courseCodes().size());
    }
    Instant now = clock.instant();
    if (certificates.findByUser(me.id()).stream()
        .anyMatch(c -> c.certificationId() == certificationId && c.validAt(now))) {
      throw new CertificationRefusedException("certification.error.alreadyCertified");
    }
    QuizStanding standing = attempts.standing(certification.examQuizId(), me.id());
    if (!standing.passed() && standing.attemptsLeft() == 0 && standing.openAttemptId() == null) {
      throw new CertificationRefusedException("certification.error.outOfAttempts");
    }
    Long started =
        transaction.execute(
            tx -> {
              CertificationRunRepository.Run run = runs.lock(me.id(), certificationId, now);
              if (run.processInstanceKey() != null && isActive(run.processInstanceKey())) {
                return run.processInstanceKey();
              }
              long key = start(me, certification, language);
              runs.started(me.id(), certificationId, key, now);
              return key;
            });
    auditLog.record(
        AuditAction.CERTIFICATION_EXAM_REQUESTED,
        new AuditSubject(
            AuditSubject.PROCESS_INSTANCE, String.valueOf(started), me.partnerId(), started),
        null,
        Map.of("certification", certification.code()));
    return started;
  }

  /** The caller's open exam task of the certification, if it is open yet. */
  @Secured(PARTNER)
  public Optional<Long> examTask(long certificationId) {
    return Optional.ofNullable(openExamTasks(me()).get(certificationId));
  }

  /** The caller's exam task: refused like a missing one when it is not theirs or no exam. */
  @Secured(PARTNER)
  public ExamTask openExam(long taskKey) {
    Allowed allowed = allowed(taskKey);
    return new ExamTask(
        taskKey,
        allowed.certification(),
        RECERTIFICATION.equals(allowed.task().getElementId()),
        attempts.standing(
            allowed.certification().examQuizId(), allowed.user().id(), allowed.countFrom()));
  }

  /** Starts an attempt at the task's exam (or returns the open one). */
  @Secured(PARTNER)
  public AttemptSheet startAttempt(long taskKey) {
    Allowed allowed = allowed(taskKey);
    return attempts.start(
        allowed.certification().examQuizId(), allowed.user().id(), null, allowed.countFrom());
  }

  /**
   * Grades the attempt and, when it decides the exam, completes the task: passed, or failed with no
   * attempt left (which ends the certification; the portal offers the exam again only when attempts
   * are left).
   */
  @Secured(PARTNER)
  public AttemptResult submit(long taskKey, long attemptId, Map<Long, Set<Long>> answers) {
    Allowed allowed = allowed(taskKey);
    AttemptResult result =
        attempts.submit(attemptId, allowed.user().id(), answers, allowed.countFrom());
    if (result.quizId() != allowed.certification().examQuizId()) {
      throw new CertificationRefusedException("certification.error.notThisExam");
    }
    if (result.passed() || result.outOfAttempts()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("examPassed", result.passed());
      variables.put("examScorePercent", result.scorePercent());
      variables.put("completedBy", allowed.user().username());
      try {
        client.newCompleteUserTaskCommand(taskKey).variables(variables).send().join();
      } catch (ProblemException e) {
        throw new CertificationRefusedException("certification.error.taskChanged");
      }
    }
    return result;
  }

  private long start(UserAccount me, Certification certification, String language) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("userId", me.id());
    variables.put("username", me.username());
    variables.put("partnerId", me.partnerId());
    variables.put("certificationId", certification.id());
    variables.put("certificationCode", certification.code());
    variables.put("examQuizId", certification.examQuizId());
    variables.put("language", "zh".equals(language) ? "zh" : "en");
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Open exam tasks assigned to the person, by certification id. */
  private Map<Long, Long> openExamTasks(UserAccount me) {
    Map<Long, Long> byCertification = new HashMap<>();
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(filter -> filter.assignee(me.username()).state(UserTaskState.CREATED))
            .page(page -> page.limit(100))
            .send()
            .join()
            .items();
    for (UserTask task : tasks) {
      if (!EXAM_TASKS.contains(task.getElementId())) {
        continue;
      }
      runs.byProcessInstance(task.getProcessInstanceKey())
          .filter(run -> run.userId() == me.id())
          .ifPresent(run -> byCertification.put(run.certificationId(), task.getUserTaskKey()));
    }
    return byCertification;
  }

  private boolean startedRecently(long userId, long certificationId, Instant now) {
    return runs.ofUser(userId).stream()
        .anyMatch(
            run ->
                run.certificationId() == certificationId
                    && run.startedAt().isAfter(now.minusSeconds(60)));
  }

  private boolean isActive(long processInstanceKey) {
    try {
      return client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState()
          == ProcessInstanceState.ACTIVE;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return false;
      }
      throw e;
    }
  }

  private Allowed allowed(long taskKey) {
    gate.requireOpen();
    UserAccount me = me();
    UserTask task;
    try {
      task = client.newUserTaskGetRequest(taskKey).send().join();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new AccessDeniedException("No such exam task");
      }
      throw e;
    }
    // one answer for a missing task, somebody else's and one that is no exam
    if (!EXAM_TASKS.contains(task.getElementId()) || !me.username().equals(task.getAssignee())) {
      throw new AccessDeniedException("No such exam task");
    }
    if (task.getState() != UserTaskState.CREATED) {
      throw new CertificationRefusedException("certification.error.taskChanged");
    }
    CertificationRunRepository.Run run =
        runs.byProcessInstance(task.getProcessInstanceKey())
            .filter(found -> found.userId() == me.id())
            .orElseThrow(() -> new AccessDeniedException("No such exam task"));
    Certification certification =
        certificates
            .certificationCode(run.certificationId())
            .flatMap(catalogue::certification)
            .filter(found -> found.examQuizId() != null)
            .orElseThrow(() -> new CertificationRefusedException("certification.error.noExam"));
    Instant countFrom =
        RECERTIFICATION.equals(task.getElementId())
            ? lastIssued(me.id(), run.certificationId())
            : null;
    return new Allowed(me, task, certification, countFrom);
  }

  private Instant lastIssued(long userId, long certificationId) {
    return certificates.findByUser(userId).stream()
        .filter(c -> c.certificationId() == certificationId)
        .map(Certificate::issuedAt)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  private UserAccount me() {
    UserAccount user =
        currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    if (user.partnerId() == null) {
      throw new AccessDeniedException("Not a partner user");
    }
    return user;
  }

  /**
   * @param countFrom null for the first exam (all the person's attempts count); for a
   *     recertification the issue of the certificate it renews, so every renewal gets the exam's
   *     attempts again
   */
  private record Allowed(
      UserAccount user, UserTask task, Certification certification, Instant countFrom) {}
}
