package io.partnerflow.app.enablement.catalogue;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.base.i18n.TranslationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a folder of seed files (config/enablement/README.md) into the catalogue, idempotently.
 *
 * <p>Every file is read and checked first; one bad file refuses the whole import with a message
 * naming the file and the field, and nothing is written. Then, in one transaction, per code:
 *
 * <ul>
 *   <li>not in the catalogue: created; a course's version 1 is published at once;
 *   <li>its newest version (or the certification) came from the same file content: unchanged;
 *   <li>it came from an older content of the file: a course gets the next version, published (the
 *       old one retires, enrolled people keep it); a certification is updated with a new exam;
 *   <li>its newest version was made in the browser (a draft or a published edit), or the
 *       certification was edited there: kept — the import never overwrites the enablement team.
 * </ul>
 */
@Service
public class CatalogueImport {

  /** Who the import's versions name as their author. */
  static final String IMPORTER = "import";

  private static final Logger log = LoggerFactory.getLogger(CatalogueImport.class);

  private final CatalogueRepository repository;
  private final TranslationProvider translations;
  private final AuditLog auditLog;
  private final Clock clock;

  CatalogueImport(
      CatalogueRepository repository,
      TranslationProvider translations,
      AuditLog auditLog,
      Clock clock) {
    this.repository = repository;
    this.translations = translations;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** What one import did, by code. */
  public record Result(
      List<String> created, List<String> updated, List<String> unchanged, List<String> kept) {}

  /**
   * Imports every {@code *.yaml}/{@code *.yml} file of the location: a folder, or {@code
   * classpath:<folder>} for the copies built into the app.
   *
   * @throws CatalogueImportException for the first bad file (nothing imported)
   */
  @Secured({"ROLE_ADMIN", "ROLE_SYSTEM"})
  @Transactional
  public Result importFrom(String location) {
    List<SeedFile> files = read(location);
    List<SeedFileParser.Parsed> parsed = new ArrayList<>();
    for (SeedFile file : files) {
      parsed.add(check(SeedFileParser.parse(file)));
    }
    checkCodes(parsed);
    Result result =
        new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    // courses first: certifications name them
    for (SeedFileParser.Parsed file : parsed) {
      if (file.course() != null) {
        importCourse(file, result);
      }
    }
    for (SeedFileParser.Parsed file : parsed) {
      if (file.certification() != null) {
        importCertification(file, result);
      }
    }
    log.info(
        "Catalogue import from {}: created {}, updated {}, unchanged {}, kept the browser's edits"
            + " of {}",
        location,
        result.created(),
        result.updated(),
        result.unchanged(),
        result.kept());
    return result;
  }

  private SeedFileParser.Parsed check(SeedFileParser.Parsed file) {
    try {
      CatalogueValidation.requireCode("code", file.code());
      if (file.course() != null) {
        CatalogueValidation.checkPublishable(file.course());
      } else {
        CatalogueValidation.checkCertification(file.certification());
      }
    } catch (CatalogueValidationException e) {
      FieldProblem first = e.problems().get(0);
      throw new CatalogueImportException(
          file.file().name(),
          first.field(),
          translations.getTranslation(
              first.messageKey(), TranslationProvider.ENGLISH, first.arguments().toArray()));
    }
    return file;
  }

  private void checkCodes(List<SeedFileParser.Parsed> parsed) {
    Map<String, String> seen = new HashMap<>();
    Set<String> courses = new HashSet<>();
    for (SeedFileParser.Parsed file : parsed) {
      String key = (file.course() != null ? "course " : "certification ") + file.code();
      String earlier = seen.putIfAbsent(key, file.file().name());
      if (earlier != null) {
        throw new CatalogueImportException(
            file.file().name(), "code", "\"" + file.code() + "\" is also in " + earlier);
      }
      if (file.course() != null) {
        courses.add(file.code());
      }
    }
    for (SeedFileParser.Parsed file : parsed) {
      if (file.certification() == null) {
        continue;
      }
      List<String> required = file.certification().courseCodes();
      for (int i = 0; i < required.size(); i++) {
        String code = required.get(i);
        if (!courses.contains(code) && repository.courseId(code).isEmpty()) {
          throw new CatalogueImportException(
              file.file().name(),
              "courses[" + i + "]",
              "no course \"" + code + "\" in the folder or the catalogue");
        }
      }
    }
  }

  private void importCourse(SeedFileParser.Parsed file, Result result) {
    String code = file.code();
    String sha = file.file().sha256();
    Instant now = clock.instant();
    Optional<Long> existing = repository.lockCourse(code);
    if (existing.isEmpty()) {
      long courseId = repository.insertCourse(code, now);
      publishVersion(courseId, 1, file.course(), sha, now);
      result.created().add(code);
      record(AuditAction.COURSE_PUBLISHED, AuditSubject.course(code), null, file);
      return;
    }
    CourseVersion newest = repository.versionsOf(code).get(0);
    Optional<String> source = repository.versionSource(newest.id());
    if (source.isEmpty()) {
      result.kept().add(code);
    } else if (source.get().equals(sha)) {
      result.unchanged().add(code);
    } else {
      long courseId = existing.get();
      publishVersion(courseId, repository.maxVersion(courseId) + 1, file.course(), sha, now);
      result.updated().add(code);
      record(AuditAction.COURSE_PUBLISHED, AuditSubject.course(code), newest.version(), file);
    }
  }

  private void publishVersion(
      long courseId, int version, CourseDraft draft, String sha, Instant now) {
    long quizId = repository.insertQuiz(QuizKind.COURSE, draft.quiz());
    long versionId = repository.insertVersion(courseId, version, draft, quizId, now, IMPORTER);
    int position = 1;
    for (CourseDraft.Module module : draft.modules()) {
      repository.insertModule(versionId, position++, module);
    }
    repository.setVersionSource(versionId, sha);
    repository.publish(courseId, versionId, now);
  }

  private void importCertification(SeedFileParser.Parsed file, Result result) {
    String code = file.code();
    String sha = file.file().sha256();
    Optional<Long> existing = repository.lockCertification(code);
    if (existing.isEmpty()) {
      long quizId = repository.insertQuiz(QuizKind.EXAM, file.certification().exam());
      repository.insertCertification(file.certification(), quizId);
      repository.setCertificationSource(code, sha);
      result.created().add(code);
      record(AuditAction.CERTIFICATION_CHANGED, AuditSubject.certification(code), null, file);
      return;
    }
    Optional<String> source = repository.certificationSource(code);
    if (source.isEmpty()) {
      result.kept().add(code);
    } else if (source.get().equals(sha)) {
      result.unchanged().add(code);
    } else {
      long quizId = repository.insertQuiz(QuizKind.EXAM, file.certification().exam());
      repository.updateCertification(existing.get(), file.certification(), quizId);
      repository.setCertificationSource(code, sha);
      result.updated().add(code);
      record(
          AuditAction.CERTIFICATION_CHANGED, AuditSubject.certification(code), source.get(), file);
    }
  }

  private void record(
      AuditAction action, AuditSubject subject, Object before, SeedFileParser.Parsed file) {
    auditLog.record(
        action,
        subject,
        before,
        Map.of("importedFrom", file.file().name(), "sha256", file.file().sha256()));
  }

  private static List<SeedFile> read(String location) {
    if (location.startsWith("classpath:")) {
      String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
      List<SeedFile> files = new ArrayList<>();
      try {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("/*.yaml", "/*.yml")) {
          for (Resource resource : resolver.getResources("classpath*:" + folder + pattern)) {
            try (InputStream in = resource.getInputStream()) {
              files.add(new SeedFile(folder + "/" + resource.getFilename(), in.readAllBytes()));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the seed files in " + location, e);
      }
      files.sort(Comparator.comparing(SeedFile::name));
      return files;
    }
    Path folder = Path.of(location);
    if (!Files.isDirectory(folder)) {
      throw new CatalogueImportException(location, "(folder)", "is not a folder");
    }
    try (Stream<Path> paths = Files.list(folder)) {
      List<Path> yaml =
          paths
              .filter(Files::isRegularFile)
              .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
              .sorted()
              .toList();
      List<SeedFile> files = new ArrayList<>();
      for (Path path : yaml) {
        files.add(new SeedFile(path.toString(), Files.readAllBytes(path)));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed files in " + location, e);
    }
  }
}
