package io.partnerflow.app.benchmark;

import io.partnerflow.app.enablement.learning.AttemptSheet;
import io.partnerflow.app.enablement.learning.CoursePage;
import io.partnerflow.app.enablement.learning.LearningFixtures;
import io.partnerflow.app.enablement.learning.LearningFixtures.QuizRows;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.enablement.learning.QuizAttempts;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): with 1,000 partners and 10,000 enrolments (and as many graded attempts)
 * in the database, how long (a) the data of the portal's course page takes — the service calls
 * {@code CourseView} makes: {@link LearningService#coursePage} (which includes the quiz standing)
 * and the last attempt's result — and (b) a quiz submission ({@link QuizAttempts#submit}, 10
 * questions, graded on the server). The background rows are bulk-inserted with SQL (partners,
 * users, enrolments, attempts); the measured learner is a real portal user of a partner with an
 * agreement in force. {@code ./mvnw -B -pl app -am -Pbenchmark test -Dtest=LearningBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, options {@code -Dbenchmark.partners=1000
 * -Dbenchmark.enrolments=10000 -Dbenchmark.rounds=200}.
 */
@PartnerflowTest
class LearningBenchmark {

  private static final int COURSES = 5;

  @Autowired LearningService learning;
  @Autowired QuizAttempts quizAttempts;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

  @Test
  void measure() {
    int partnerCount = Integer.getInteger("benchmark.partners", 1000);
    int enrolmentCount = Integer.getInteger("benchmark.enrolments", 10_000);
    int rounds = Integer.getInteger("benchmark.rounds", 200);
    LearningFixtures fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
    System.out.printf(
        "%nPartnerflow learning benchmark on %d cores%n",
        Runtime.getRuntime().availableProcessors());

    // the catalogue: five published courses of four modules, each with a 10-question quiz
    long[] versions = new long[COURSES];
    QuizRows[] quizzes = new QuizRows[COURSES];
    for (int c = 0; c < COURSES; c++) {
      quizzes[c] = fixtures.simpleQuiz(10, 70, 100_000, 0);
      versions[c] =
          fixtures.publishedCourse(LearningFixtures.code("bench-" + c), quizzes[c].quizId(), 4);
    }
    long background = System.nanoTime();
    bulkBackground(partnerCount, enrolmentCount, versions, quizzes);
    System.out.printf(
        "background: %d partners, %d enrolments, %d attempts bulk-inserted in %.1f s%n",
        count("app.partner"),
        count("app.enrolment"),
        count("app.quiz_attempt"),
        (System.nanoTime() - background) / 1e9);

    // the measured learner: a real portal user, enrolled on the first course, modules done
    long partnerId = fixtures.partner();
    String learner = fixtures.partnerUser(partnerId);
    long learnerId = fixtures.userId(learner);
    long enrolment = SystemIdentity.call(() -> learning.enrol(learnerId, codeOf(versions[0]))).id();
    jdbc.sql("UPDATE app.enrolment SET modules_done = 4 WHERE id = :id")
        .param("id", enrolment)
        .update();
    fixtures.loginAs(learner);
    QuizRows quiz = quizzes[0];
    try {
      long[] page = new long[rounds];
      long[] submit = new long[rounds];
      for (int i = 0; i < rounds + 20; i++) {
        long started = System.nanoTime();
        CoursePage shown = learning.coursePage(enrolment);
        if (shown.quiz().lastSubmittedAttemptId() != null) {
          quizAttempts.result(shown.quiz().lastSubmittedAttemptId(), learnerId);
        }
        long loaded = System.nanoTime();
        AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, enrolment);
        var answers = quiz.wrongAnswers(quiz.questionIds());
        long submitting = System.nanoTime();
        quizAttempts.submit(sheet.attemptId(), learnerId, answers);
        long submitted = System.nanoTime();
        if (i >= 20) { // the first 20 warm the JIT and the caches
          page[i - 20] = loaded - started;
          submit[i - 20] = submitted - submitting;
        }
      }
      print("(a) course page data: coursePage + last result", page);
      print("(b) quiz submission: QuizAttempts.submit (10 questions)", submit);
    } finally {
      fixtures.logout();
    }
  }

  /**
   * Partners, two users each, enrolments spread over the five courses, one graded attempt per
   * enrolment: plain SQL, as a data load would do it.
   */
  private void bulkBackground(
      int partnerCount, int enrolmentCount, long[] versions, QuizRows[] quizzes) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            "INSERT INTO app.partner (name, country, type, tier, status, owner_username)"
                + " SELECT 'Bench ' || :run || ' ' || g, 'DE', 'RESELLER', 'SILVER', 'ACTIVE',"
                + " 'manager' FROM generate_series(1, :n) g")
        .param("run", run)
        .param("n", partnerCount)
        .update();
    int usersNeeded = Math.max(partnerCount * 2, (enrolmentCount + COURSES - 1) / COURSES);
    jdbc.sql(
            "INSERT INTO app.app_user (username, password_hash, display_name, email, partner_id)"
                + " SELECT 'bench-' || :run || '-' || g, 'x', 'Bench learner ' || g,"
                + " 'bench-' || :run || '-' || g || '@bench.example', p.id"
                + " FROM generate_series(1, :n) g JOIN (SELECT id, row_number() OVER (ORDER BY id)"
                + " AS r FROM app.partner WHERE name LIKE 'Bench ' || :run || ' %') p"
                + " ON p.r = (g - 1) % :partners + 1")
        .param("run", run)
        .param("n", usersNeeded)
        .param("partners", partnerCount)
        .update();
    jdbc.sql(
            "INSERT INTO app.enrolment (user_id, partner_id, course_version_id, status,"
                + " modules_done, assigned_at, started_at)"
                + " SELECT u.id, u.partner_id, (CAST(:versions AS bigint[]))[c], CASE (u.id + c) % 4"
                + " WHEN 0 THEN 'ASSIGNED' WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'PASSED'"
                + " ELSE 'FAILED' END, (u.id + c) % 5, now(), now()"
                + " FROM (SELECT id, partner_id, row_number() OVER (ORDER BY id) AS r"
                + " FROM app.app_user WHERE username LIKE 'bench-' || :run || '-%') u"
                + " CROSS JOIN generate_series(1, :courses) c"
                + " WHERE (u.r - 1) * :courses + c <= :n")
        .param("versions", Arrays.stream(versions).boxed().toArray(Long[]::new))
        .param("run", run)
        .param("courses", COURSES)
        .param("n", enrolmentCount)
        .update();
    Long[] quizIds = Arrays.stream(quizzes).map(QuizRows::quizId).toArray(Long[]::new);
    jdbc.sql(
            "INSERT INTO app.quiz_attempt (quiz_id, user_id, enrolment_id, question_ids,"
                + " started_at, submitted_at, score_percent, passed, answers)"
                + " SELECT (CAST(:quizzes AS bigint[]))[array_position(CAST(:versions AS bigint[]),"
                + " e.course_version_id)], e.user_id, e.id, ARRAY[]::bigint[], now(), now(),"
                + " 50, false, '{}'::jsonb FROM app.enrolment e JOIN app.app_user u ON u.id ="
                + " e.user_id WHERE u.username LIKE 'bench-' || :run || '-%'")
        .param("quizzes", quizIds)
        .param("versions", Arrays.stream(versions).boxed().toArray(Long[]::new))
        .param("run", run)
        .update();
    jdbc.sql("ANALYZE").update();
  }

  private String codeOf(long versionId) {
    return jdbc.sql(
            "SELECT c.code FROM app.course c JOIN app.course_version v ON v.course_id = c.id"
                + " WHERE v.id = :v")
        .param("v", versionId)
        .query(String.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
        what,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
