package io.partnerflow.app.enablement.catalogue;

import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Catalogue content for tests: a small course (two modules, a quiz with a SINGLE and a MULTIPLE
 * question) written through {@link CatalogueEditing} as the demo user "enablement".
 */
public final class CatalogueFixtures {

  private final CatalogueEditing editing;
  private final UserDetailsService userDetails;

  public CatalogueFixtures(CatalogueEditing editing, UserDetailsService userDetails) {
    this.editing = editing;
    this.userDetails = userDetails;
  }

  /** A fresh course code, unique per call. */
  public static String uniqueCode(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Two questions: Q1 SINGLE (option 2 correct), Q2 MULTIPLE (options 1 and 3 correct). */
  public static QuizDraft quiz(int passMark, int maxAttempts, int waitMinutes, Integer draw) {
    return new QuizDraft(
        passMark,
        maxAttempts,
        waitMinutes,
        draw,
        true,
        List.of(
            new QuizDraft.Question(
                QuestionKind.SINGLE,
                "Who registers a deal?",
                "谁登记商机？",
                List.of(
                    new QuizDraft.Option("The vendor", "厂商", false),
                    new QuizDraft.Option("The partner", "合作伙伴", true),
                    new QuizDraft.Option("The customer", "客户", false))),
            new QuizDraft.Question(
                QuestionKind.MULTIPLE,
                "Which are partner tiers?",
                "哪些是合作伙伴等级？",
                List.of(
                    new QuizDraft.Option("Gold", "金牌", true),
                    new QuizDraft.Option("Copper", "铜牌", false),
                    new QuizDraft.Option("Silver", "银牌", true)))));
  }

  public static CourseDraft course(String titleEn) {
    return new CourseDraft(
        titleEn,
        "课程 " + titleEn,
        "What " + titleEn + " teaches.",
        titleEn + " 的内容。",
        45,
        List.of(
            new CourseDraft.Module(
                null, "Welcome", "欢迎", "# Welcome\nRead **this**.", "# 欢迎\n请阅读。"),
            new CourseDraft.Module(null, "Rules", "规则", "- one\n- two", "- 一\n- 二")),
        quiz(80, 3, 60, null));
  }

  /** A course with version 1 published; returns the published version. */
  public CourseVersion publishedCourse(String code) {
    return asEnablement(
        () -> {
          CourseVersion draft = editing.createCourse(code, course("Course " + code));
          return editing.publish(draft.id());
        });
  }

  /** Runs the work as the demo user "enablement" and logs out afterwards. */
  public <T> T asEnablement(java.util.function.Supplier<T> work) {
    loginAs("enablement");
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  public void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                user, user.getPassword(), user.getAuthorities()));
  }
}
