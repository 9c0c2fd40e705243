package io.partnerflow.app.enablement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A course version with modules and quiz goes in through the editor and comes back whole. */
@PartnerflowTest
class CatalogueServiceTest {

  @Autowired CatalogueService catalogue;
  @Autowired CatalogueEditing editing;
  @Autowired UserDetailsService userDetails;

  private CatalogueFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new CatalogueFixtures(editing, userDetails);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldReadBackAPublishedCourseVersionWithModulesAndQuiz() {
    // given
    String code = CatalogueFixtures.uniqueCode("readback");

    // when
    CourseVersion published = fixtures.publishedCourse(code);

    // then: as the platform's workers read it
    CourseVersion read = SystemIdentity.call(() -> catalogue.latestPublished(code)).orElseThrow();
    assertThat(read.id()).isEqualTo(published.id());
    assertThat(read.code()).isEqualTo(code);
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.status()).isEqualTo(CourseStatus.PUBLISHED);
    assertThat(read.titleEn()).isEqualTo("Course " + code);
    assertThat(read.titleZh()).isEqualTo("课程 Course " + code);
    assertThat(read.estimatedMinutes()).isEqualTo(45);
    List<CourseModule> modules = SystemIdentity.call(() -> catalogue.modules(read.id()));
    assertThat(modules).extracting(CourseModule::position).containsExactly(1, 2);
    assertThat(modules).extracting(CourseModule::titleEn).containsExactly("Welcome", "Rules");
    assertThat(modules.get(0).bodyZh()).isEqualTo("# 欢迎\n请阅读。");
    Quiz quiz = SystemIdentity.call(() -> catalogue.quiz(read.quizId()));
    assertThat(quiz.kind()).isEqualTo(QuizKind.COURSE);
    assertThat(quiz.passMarkPercent()).isEqualTo(80);
    assertThat(quiz.maxAttempts()).isEqualTo(3);
    assertThat(quiz.attemptWaitMinutes()).isEqualTo(60);
    assertThat(quiz.questionsPerAttempt()).isNull();
    assertThat(quiz.showAnswers()).isTrue();
    assertThat(quiz.questions())
        .extracting(QuizQuestion::kind)
        .containsExactly(QuestionKind.SINGLE, QuestionKind.MULTIPLE);
    assertThat(quiz.questions().get(0).options())
        .extracting(QuizOption::textEn, QuizOption::correct)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("The vendor", false),
            org.assertj.core.groups.Tuple.tuple("The partner", true),
            org.assertj.core.groups.Tuple.tuple("The customer", false));
    assertThat(quiz.questions().get(1).options())
        .extracting(QuizOption::correct)
        .containsExactly(true, false, true);
  }

  @Test
  void shouldShowAPartnerUserReleasedVersionsButNeverADraft() {
    // given: version 1 published, version 2 an open draft
    String code = CatalogueFixtures.uniqueCode("drafts");
    CourseVersion published = fixtures.publishedCourse(code);
    CourseVersion draft = fixtures.asEnablement(() -> editing.openDraft(code));

    // when
    fixtures.loginAs("partner");

    // then
    assertThat(draft.version()).isEqualTo(2);
    assertThat(catalogue.latestPublished(code)).map(CourseVersion::id).contains(published.id());
    assertThat(catalogue.courseVersion(published.id()).status()).isEqualTo(CourseStatus.PUBLISHED);
    assertThat(catalogue.quiz(published.quizId()).questions()).hasSize(2);
    assertThatThrownBy(() -> catalogue.courseVersion(draft.id()))
        .isInstanceOf(CatalogueNotFoundException.class);
    assertThatThrownBy(() -> catalogue.modules(draft.id()))
        .isInstanceOf(CatalogueNotFoundException.class);
    assertThatThrownBy(() -> catalogue.quiz(draft.quizId()))
        .isInstanceOf(CatalogueNotFoundException.class);
  }

  @Test
  void shouldRefuseCatalogueWritesToEveryoneButEnablementAndAdmin() {
    String code = CatalogueFixtures.uniqueCode("refused");
    CourseDraft draft = CatalogueFixtures.course("Refused");
    for (String user : new String[] {"partner", "manager", "legal"}) {
      fixtures.loginAs(user);
      assertThatThrownBy(() -> editing.createCourse(code, draft))
          .as(user)
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> editing.courses())
          .as(user)
          .isInstanceOf(AccessDeniedException.class);
    }
    SecurityContextHolder.clearContext();
    assertThatThrownBy(() -> SystemIdentity.call(() -> editing.createCourse(code, draft)))
        .isInstanceOf(AccessDeniedException.class);
    fixtures.loginAs("admin");
    assertThat(editing.createCourse(code, draft).status()).isEqualTo(CourseStatus.DRAFT);
  }

  @Test
  void shouldAttachFilesToADraftOnlyCheckingSizeAndTypeOnTheServer() {
    // given: version 1 published, version 2 a draft
    String code = CatalogueFixtures.uniqueCode("files");
    CourseVersion published = fixtures.publishedCourse(code);
    fixtures.loginAs("enablement");
    CourseVersion draft = editing.openDraft(code);
    long publishedModule = catalogue.modules(published.id()).get(0).id();
    long draftModule = catalogue.modules(draft.id()).get(0).id();
    byte[] pdf = "%PDF-1.7 a small guide".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // when
    CourseFile file = editing.attachFile(draftModule, "guide.pdf", pdf);

    // then
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.sizeBytes()).isEqualTo(pdf.length);
    assertThat(catalogue.fileContent(file.id())).isEqualTo(pdf);
    assertThat(problemOf(() -> editing.attachFile(publishedModule, "guide.pdf", pdf)))
        .isEqualTo("catalogue.error.notDraft");
    assertThat(
            problemOf(
                () ->
                    editing.attachFile(
                        draftModule,
                        "page.html",
                        "<html><script>alert(1)</script>"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo("catalogue.error.fileType");
    byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, tooLarge, 0, pdf.length);
    assertThat(problemOf(() -> editing.attachFile(draftModule, "big.pdf", tooLarge)))
        .isEqualTo("catalogue.error.fileTooLarge");
    assertThat(catalogue.files(draftModule))
        .extracting(CourseFile::fileName)
        .containsExactly("guide.pdf");

    // and: a partner user cannot reach a draft's file
    fixtures.loginAs("partner");
    assertThatThrownBy(() -> catalogue.fileContent(file.id()))
        .isInstanceOf(CatalogueNotFoundException.class);
  }

  private static String problemOf(Runnable edit) {
    CatalogueValidationException refused =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            edit::run, CatalogueValidationException.class);
    assertThat(refused).isNotNull();
    return refused.problems().get(0).messageKey();
  }
}
