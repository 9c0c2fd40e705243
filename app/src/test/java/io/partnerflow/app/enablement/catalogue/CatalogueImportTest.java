package io.partnerflow.app.enablement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.support.PartnerflowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The seed import: idempotent, never over the browser's edits, all or nothing. */
@PartnerflowTest
class CatalogueImportTest {

  private static final List<String> SEED_COURSES =
      List.of(
          "sales-fundamentals",
          "deal-registration",
          "solution-architecture",
          "technical-implementation");

  @Autowired CatalogueImport catalogueImport;
  @Autowired CatalogueService catalogue;
  @Autowired CatalogueEditing editing;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

  @TempDir Path folder;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldHaveImportedTheStarterCatalogueAtStartAndChangeNothingTheSecondTime() {
    // given: the start imported classpath:enablement (config/enablement)
    long versions = count("app.course_version");
    long quizzes = count("app.quiz");

    // when
    CatalogueImport.Result again =
        SystemIdentity.call(() -> catalogueImport.importFrom("classpath:enablement"));

    // then
    assertThat(again.created()).isEmpty();
    assertThat(again.updated()).isEmpty();
    assertThat(again.unchanged())
        .containsAll(SEED_COURSES)
        .contains("certified-sales-professional", "certified-implementation-engineer");
    assertThat(count("app.course_version")).isEqualTo(versions);
    assertThat(count("app.quiz")).isEqualTo(quizzes);
    SystemIdentity.call(
        () -> {
          for (String code : SEED_COURSES) {
            CourseVersion course = catalogue.latestPublished(code).orElseThrow();
            assertThat(course.titleZh()).as(code).isNotBlank();
            assertThat(catalogue.modules(course.id())).as(code).hasSizeBetween(3, 4);
            assertThat(catalogue.quiz(course.quizId()).questions()).as(code).hasSizeBetween(4, 6);
          }
          Certification sales =
              catalogue.certification("certified-sales-professional").orElseThrow();
          assertThat(sales.courseCodes())
              .containsExactly("deal-registration", "sales-fundamentals");
          Quiz exam = catalogue.quiz(sales.examQuizId());
          assertThat(exam.kind()).isEqualTo(QuizKind.EXAM);
          assertThat(exam.questions()).hasSize(10);
          assertThat(exam.questionsPerAttempt()).isEqualTo(5);
          assertThat(catalogue.activeCertifications())
              .extracting(Certification::code)
              .contains("certified-sales-professional", "certified-implementation-engineer");
          return null;
        });
  }

  @Test
  void shouldImportOnceThenPublishAChangedFileButNeverOverTheBrowsersEdit() throws IOException {
    // given
    String code = CatalogueFixtures.uniqueCode("seeded");
    write("course.yaml", course(code, "First title"));

    // when: twice
    CatalogueImport.Result first = importFolder();
    CatalogueImport.Result second = importFolder();

    // then
    assertThat(first.created()).containsExactly(code);
    assertThat(second.unchanged()).containsExactly(code);
    assertThat(versionsOf(code)).isEqualTo(1);

    // when: the file changes
    write("course.yaml", course(code, "Second title"));
    CatalogueImport.Result changed = importFolder();

    // then: version 2 published, version 1 retired
    assertThat(changed.updated()).containsExactly(code);
    CourseVersion published =
        SystemIdentity.call(() -> catalogue.latestPublished(code)).orElseThrow();
    assertThat(published.version()).isEqualTo(2);
    assertThat(published.titleEn()).isEqualTo("Second title");
    assertThat(
            jdbc.sql(
                    "SELECT v.status FROM app.course_version v JOIN app.course c ON c.id ="
                        + " v.course_id WHERE c.code = :code AND v.version = 1")
                .param("code", code)
                .query(String.class)
                .single())
        .isEqualTo("RETIRED");

    // when: the enablement team edits in the browser, then the file changes again
    CatalogueFixtures fixtures = new CatalogueFixtures(editing, userDetails);
    fixtures.asEnablement(
        () -> {
          CourseVersion draft = editing.openDraft(code);
          CourseDraft content = editing.draftOf(draft.id());
          return editing.publish(
              editing
                  .saveDraft(
                      draft.id(),
                      new CourseDraft(
                          "Edited in the browser",
                          content.titleZh(),
                          content.summaryEn(),
                          content.summaryZh(),
                          content.estimatedMinutes(),
                          content.modules(),
                          content.quiz()))
                  .id());
        });
    write("course.yaml", course(code, "Third title from the file"));
    CatalogueImport.Result afterEdit = importFolder();

    // then: the browser's version 3 stays the published one
    assertThat(afterEdit.kept()).containsExactly(code);
    CourseVersion kept = SystemIdentity.call(() -> catalogue.latestPublished(code)).orElseThrow();
    assertThat(kept.version()).isEqualTo(3);
    assertThat(kept.titleEn()).isEqualTo("Edited in the browser");
    assertThat(versionsOf(code)).isEqualTo(3);
  }

