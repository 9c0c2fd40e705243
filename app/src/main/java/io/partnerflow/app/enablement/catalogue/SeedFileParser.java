package io.partnerflow.app.enablement.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one seed file (format: config/enablement/README.md) into a course or certification draft.
 * Structural problems throw {@link CatalogueImportException} naming the file and the field; the
 * content rules are the editor's ({@link CatalogueValidation}).
 */
final class SeedFileParser {

  /** A parsed file: exactly one of course or certification is set. */
  record Parsed(SeedFile file, String code, CourseDraft course, CertificationDraft certification) {}

  private final String file;

  private SeedFileParser(String file) {
    this.file = file;
  }

  static Parsed parse(SeedFile seed) {
    SeedFileParser parser = new SeedFileParser(seed.name());
    Object document;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      document = new Yaml(new SafeConstructor(options)).load(seed.text());
    } catch (YAMLException e) {
      throw new CatalogueImportException(seed.name(), "(file)", "not valid YAML: " + describe(e));
    }
    Map<?, ?> root = parser.map(document, "(file)");
    String kind = parser.string(root, "kind", "kind", true).toLowerCase(Locale.ROOT);
    String code = parser.string(root, "code", "code", true);
    return switch (kind) {
      case "course" -> new Parsed(seed, code, parser.course(root), null);
      case "certification" -> new Parsed(seed, code, null, parser.certification(root, code));
      default ->
          throw new CatalogueImportException(
              seed.name(), "kind", "must be \"course\" or \"certification\", not \"" + kind + "\"");
    };
  }

  private CourseDraft course(Map<?, ?> root) {
    Map<?, ?> title = map(root.get("title"), "title");
    Map<?, ?> summary = optionalMap(root.get("summary"), "summary");
    List<CourseDraft.Module> modules = new ArrayList<>();
    List<?> moduleList = list(root.get("modules"), "modules");
    for (int i = 0; i < moduleList.size(); i++) {
      String path = "modules[" + i + "]";
      Map<?, ?> module = map(moduleList.get(i), path);
      Map<?, ?> moduleTitle = map(module.get("title"), path + ".title");
      Map<?, ?> body = map(module.get("body"), path + ".body");
      modules.add(
          new CourseDraft.Module(
              null,
              string(moduleTitle, "en", path + ".title.en", true),
              string(moduleTitle, "zh", path + ".title.zh", true),
              string(body, "en", path + ".body.en", true),
              string(body, "zh", path + ".body.zh", true)));
    }
    return new CourseDraft(
        string(title, "en", "title.en", true),
        string(title, "zh", "title.zh", true),
        string(summary, "en", "summary.en", false),
        string(summary, "zh", "summary.zh", false),
        integer(root, "estimatedMinutes", "estimatedMinutes", false),
        modules,
        quiz(map(root.get("quiz"), "quiz"), "quiz"));
  }

  private CertificationDraft certification(Map<?, ?> root, String code) {
    Map<?, ?> name = map(root.get("name"), "name");
    Map<?, ?> summary = optionalMap(root.get("summary"), "summary");
    List<String> courses = new ArrayList<>();
    List<?> courseList = list(root.get("courses"), "courses");
    for (int i = 0; i < courseList.size(); i++) {
      if (!(courseList.get(i) instanceof String course)) {
        throw problem("courses[" + i + "]", "must be a course code");
      }
      courses.add(course);
    }
    Boolean active = (Boolean) typed(root.get("active"), Boolean.class, "active", false);
    return new CertificationDraft(
        code,
        string(name, "en", "name.en", true),
        string(name, "zh", "name.zh", true),
        string(summary, "en", "summary.en", false),
        string(summary, "zh", "summary.zh", false),
        integer(root, "validityMonths", "validityMonths", true),
        active == null || active,
        courses,
        quiz(map(root.get("exam"), "exam"), "exam"));
  }

  private QuizDraft quiz(Map<?, ?> quiz, String path) {
    List<QuizDraft.Question> questions = new ArrayList<>();
    List<?> questionList = list(quiz.get("questions"), path + ".questions");
    for (int i = 0; i < questionList.size(); i++) {
      String questionPath = path + ".questions[" + i + "]";
      Map<?, ?> question = map(questionList.get(i), questionPath);
      String kind = string(question, "kind", questionPath + ".kind", true);
      QuestionKind questionKind;
      try {
        questionKind = QuestionKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw problem(questionPath + ".kind", "must be SINGLE or MULTIPLE, not \"" + kind + "\"");
      }
      Map<?, ?> text = map(question.get("text"), questionPath + ".text");
      List<QuizDraft.Option> options = new ArrayList<>();
      List<?> optionList = list(question.get("options"), questionPath + ".options");
      for (int j = 0; j < optionList.size(); j++) {
        String optionPath = questionPath + ".options[" + j + "]";
        Map<?, ?> option = map(optionList.get(j), optionPath);
        Boolean correct =
            (Boolean) typed(option.get("correct"), Boolean.class, optionPath + ".correct", false);
        options.add(
            new QuizDraft.Option(
                string(option, "en", optionPath + ".en", true),
                string(option, "zh", optionPath + ".zh", true),
                correct != null && correct));
      }
      questions.add(
          new QuizDraft.Question(
              questionKind,
              string(text, "en", questionPath + ".text.en", true),
              string(text, "zh", questionPath + ".text.zh", true),
              options));
    }
    Boolean showAnswers =
        (Boolean) typed(quiz.get("showAnswers"), Boolean.class, path + ".showAnswers", false);
    Integer wait = integer(quiz, "attemptWaitMinutes", path + ".attemptWaitMinutes", false);
    return new QuizDraft(
        integer(quiz, "passMarkPercent", path + ".passMarkPercent", true),
        integer(quiz, "maxAttempts", path + ".maxAttempts", true),
        wait == null ? 0 : wait,
        integer(quiz, "questionsPerAttempt", path + ".questionsPerAttempt", false),
        showAnswers == null || showAnswers,
        questions);
  }

  private Map<?, ?> map(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw problem(path, value == null ? "is missing" : "must be a mapping (key: value lines)");
  }

  private Map<?, ?> optionalMap(Object value, String path) {
    return value == null ? Map.of() : map(value, path);
  }

  private List<?> list(Object value, String path) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw problem(path, value == null ? "is missing" : "must be a list (lines starting with -)");
  }

  private String string(Map<?, ?> map, String key, String path, boolean required) {
    Object value = map.get(key);
    if (value == null || (value instanceof String text && text.isBlank())) {
      if (required) {
        throw problem(path, "is missing");
      }
      return value == null ? null : (String) value;
    }
    if (value instanceof String text) {
      return text.strip();
    }
    throw problem(path, "must be text");
  }

  private Integer integer(Map<?, ?> map, String key, String path, boolean required) {
    Object value = map.get(key);
    if (value == null) {
      if (required) {
        throw problem(path, "is missing");
      }
      return null;
    }
    if (value instanceof Integer number) {
      return number;
    }
    throw problem(path, "must be a whole number");
  }

  private Object typed(Object value, Class<?> type, String path, boolean required) {
    if (value == null) {
      if (required) {
        throw problem(path, "is missing");
      }
      return null;
    }
    if (type.isInstance(value)) {
      return value;
    }
    throw problem(
        path, "must be " + (type == Boolean.class ? "true or false" : type.getSimpleName()));
  }

  private CatalogueImportException problem(String field, String message) {
    return new CatalogueImportException(file, field, message);
  }

  private static String describe(Exception e) {
    // SnakeYAML spreads the line and column over several lines
    String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
