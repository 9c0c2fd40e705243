package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Certifications (with an exam of two single-choice questions), partners and their users for the
 * certification tests, unique per call in the database all tests share.
 */
final class CertificationFixtures {

  static final String PASSWORD = "a-long-test-password-1";

  private final PartnerService partners;
  private final UserAccountService users;
  private final JdbcClient jdbc;

  CertificationFixtures(PartnerService partners, UserAccountService users, JdbcClient jdbc) {
    this.partners = partners;
    this.users = users;
    this.jdbc = jdbc;
  }

  /** A new active certification requiring the given courses, with its exam. */
  long certification(int validityMonths, String... courseCodes) {
    String code = "cert-" + UUID.randomUUID().toString().substring(0, 8);
    long quiz = exam(3, 0);
    long id =
        jdbc.sql(
                "INSERT INTO app.certification (code, name_en, name_zh, summary_en, summary_zh,"
                    + " validity_months, exam_quiz_id, active) VALUES (:code, :nameEn, :nameZh,"
                    + " 'Sells the product', '销售产品', :validity, :quiz, true) RETURNING id")
            .param("code", code)
            .param("nameEn", "Certified Sales Professional " + code)
            .param("nameZh", "认证销售专家 " + code)
            .param("validity", validityMonths)
            .param("quiz", quiz)
            .query(Long.class)
            .single();
    for (String course : courseCodes) {
      jdbc.sql("INSERT INTO app.certification_course VALUES (:id, :course)")
          .param("id", id)
          .param("course", course)
          .update();
    }
    return id;
  }

  String certificationCode(long certificationId) {
    return jdbc.sql("SELECT code FROM app.certification WHERE id = :id")
        .param("id", certificationId)
        .query(String.class)
        .single();
  }

  /** An exam of two single-choice questions; the first option of each is the correct one. */
  long exam(int maxAttempts, int waitMinutes) {
    long quiz =
        jdbc.sql(
                "INSERT INTO app.quiz (kind, pass_mark_percent, max_attempts,"
                    + " attempt_wait_minutes, questions_per_attempt, show_answers) VALUES"
                    + " ('EXAM', 50, :attempts, :wait, NULL, false) RETURNING id")
            .param("attempts", maxAttempts)
            .param("wait", waitMinutes)
            .query(Long.class)
            .single();
    for (int q = 1; q <= 2; q++) {
      long question =
          jdbc.sql(
                  "INSERT INTO app.quiz_question (quiz_id, position, kind, text_en, text_zh)"
                      + " VALUES (:quiz, :position, 'SINGLE', :en, :zh) RETURNING id")
              .param("quiz", quiz)
              .param("position", q)
              .param("en", "Exam question " + q)
              .param("zh", "考试题 " + q)
              .query(Long.class)
              .single();
      for (int o = 1; o <= 3; o++) {
        jdbc.sql(
                "INSERT INTO app.quiz_option (question_id, position, text_en, text_zh, correct)"
                    + " VALUES (:question, :position, :en, :zh, :correct)")
            .param("question", question)
            .param("position", o)
            .param("en", "Answer " + o)
            .param("zh", "答案 " + o)
            .param("correct", o == 1)
            .update();
      }
    }
    return quiz;
  }

  long partner() {
    String name = PartnerTestData.unique("Certified Partner");
    String email = "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    long id =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        name,
                        null,
                        "DE",
                        PartnerType.RESELLER,
                        PartnerTier.REGISTERED,
                        "manager",
                        PartnerContact.primary("Ann Contact", email, null),
                        60,
                        null)));
    // past the portal gate: the certification pages need a signed agreement
    PartnerTestData.agreementInForce(jdbc, id);
    return id;
  }

  /** The organisation's main contact (and signatory), as invited on approval. */
  String mainContact(long partnerId) {
    return PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
  }

  /** A colleague without the main contact's role. */
  String colleague(long partnerId) {
    String username = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
    jdbc.sql(
            "DELETE FROM app.portal_role WHERE user_id = (SELECT id FROM app.app_user WHERE"
                + " username = :username) AND portal_role = 'MAIN_CONTACT'")
        .param("username", username)
        .update();
    return username;
  }

  long userId(String username) {
    return jdbc.sql("SELECT id FROM app.app_user WHERE username = :username")
        .param("username", username)
        .query(Long.class)
        .single();
  }

  static void actAsPartner(String username) {
    PartnerTestData.actAs(username, "ROLE_PARTNER");
  }

  static void logout() {
    SecurityContextHolder.clearContext();
  }
}
