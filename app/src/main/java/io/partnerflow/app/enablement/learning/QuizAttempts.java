package io.partnerflow.app.enablement.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.enablement.catalogue.CatalogueNotFoundException;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.Quiz;
import io.partnerflow.app.enablement.catalogue.QuizQuestion;
import io.partnerflow.app.enablement.learning.QuizRefusedException.Reason;
import io.partnerflow.app.portal.PortalGate;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts at quizzes (course quizzes and certification exams), graded on the server. Starting
 * draws the questions and stores the draw; the sheet carries no correct flags. Submitting grades
 * against the stored draw once: a replay, another person's attempt, answers outside the draw,
 * attempts beyond the quiz's maximum and attempts before the wait has passed are all refused here,
 * whatever the page sent.
 */
@Service
public class QuizAttempts {

  private static final String PEOPLE = "ROLE_PARTNER";
  private static final String ENABLEMENT = "ROLE_ENABLEMENT";
  private static final String ADMIN = "ROLE_ADMIN";

  private final CatalogueService catalogue;
  private final QuizAttemptRepository attempts;
  private final EnrolmentRepository enrolments;
  private final QuestionDraw draw;
  private final CurrentUser currentUser;
  private final PortalGate gate;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  QuizAttempts(
      CatalogueService catalogue,
      QuizAttemptRepository attempts,
      EnrolmentRepository enrolments,
      QuestionDraw draw,
      CurrentUser currentUser,
      PortalGate gate,
      AuditLog auditLog,
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock) {
    this.catalogue = catalogue;
    this.attempts = attempts;
    this.enrolments = enrolments;
    this.draw = draw;
    this.currentUser = currentUser;
    this.gate = gate;
    this.auditLog = auditLog;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Starts an attempt, or returns the person's open (unsubmitted) one, so reloading a page neither
   * costs an attempt nor draws new questions.
   *
   * @param enrolmentId the course enrolment the quiz ends, null for an exam
   * @throws QuizRefusedException out of attempts, too early (with the time), course passed, modules
   *     not done, or no such quiz or enrolment of the caller's
   */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional
  public AttemptSheet start(long quizId, long userId, Long enrolmentId) {
    return start(quizId, userId, enrolmentId, null);
  }

  /**
   * As {@link #start(long, long, Long)}, counting only the attempts started from {@code countFrom}:
   * a recertification exam gives the person the exam's attempts again.
   *
   * @param countFrom attempts started before this do not count; null counts all
   */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional
  public AttemptSheet start(long quizId, long userId, Long enrolmentId, Instant countFrom) {
    requireSelf(userId);
    attempts.lockPerson(userId);
    Quiz quiz = quiz(quizId);
    if (enrolmentId != null) {
      checkEnrolment(enrolmentId, userId, quizId);
    }
    List<StoredAttempt> earlier = earlier(userId, quizId, countFrom);
    Optional<StoredAttempt> open = earlier.stream().filter(a -> !a.submitted()).findFirst();
    if (open.isPresent()) {
      return sheet(quiz, open.get(), earlier.size());
    }
    Instant now = clock.instant();
    Standing standing = standing(quiz, earlier);
    if (standing.attemptsLeft() == 0) {
      throw new QuizRefusedException(
          Reason.OUT_OF_ATTEMPTS,
          "All " + quiz.maxAttempts() + " attempts at this quiz have been used.");
    }
    if (standing.nextAllowedAt() != null && now.isBefore(standing.nextAllowedAt())) {
      throw new QuizRefusedException(
          Reason.TOO_EARLY,
          "The next attempt is allowed from " + standing.nextAllowedAt() + " (UTC).",
          standing.nextAllowedAt());
    }
    List<Long> drawn =
        draw.draw(
            quiz.questions().stream()
                .sorted(Comparator.comparingInt(QuizQuestion::position))
                .map(QuizQuestion::id)
                .toList(),
            quiz.questionsPerAttempt());
    if (drawn.isEmpty()) {
      throw new QuizRefusedException(Reason.NOT_FOUND, "This quiz has no questions yet.");
    }
    long id = attempts.insert(quizId, userId, enrolmentId, drawn, now);
    if (enrolmentId != null) {
      enrolments.markStarted(enrolmentId, now);
    }
    return sheet(quiz, attempts.find(id).orElseThrow(), earlier.size() + 1);
  }

  /**
   * Grades the attempt once and returns the result.
   *
   * @param answers per drawn question id the chosen option ids (missing: unanswered)
   * @throws QuizRefusedException already submitted (replay), not the caller's attempt, or tampered
   *     answers (the attempt stays open, not consumed)
   */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional
  public AttemptResult submit(long attemptId, long userId, Map<Long, Set<Long>> answers) {
    return submit(attemptId, userId, answers, null);
  }

  /**
   * As {@link #submit(long, long, Map)}, the attempts left counted from {@code countFrom} (see
   * {@link #start(long, long, Long, Instant)}).
   */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional
  public AttemptResult submit(
      long attemptId, long userId, Map<Long, Set<Long>> answers, Instant countFrom) {
    requireSelf(userId);
    StoredAttempt attempt =
        attempts.lock(attemptId).filter(a -> a.userId() == userId).orElseThrow(this::noAttempt);
    if (attempt.submitted()) {
      throw new QuizRefusedException(
          Reason.ALREADY_SUBMITTED,
          "This attempt was submitted on " + attempt.submittedAt() + " (UTC); it counts once.");
    }
    Quiz quiz = quiz(attempt.quizId());
    Grading.Grade grade = Grading.grade(quiz, attempt.questionIds(), answers);
    Instant now = clock.instant();
    if (!attempts.recordGrade(
        attemptId, userId, now, grade.scorePercent(), grade.passed(), toJson(grade.given()))) {
      throw new QuizRefusedException(
          Reason.ALREADY_SUBMITTED, "This attempt was submitted before.");
    }
    Standing standing = standing(quiz, earlier(userId, quiz.id(), countFrom));
    Instant next = grade.passed() ? null : standing.nextAllowedAt();
    if (attempt.enrolmentId() != null) {
      if (grade.passed()) {
        enrolments.markFinished(attempt.enrolmentId(), EnrolmentStatus.PASSED, now);
      } else if (standing.attemptsLeft() == 0) {
        enrolments.markFinished(attempt.enrolmentId(), EnrolmentStatus.FAILED, now);
      }
    }
    Long partnerId = currentUser.get().map(UserAccount::partnerId).orElse(null);
    auditLog.record(
        AuditAction.QUIZ_SUBMITTED,
        new AuditSubject(AuditSubject.QUIZ_ATTEMPT, Long.toString(attemptId), partnerId, null),
        null,
        Map.of(
            "quizId", quiz.id(),
            "scorePercent", grade.scorePercent(),
            "passed", grade.passed(),
            "attemptsLeft", standing.attemptsLeft()));
    events.publishEvent(
        new QuizSubmitted(
            attemptId,
            quiz.id(),
            userId,
            attempt.enrolmentId(),
            grade.passed(),
            standing.attemptsLeft()));
    return new AttemptResult(
        attemptId,
        quiz.id(),
        grade.scorePercent(),
        grade.passed(),
        standing.attemptsLeft(),
        next,
        quiz.showAnswers(),
        quiz.showAnswers() ? Grading.correctAnswers(quiz, attempt.questionIds()) : Map.of(),
        grade.given());
  }

  /**
   * The result of one of the caller's submitted attempts again (e.g. after a reload), with the
   * correct answers only when the quiz shows them; empty while it is open.
   */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional(readOnly = true)
  public Optional<AttemptResult> result(long attemptId, long userId) {
    requireSelf(userId);
    StoredAttempt attempt =
        attempts.find(attemptId).filter(a -> a.userId() == userId).orElseThrow(this::noAttempt);
    if (!attempt.submitted()) {
      return Optional.empty();
    }
    Quiz quiz = quiz(attempt.quizId());
    Standing standing = standing(quiz, attempts.findByPerson(userId, quiz.id()));
    boolean passed = Boolean.TRUE.equals(attempt.passed());
    return Optional.of(
        new AttemptResult(
            attemptId,
            quiz.id(),
            attempt.scorePercent(),
            passed,
            standing.attemptsLeft(),
            passed ? null : standing.nextAllowedAt(),
            quiz.showAnswers(),
            quiz.showAnswers() ? Grading.correctAnswers(quiz, attempt.questionIds()) : Map.of(),
            fromJson(attempt.answersJson())));
  }

  /** Where the caller stands with a quiz: attempts used and left, the open one, the next start. */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional(readOnly = true)
  public QuizStanding standing(long quizId, long userId) {
    return standing(quizId, userId, null);
  }

  /**
   * As {@link #standing(long, long)}, counting the attempts started from {@code countFrom} (see
   * {@link #start(long, long, Long, Instant)}).
   */
  @Secured({PEOPLE, ENABLEMENT, ADMIN})
  @Transactional(readOnly = true)
  public QuizStanding standing(long quizId, long userId, Instant countFrom) {
    requireSelf(userId);
    Quiz quiz = quiz(quizId);
    List<StoredAttempt> earlier = earlier(userId, quizId, countFrom);
    Standing standing = standing(quiz, earlier);
    Long open =
        earlier.stream()
            .filter(a -> !a.submitted())
            .map(StoredAttempt::id)
            .findFirst()
            .orElse(null);
    Long lastSubmitted =
        earlier.stream()
            .filter(StoredAttempt::submitted)
            .map(StoredAttempt::id)
            .reduce((a, b) -> b)
            .orElse(null);
    boolean passed = earlier.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed()));
    return new QuizStanding(
        quizId,
        earlier.size(),
        quiz.maxAttempts(),
        standing.attemptsLeft(),
        passed ? null : standing.nextAllowedAt(),
        open,
        lastSubmitted,
        passed);
  }

  private List<StoredAttempt> earlier(long userId, long quizId, Instant countFrom) {
    List<StoredAttempt> all = attempts.findByPerson(userId, quizId);
    return countFrom == null
        ? all
        : all.stream().filter(a -> !a.startedAt().isBefore(countFrom)).toList();
  }

  private record Standing(int attemptsLeft, Instant nextAllowedAt) {}

  private Standing standing(Quiz quiz, List<StoredAttempt> earlier) {
    int left = Math.max(0, quiz.maxAttempts() - earlier.size());
    Instant lastSubmission =
        earlier.stream()
            .map(StoredAttempt::submittedAt)
            .filter(java.util.Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    Instant next =
        left == 0 || lastSubmission == null || quiz.attemptWaitMinutes() == 0
            ? null
            : lastSubmission.plus(Duration.ofMinutes(quiz.attemptWaitMinutes()));
    return new Standing(left, next);
  }

  private void checkEnrolment(long enrolmentId, long userId, long quizId) {
    Enrolment enrolment =
        enrolments
            .find(enrolmentId)
            .filter(e -> e.userId() == userId)
            .orElseThrow(
                () ->
                    new QuizRefusedException(
                        Reason.NOT_FOUND, "This course enrolment does not exist or is not yours."));
    Long courseQuiz = catalogue.courseVersion(enrolment.courseVersionId()).quizId();
    if (courseQuiz == null || courseQuiz != quizId) {
      throw new QuizRefusedException(
          Reason.NOT_FOUND, "This quiz does not belong to the course of this enrolment.");
    }
    if (enrolment.status() == EnrolmentStatus.PASSED) {
      throw new QuizRefusedException(Reason.ALREADY_PASSED, "This course is passed already.");
    }
    int modules = catalogue.modules(enrolment.courseVersionId()).size();
    if (enrolment.modulesDone() < modules) {
      throw new QuizRefusedException(
          Reason.MODULES_OPEN,
          "The quiz opens once all "
              + modules
              + " modules are done ("
              + enrolment.modulesDone()
              + " so far).");
    }
  }

  private AttemptSheet sheet(Quiz quiz, StoredAttempt attempt, int attemptNumber) {
    Map<Long, QuizQuestion> byId = new LinkedHashMap<>();
    quiz.questions().forEach(question -> byId.put(question.id(), question));
    List<AttemptSheet.Question> questions =
        attempt.questionIds().stream()
            .map(byId::get)
            .filter(java.util.Objects::nonNull)
            .map(
                question ->
                    new AttemptSheet.Question(
                        question.id(),
                        question.position(),
                        Grading.multiple(question),
                        question.textEn(),
                        question.textZh(),
                        question.options().stream()
                            .sorted(Comparator.comparingInt(o -> o.position()))
                            // the correct flag stays here, on the server
                            .map(
                                o ->
                                    new AttemptSheet.Option(
                                        o.id(), o.position(), o.textEn(), o.textZh()))
                            .toList()))
            .toList();
    return new AttemptSheet(
        attempt.id(),
        quiz.id(),
        quiz.passMarkPercent(),
        attemptNumber,
        quiz.maxAttempts(),
        questions);
  }

  private Quiz quiz(long quizId) {
    try {
      Quiz quiz = catalogue.quiz(quizId);
      if (quiz == null) {
        throw new QuizRefusedException(Reason.NOT_FOUND, "This quiz does not exist.");
      }
      return quiz;
    } catch (CatalogueNotFoundException e) {
      throw new QuizRefusedException(Reason.NOT_FOUND, "This quiz does not exist.");
    }
  }

  /** Only the person themself takes their attempts; partner users only behind an open portal. */
  private void requireSelf(long userId) {
    UserAccount me =
        currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    if (me.id() != userId) {
      throw new AccessDeniedException("Quiz attempts are taken by the person themself");
    }
    gate.requireOpen();
  }

  private QuizRefusedException noAttempt() {
    return new QuizRefusedException(
        Reason.NOT_FOUND, "This quiz attempt does not exist or is not yours.");
  }

  private String toJson(Map<Long, Set<Long>> answers) {
    try {
      return json.writeValueAsString(answers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Answers cannot be stored", e);
    }
  }

  private Map<Long, Set<Long>> fromJson(String stored) {
    if (stored == null) {
      return Map.of();
    }
    try {
      return json.readValue(
          stored,
          json.getTypeFactory()
              .constructMapType(
                  LinkedHashMap.class,
                  json.getTypeFactory().constructType(Long.class),
                  json.getTypeFactory()
                      .constructCollectionType(java.util.TreeSet.class, Long.class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored answers cannot be read", e);
    }
  }
}
