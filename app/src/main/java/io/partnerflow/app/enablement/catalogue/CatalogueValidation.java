package io.partnerflow.app.enablement.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a course, quiz or certification must meet before it is saved, collected per field so a
 * screen (or the importer) shows every problem at once.
 */
final class CatalogueValidation {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 100_000;
  static final int MAX_QUESTIONS = 500;
  static final int MAX_OPTIONS = 20;
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

  private final List<FieldProblem> problems = new ArrayList<>();

  private CatalogueValidation() {}

  /** Refuses a course code that is not lower-case letters, digits and dashes (max 60). */
  static void requireCode(String field, String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new CatalogueValidationException(FieldProblem.of(field, "catalogue.error.code"));
    }
  }

  /** A draft may be saved incomplete; only the quiz, when present, must be valid. */
  static void checkDraft(CourseDraft draft) {
    CatalogueValidation check = new CatalogueValidation();
    check.course(draft, false);
    check.throwIfAny();
  }

  /** What publishing needs: titles, at least one module, a valid quiz. */
  static void checkPublishable(CourseDraft draft) {
    CatalogueValidation check = new CatalogueValidation();
    check.course(draft, true);
    check.throwIfAny();
  }

  static void checkCertification(CertificationDraft draft) {
    CatalogueValidation check = new CatalogueValidation();
    if (draft.code() == null || !CODE.matcher(draft.code()).matches()) {
      check.add("code", "catalogue.error.code");
    }
    check.text("nameEn", draft.nameEn(), MAX_TITLE, true);
    check.text("nameZh", draft.nameZh(), MAX_TITLE, true);
    check.text("summaryEn", draft.summaryEn(), MAX_TEXT, false);
    check.text("summaryZh", draft.summaryZh(), MAX_TEXT, false);
    if (draft.validityMonths() < 1 || draft.validityMonths() > 120) {
      check.add("validityMonths", "catalogue.error.validityMonths", 1, 120);
    }
    for (int i = 0; i < draft.courseCodes().size(); i++) {
      String code = draft.courseCodes().get(i);
      if (code == null || !CODE.matcher(code).matches()) {
        check.add("courseCodes[" + i + "]", "catalogue.error.code");
      }
    }
    if (draft.exam() == null) {
      check.add("exam", "catalogue.error.quizMissing");
    } else {
      check.quiz("exam", draft.exam());
    }
    check.throwIfAny();
  }

  private void course(CourseDraft draft, boolean publishing) {
    text("titleEn", draft.titleEn(), MAX_TITLE, true);
    text("titleZh", draft.titleZh(), MAX_TITLE, true);
    text("summaryEn", draft.summaryEn(), MAX_TEXT, false);
    text("summaryZh", draft.summaryZh(), MAX_TEXT, false);
    if (draft.estimatedMinutes() != null
        && (draft.estimatedMinutes() < 0 || draft.estimatedMinutes() > 10_000)) {
      add("estimatedMinutes", "catalogue.error.range", 0, 10_000);
    }
    if (publishing && draft.modules().isEmpty()) {
      add("modules", "catalogue.error.noModules");
    }
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < draft.modules().size(); i++) {
      CourseDraft.Module module = draft.modules().get(i);
      String prefix = "modules[" + i + "].";
      text(prefix + "titleEn", module.titleEn(), MAX_TITLE, true);
      text(prefix + "titleZh", module.titleZh(), MAX_TITLE, true);
      text(prefix + "bodyEn", module.bodyEn(), MAX_TEXT, publishing);
      text(prefix + "bodyZh", module.bodyZh(), MAX_TEXT, publishing);
      if (module.id() != null && !ids.add(module.id())) {
        add(prefix + "id", "catalogue.error.duplicateModule");
      }
    }
    if (draft.quiz() != null) {
      quiz("quiz", draft.quiz());
    } else if (publishing) {
      add("quiz", "catalogue.error.quizMissing");
    }
  }

  private void quiz(String field, QuizDraft quiz) {
    if (quiz.passMarkPercent() < 1 || quiz.passMarkPercent() > 100) {
      add(field + ".passMarkPercent", "catalogue.error.range", 1, 100);
    }
    if (quiz.maxAttempts() < 1 || quiz.maxAttempts() > 100) {
      add(field + ".maxAttempts", "catalogue.error.range", 1, 100);
    }
    if (quiz.attemptWaitMinutes() < 0 || quiz.attemptWaitMinutes() > 525_600) {
      add(field + ".attemptWaitMinutes", "catalogue.error.range", 0, 525_600);
    }
    int count = quiz.questions().size();
    if (count < 1) {
      add(field + ".questions", "catalogue.error.noQuestions");
    } else if (count > MAX_QUESTIONS) {
      add(field + ".questions", "catalogue.error.tooMany", MAX_QUESTIONS);
    }
    if (quiz.questionsPerAttempt() != null
        && (quiz.questionsPerAttempt() < 1 || quiz.questionsPerAttempt() > Math.max(1, count))) {
      add(field + ".questionsPerAttempt", "catalogue.error.range", 1, Math.max(1, count));
    }
    for (int i = 0; i < count; i++) {
      question(field + ".questions[" + i + "]", quiz.questions().get(i));
    }
  }

  private void question(String field, QuizDraft.Question question) {
    if (question.kind() == null) {
      add(field + ".kind", "catalogue.error.required");
    }
    text(field + ".textEn", question.textEn(), MAX_TEXT, true);
    text(field + ".textZh", question.textZh(), MAX_TEXT, true);
    List<QuizDraft.Option> options = question.options();
    if (options.size() < 2) {
      add(field + ".options", "catalogue.error.fewOptions");
    } else if (options.size() > MAX_OPTIONS) {
      add(field + ".options", "catalogue.error.tooMany", MAX_OPTIONS);
    }
    for (int i = 0; i < options.size(); i++) {
      String prefix = field + ".options[" + i + "].";
      text(prefix + "textEn", options.get(i).textEn(), MAX_TEXT, true);
      text(prefix + "textZh", options.get(i).textZh(), MAX_TEXT, true);
    }
    long correct = options.stream().filter(QuizDraft.Option::correct).count();
    if (correct < 1) {
      add(field + ".options", "catalogue.error.noCorrect");
    } else if (question.kind() == QuestionKind.SINGLE && correct != 1) {
      add(field + ".options", "catalogue.error.singleOneCorrect");
    }
  }

  private void text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        add(field, "catalogue.error.required");
      }
    } else if (value.length() > max) {
      add(field, "catalogue.error.tooLong", max);
    }
  }

  private void add(String field, String key, Object... arguments) {
    problems.add(FieldProblem.of(field, key, arguments));
  }

  private void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new CatalogueValidationException(problems);
    }
  }
}