  @Test
  void shouldRefuseTheWholeFolderNamingTheFileAndFieldOfABadFile() throws IOException {
    // given: a good course and a bad one (a single-choice question with two correct options)
    String good = CatalogueFixtures.uniqueCode("good");
    String bad = CatalogueFixtures.uniqueCode("bad");
    write("a-good.yaml", course(good, "Good"));
    write(
        "b-bad.yaml",
        course(bad, "Bad")
            .replace("{en: \"No\", zh: \"否\"}", "{en: \"No\", zh: \"否\", correct: true}"));

    // when / then
    assertThatThrownBy(this::importFolder)
        .isInstanceOf(CatalogueImportException.class)
        .hasMessageContaining("b-bad.yaml")
        .hasMessageContaining("quiz.questions[0].options")
        .hasMessageContaining("exactly one correct option");
    assertThat(versionsOf(good)).isZero();
    assertThat(versionsOf(bad)).isZero();
  }

  @Test
  void shouldNameTheFieldOfAStructuralProblemAndAnUnknownCourse() throws IOException {
    // given
    String code = CatalogueFixtures.uniqueCode("broken");
    write(
        "broken.yaml",
        course(code, "Broken").replace("passMarkPercent: 80", "passMarkPercent: lots"));

    // when / then
    assertThatThrownBy(this::importFolder)
        .isInstanceOf(CatalogueImportException.class)
        .hasMessageContaining("broken.yaml: quiz.passMarkPercent: must be a whole number");

    // given: a certification naming a course nobody has
    Files.delete(folder.resolve("broken.yaml"));
    write(
        "certification.yaml",
        """
        kind: certification
        code: %s
        name: {en: Cert, zh: 认证}
        validityMonths: 12
        courses: [no-such-course]
        exam:
          passMarkPercent: 80
          maxAttempts: 2
          questions:
            - kind: SINGLE
              text: {en: "Yes?", zh: "是？"}
              options:
                - {en: "Yes", zh: "是", correct: true}
                - {en: "No", zh: "否"}
        """
            .formatted(CatalogueFixtures.uniqueCode("cert")));

    // when / then
    assertThatThrownBy(this::importFolder)
        .isInstanceOf(CatalogueImportException.class)
        .hasMessageContaining("certification.yaml: courses[0]: no course \"no-such-course\"");
  }

  private CatalogueImport.Result importFolder() {
    return SystemIdentity.call(() -> catalogueImport.importFrom(folder.toString()));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(folder.resolve(name), content);
  }

  private long versionsOf(String code) {
    return jdbc.sql(
            "SELECT count(*) FROM app.course_version v JOIN app.course c ON c.id = v.course_id"
                + " WHERE c.code = :code")
        .param("code", code)
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static String course(String code, String title) {
    return """
        kind: course
        code: %s
        title: {en: "%s", zh: "课程"}
        modules:
          - title: {en: Intro, zh: 介绍}
            body: {en: "Hello **world**", zh: "你好"}
        quiz:
          passMarkPercent: 80
          maxAttempts: 2
          questions:
            - kind: SINGLE
              text: {en: "Yes?", zh: "是？"}
              options:
                - {en: "Yes", zh: "是", correct: true}
                - {en: "No", zh: "否"}
        """
        .formatted(code, title);
  }
}
