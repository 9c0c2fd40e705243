package io.partnerflow.app.enablement.learning;

import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Catalogue rows (quizzes, courses, modules, files) written straight into the catalogue's tables,
 * partners with an agreement in force and their users, logged in as Spring Security would.
 */
public final class LearningFixtures {

  public static final String PASSWORD = "a-long-test-password-1";

  private final PartnerService partners;
  private final UserAccountService users;
  private final UserDetailsService userDetails;
  private final JdbcClient jdbc;

  public LearningFixtures(
      PartnerService partners,
      UserAccountService users,
      UserDetailsService userDetails,
      JdbcClient jdbc) {
    this.partners = partners;
    this.users = users;
    this.userDetails = userDetails;
    this.jdbc = jdbc;
  }

  /** A partner whose portal is open (agreement in force). */
  public long partner(PartnerType type, PartnerTier tier) {
    String name = PartnerTestData.unique("Learning Partner");
    String email = "learner-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    long id =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        name,
                        null,
                        "DE",
                        type,
                        tier,
                        "manager",
                        PartnerContact.primary("Lee Learner", email, null),
                        60,
                        null)));
    PartnerTestData.agreementInForce(jdbc, id);
    return id;
  }

  public long partner() {
    return partner(PartnerType.RESELLER, PartnerTier.SILVER);
  }

  /** A new portal user of the partner (main contact and signatory); returns the username. */
  public String partnerUser(long partnerId) {
    return PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
  }

  public long userId(String username) {
    return users.findByUsername(username).orElseThrow().id();
  }

  public void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  public void logout() {
    SecurityContextHolder.clearContext();
  }

  /** A question to write: single or multiple choice, options with their correct flags. */
  public record QuestionSpec(boolean multiple, List<Boolean> correct) {

    public static QuestionSpec single(int options, int correctIndex) {
      List<Boolean> flags = new ArrayList<>();
      for (int i = 0; i < options; i++) {
        flags.add(i == correctIndex);
      }
      return new QuestionSpec(false, flags);
    }

    public static QuestionSpec multiple(Boolean... correct) {
      return new QuestionSpec(true, List.of(correct));
    }
  }

  /** A written quiz: per question id (in position order) its option ids and the correct ones. */
  public record QuizRows(
      long quizId,
      List<Long> questionIds,
      Map<Long, List<Long>> options,
      Map<Long, Set<Long>> correct) {

    /** The right answers to the given questions. */
    public Map<Long, Set<Long>> rightAnswers(List<Long> questions) {
      return questions.stream().collect(Collectors.toMap(q -> q, correct::get));
    }

    /** A wrong answer to every given question (the first incorrect option). */
    public Map<Long, Set<Long>> wrongAnswers(List<Long> questions) {
      return questions.stream()
          .collect(
              Collectors.toMap(
                  q -> q,
                  q ->
                      Set.of(
                          options.get(q).stream()
                              .filter(o -> !correct.get(q).contains(o))
                              .findFirst()
                              .orElseThrow())));
    }
  }

  public QuizRows quiz(
      String kind,
      int passMarkPercent,
      int maxAttempts,
      int waitMinutes,
      Integer perAttempt,
      boolean showAnswers,
      List<QuestionSpec> questions) {
    long quizId =
        jdbc.sql(
                "INSERT INTO app.quiz (kind, pass_mark_percent, max_attempts, attempt_wait_minutes,"
                    + " questions_per_attempt, show_answers) VALUES (:kind, :mark, :max, :wait,"
                    + " :per, :show) RETURNING id")
            .param("kind", kind)
            .param("mark", passMarkPercent)
            .param("max", maxAttempts)
            .param("wait", waitMinutes)
            .param("per", perAttempt)
            .param("show", showAnswers)
            .query(Long.class)
            .single();
    List<Long> questionIds = new ArrayList<>();
    Map<Long, List<Long>> options = new java.util.HashMap<>();
    Map<Long, Set<Long>> correct = new java.util.HashMap<>();
    int position = 1;
    for (QuestionSpec spec : questions) {
      long questionId =
          jdbc.sql(
                  "INSERT INTO app.quiz_question (quiz_id, position, kind, text_en, text_zh)"
                      + " VALUES (:quiz, :position, :kind, :en, :zh) RETURNING id")
              .param("quiz", quizId)
              .param("position", position)
              .param("kind", spec.multiple() ? "MULTIPLE" : "SINGLE")
              .param("en", "Question " + position + "?")
              .param("zh", "问题 " + position + "?")
              .query(Long.class)
              .single();
      questionIds.add(questionId);
      List<Long> own = new ArrayList<>();
      Set<Long> right = new java.util.TreeSet<>();
      for (int i = 0; i < spec.correct().size(); i++) {
        long optionId =
            jdbc.sql(
                    "INSERT INTO app.quiz_option (question_id, position, text_en, text_zh, correct)"
                        + " VALUES (:question, :position, :en, :zh, :correct) RETURNING id")
                .param("question", questionId)
                .param("position", i + 1)
                .param("en", "Option " + (char) ('A' + i))
                .param("zh", "选项 " + (char) ('A' + i))
                .param("correct", spec.correct().get(i))
                .query(Long.class)
                .single();
        own.add(optionId);
        if (spec.correct().get(i)) {
          right.add(optionId);
        }
      }
      options.put(questionId, own);
      correct.put(questionId, right);
      position++;
    }
    release(kind, quizId);
    return new QuizRows(quizId, questionIds, options, correct);
  }

  /**
   * Partner users may read only released quizzes: a course quiz closes a published course version
   * (here one of its own, without modules), an exam belongs to a certification.
   */
  private void release(String kind, long quizId) {
    if ("EXAM".equals(kind)) {
      jdbc.sql(
              "INSERT INTO app.certification (code, name_en, name_zh, validity_months,"
                  + " exam_quiz_id) VALUES (:code, 'Test certification', '测试认证', 24, :quiz)")
          .param("code", code("exam"))
          .param("quiz", quizId)
          .update();
    } else {
      publishedCourse(code("quiz"), quizId, 0);
    }
  }

  /** A quiz of single-choice questions with three options each (the first is correct). */
  public QuizRows simpleQuiz(int questions, int passMark, int maxAttempts, int waitMinutes) {
    List<QuestionSpec> specs = new ArrayList<>();
    for (int i = 0; i < questions; i++) {
      specs.add(QuestionSpec.single(3, 0));
    }
    return quiz("COURSE", passMark, maxAttempts, waitMinutes, null, true, specs);
  }

  /** A published course version with the given number of modules, ending in the quiz. */
  public long publishedCourse(String code, long quizId, int modules) {
    long courseId =
        jdbc.sql("INSERT INTO app.course (code, created_at) VALUES (:code, now()) RETURNING id")
            .param("code", code)
            .query(Long.class)
            .single();
    long versionId =
        jdbc.sql(
                "INSERT INTO app.course_version (course_id, version, status, title_en, title_zh,"
                    + " summary_en, summary_zh, estimated_minutes, quiz_id, created_at, created_by,"
                    + " published_at) VALUES (:course, 1, 'PUBLISHED', :titleEn, :titleZh,"
                    + " 'What partners learn here.', '合作伙伴在这里学习的内容。', 30, :quiz, now(),"
                    + " 'enablement', now()) RETURNING id")
            .param("course", courseId)
            .param("titleEn", "Course " + code)
            .param("titleZh", "课程 " + code)
            .param("quiz", quizId)
            .query(Long.class)
            .single();
    for (int i = 1; i <= modules; i++) {
      jdbc.sql(
              "INSERT INTO app.course_module (course_version_id, position, title_en, title_zh,"
                  + " body_en, body_zh) VALUES (:version, :position, :titleEn, :titleZh, :bodyEn,"
                  + " :bodyZh)")
          .param("version", versionId)
          .param("position", i)
          .param("titleEn", "Module " + i)
          .param("titleZh", "模块 " + i)
          .param("bodyEn", "## Module " + i + "\n\nRead **this** first.")
          .param("bodyZh", "## 模块 " + i + "\n\n请先**阅读**。")
          .update();
    }
    return versionId;
  }

  /** The version's module ids in position order. */
  public List<Long> moduleIds(long courseVersionId) {
    return jdbc.sql(
            "SELECT id FROM app.course_module WHERE course_version_id = :v ORDER BY position")
        .param("v", courseVersionId)
        .query(Long.class)
        .list();
  }

  /** A file of the module; returns its id. */
  public long file(long moduleId, String fileName, byte[] content) {
    return jdbc.sql(
            "INSERT INTO app.course_file (module_id, file_name, content_type, size_bytes, content,"
                + " uploaded_at, uploaded_by) VALUES (:module, :name, 'text/plain', :size,"
                + " :content, now(), 'enablement') RETURNING id")
        .param("module", moduleId)
        .param("name", fileName)
        .param("size", content.length)
        .param("content", content)
        .query(Long.class)
        .single();
  }

  public static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Enrols straight in the table (tests of the quiz alone). */
  public long enrol(long userId, long partnerId, long courseVersionId, int modulesDone) {
    return jdbc.sql(
            "INSERT INTO app.enrolment (user_id, partner_id, course_version_id, status,"
                + " modules_done, assigned_at) VALUES (:user, :partner, :version, 'ASSIGNED',"
                + " :done, now()) RETURNING id")
        .param("user", userId)
        .param("partner", partnerId)
        .param("version", courseVersionId)
        .param("done", modulesDone)
        .query(Long.class)
        .single();
  }

  public List<Long> enrolmentIds(long userId) {
    return jdbc.sql("SELECT id FROM app.enrolment WHERE user_id = :u ORDER BY id")
        .param("u", userId)
        .query(Long.class)
        .list();
  }

  /** Replaces the user's portal roles (a colleague who is only sales or technical). */
  public void portalRoles(String username, String... roles) {
    jdbc.sql(
            "DELETE FROM app.portal_role WHERE user_id = (SELECT id FROM app.app_user"
                + " WHERE username = :u)")
        .param("u", username)
        .update();
    for (String role : roles) {
      jdbc.sql(
              "INSERT INTO app.portal_role (user_id, portal_role) SELECT id, :role FROM"
                  + " app.app_user WHERE username = :u")
          .param("role", role)
          .param("u", username)
          .update();
    }
  }

  public String enrolmentStatus(long enrolmentId) {
    return jdbc.sql("SELECT status FROM app.enrolment WHERE id = :id")
        .param("id", enrolmentId)
        .query(String.class)
        .single();
  }

  public int attemptCount(long userId, long quizId) {
    return jdbc.sql("SELECT count(*) FROM app.quiz_attempt WHERE user_id = :u AND quiz_id = :q")
        .param("u", userId)
        .param("q", quizId)
        .query(Integer.class)
        .single();
  }

  /** Moves the person's submissions back in time, as if the wait had passed. */
  public void ageSubmissions(long userId, long quizId, int minutes) {
    jdbc.sql(
            "UPDATE app.quiz_attempt SET submitted_at = submitted_at - make_interval(mins => :m)"
                + " WHERE user_id = :u AND quiz_id = :q AND submitted_at IS NOT NULL")
        .param("m", minutes)
        .param("u", userId)
        .param("q", quizId)
        .update();
  }
}
