package io.partnerflow.app.enablement.catalogue;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.base.files.FileTypes;
import io.partnerflow.app.enablement.EnablementEditors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enablement team's (and administrators') changes to the catalogue, each validated on the
 * server and recorded in the audit log.
 *
 * <p>Versions: a course starts as draft version 1. Only a draft is changed; publishing makes it the
 * course's published version and retires the previous one (people enrolled on it keep it). Editing
 * a course whose newest version is published opens the next version as a draft copy (modules,
 * files, quiz). A course has at most one draft.
 */
@Service
public class CatalogueEditing {

  private final CatalogueRepository repository;
  private final CatalogueProperties properties;
  private final AuditLog auditLog;
  private final Clock clock;

  CatalogueEditing(
      CatalogueRepository repository,
      CatalogueProperties properties,
      AuditLog auditLog,
      Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /** The newest version of every course (a draft if one is open), by code. */
  @EnablementEditors
  @Transactional(readOnly = true)
  public List<CourseVersion> courses() {
    return repository.latestVersions();
  }

  /** Every version of a course, newest first. */
  @EnablementEditors
  @Transactional(readOnly = true)
  public List<CourseVersion> versions(String code) {
    return repository.versionsOf(code);
  }

  /** Every certification, active or not, by code. */
  @EnablementEditors
  @Transactional(readOnly = true)
  public List<Certification> certifications() {
    return repository.certifications(false);
  }

  /** Whether a certification people can earn now. */
  @EnablementEditors
  @Transactional(readOnly = true)
  public boolean isActive(String certificationCode) {
    return repository.certificationActive(certificationCode).orElse(false);
  }

  /** A course version's content as an editable draft (the quiz included). */
  @EnablementEditors
  @Transactional(readOnly = true)
  public CourseDraft draftOf(long versionId) {
    CourseVersion version = version(versionId);
    List<CourseDraft.Module> modules =
        repository.modules(versionId).stream()
            .map(
                module ->
                    new CourseDraft.Module(
                        module.id(),
                        module.titleEn(),
                        module.titleZh(),
                        module.bodyEn(),
                        module.bodyZh()))
            .toList();
    QuizDraft quiz =
        version.quizId() == null
            ? null
            : repository.quiz(version.quizId()).map(QuizDraft::of).orElse(null);
    return new CourseDraft(
        version.titleEn(),
        version.titleZh(),
        version.summaryEn(),
        version.summaryZh(),
        version.estimatedMinutes(),
        modules,
        quiz);
  }

  /** A new course with its first version as a draft. */
  @EnablementEditors
  @Transactional
  public CourseVersion createCourse(String code, CourseDraft draft) {
    CatalogueValidation.requireCode("code", code);
    CatalogueValidation.checkDraft(draft);
    if (repository.courseId(code).isPresent()) {
      throw new CatalogueValidationException(FieldProblem.of("code", "catalogue.error.codeTaken"));
    }
    Instant now = clock.instant();
    long courseId = repository.insertCourse(code, now);
    Long quizId =
        draft.quiz() == null ? null : repository.insertQuiz(QuizKind.COURSE, draft.quiz());
    long versionId = repository.insertVersion(courseId, 1, draft, quizId, now, username());
    writeModules(versionId, draft.modules());
    CourseVersion created = version(versionId);
    auditLog.record(AuditAction.COURSE_CHANGED, AuditSubject.course(code), null, summary(created));
    return created;
  }

  /**
   * The course's draft to edit: the open one, or a new version copied from the newest one when that
   * is published or retired.
   */
  @EnablementEditors
  @Transactional
  public CourseVersion openDraft(String code) {
    long courseId =
        repository
            .lockCourse(code)
            .orElseThrow(() -> new CatalogueNotFoundException("course " + code));
    var existing = repository.versionWithStatus(code, CourseStatus.DRAFT);
    if (existing.isPresent()) {
      return existing.get();
    }
    CourseVersion newest = repository.versionsOf(code).get(0);
    CourseDraft copy = draftOf(newest.id());
    Long quizId = copy.quiz() == null ? null : repository.insertQuiz(QuizKind.COURSE, copy.quiz());
    int next = repository.maxVersion(courseId) + 1;
    long versionId =
        repository.insertVersion(courseId, next, copy, quizId, clock.instant(), username());
    List<CourseModule> from = repository.modules(newest.id());
    for (CourseModule module : from) {
      long copied =
          repository.insertModule(
              versionId,
              module.position(),
              new CourseDraft.Module(
                  null, module.titleEn(), module.titleZh(), module.bodyEn(), module.bodyZh()));
      repository.copyFiles(module.id(), copied);
    }
    CourseVersion draft = version(versionId);
    auditLog.record(
        AuditAction.COURSE_CHANGED, AuditSubject.course(code), summary(newest), summary(draft));
    return draft;
  }

  /** Saves a draft's content; a published or retired version is refused. */
  @EnablementEditors
  @Transactional
  public CourseVersion saveDraft(long versionId, CourseDraft draft) {
    CatalogueValidation.checkDraft(draft);
    CourseVersion before = lockedDraft(versionId);
    Set<Long> ownModules =
        repository.modules(versionId).stream().map(CourseModule::id).collect(Collectors.toSet());
    List<FieldProblem> foreign = new ArrayList<>();
    for (int i = 0; i < draft.modules().size(); i++) {
      Long id = draft.modules().get(i).id();
      if (id != null && !ownModules.contains(id)) {
        foreign.add(FieldProblem.of("modules[" + i + "].id", "catalogue.error.foreignModule"));
      }
    }
    if (!foreign.isEmpty()) {
      throw new CatalogueValidationException(foreign);
    }
    Long quizId = before.quizId();
    if (draft.quiz() != null && quizId != null) {
      repository.replaceQuiz(quizId, draft.quiz());
    } else if (draft.quiz() != null) {
      quizId = repository.insertQuiz(QuizKind.COURSE, draft.quiz());
    }
    repository.updateVersion(versionId, draft, quizId);
    repository.deleteModulesExcept(
        versionId,
        draft.modules().stream().map(CourseDraft.Module::id).filter(id -> id != null).toList());
    repository.parkModulePositions(versionId);
    writeModules(versionId, draft.modules());
    CourseVersion after = version(versionId);
    auditLog.record(
        AuditAction.COURSE_CHANGED,
        AuditSubject.course(after.code()),
        summary(before),
        summary(after));
    return after;
  }

  /** Makes the draft the course's published version; the previous published version retires. */
  @EnablementEditors
  @Transactional
  public CourseVersion publish(long versionId) {
    CourseVersion draft = lockedDraft(versionId);
    repository.lockCourse(draft.code());
    CatalogueValidation.checkPublishable(draftOf(versionId));
    repository.publish(draft.courseId(), versionId, clock.instant());
    CourseVersion published = version(versionId);
    auditLog.record(
        AuditAction.COURSE_PUBLISHED,
        AuditSubject.course(draft.code()),
        summary(draft),
        summary(published));
    return published;
  }

  /**
   * Attaches a file to a draft's module. The type comes from the content; refused kinds and files
   * over {@code partnerflow.enablement.max-file-size} get a clear error.
   */
  @EnablementEditors
  @Transactional
  public CourseFile attachFile(long moduleId, String fileName, byte[] content) {
    long versionId =
        repository
            .versionOfModule(moduleId)
            .orElseThrow(() -> new CatalogueNotFoundException("module " + moduleId));
    CourseVersion version = lockedDraft(versionId);
    String name = fileName == null ? "" : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
    if (name.isEmpty() || name.length() > 255) {
      throw new CatalogueValidationException(FieldProblem.of("file", "catalogue.error.fileName"));
    }
    long max = properties.maxFileSize().toBytes();
    if (content.length > max) {
      throw new CatalogueValidationException(
          FieldProblem.of("file", "catalogue.error.fileTooLarge", name, max / (1024 * 1024)));
    }
    String type =
        FileTypes.sniff(name, content)
            .orElseThrow(
                () ->
                    new CatalogueValidationException(
                        FieldProblem.of("file", "catalogue.error.fileType", name)));
    long fileId = repository.insertFile(moduleId, name, type, content, clock.instant(), username());
    CourseFile file = repository.file(fileId).orElseThrow();
    auditLog.record(
        AuditAction.COURSE_CHANGED,
        AuditSubject.course(version.code()),
        null,
        Map.of("version", version.version(), "module", moduleId, "fileAdded", name, "type", type));
    return file;
  }

  /** Removes a file from a draft's module. */
  @EnablementEditors
  @Transactional
  public void removeFile(long fileId) {
    CourseFile file =
        repository.file(fileId).orElseThrow(() -> new CatalogueNotFoundException("file " + fileId));
    long versionId = repository.versionOfModule(file.moduleId()).orElseThrow();
    CourseVersion version = lockedDraft(versionId);
    repository.deleteFile(fileId);
    auditLog.record(
        AuditAction.COURSE_CHANGED,
        AuditSubject.course(version.code()),
        Map.of("version", version.version(), "module", file.moduleId(), "file", file.fileName()),
        null);
  }

  /**
   * Creates or changes a certification. The exam is written as a new quiz each time, so attempts
   * already started keep the bank they were drawn from; the new quiz continues the old one, so the
   * attempts people made still count (and their wait still runs).
   */
  @EnablementEditors
  @Transactional
  public Certification saveCertification(CertificationDraft draft) {
    CatalogueValidation.checkCertification(draft);
    var before = repository.certification(draft.code());
    long examQuizId = repository.insertQuiz(QuizKind.EXAM, draft.exam());
    var locked = repository.lockCertification(draft.code());
    if (locked.isPresent()) {
      repository.updateCertification(locked.get(), draft, examQuizId);
    } else {
      repository.insertCertification(draft, examQuizId);
    }
    Certification after = repository.certification(draft.code()).orElseThrow();
    auditLog.record(
        AuditAction.CERTIFICATION_CHANGED,
        AuditSubject.certification(draft.code()),
        before.map(CatalogueEditing::summary).orElse(null),
        summary(after));
    return after;
  }

  private void writeModules(long versionId, List<CourseDraft.Module> modules) {
    int position = 1;
    for (CourseDraft.Module module : modules) {
      if (module.id() == null) {
        repository.insertModule(versionId, position++, module);
      } else {
        repository.updateModule(module.id(), position++, module);
      }
    }
  }

  private CourseVersion lockedDraft(long versionId) {
    CourseVersion version =
        repository
            .lockCourseVersion(versionId)
            .orElseThrow(() -> new CatalogueNotFoundException("course version " + versionId));
    if (version.status() != CourseStatus.DRAFT) {
      throw new CatalogueValidationException(
          FieldProblem.of("version", "catalogue.error.notDraft", version.version()));
    }
    return version;
  }

  private CourseVersion version(long versionId) {
    return repository
        .courseVersion(versionId)
        .orElseThrow(() -> new CatalogueNotFoundException("course version " + versionId));
  }

  private static Map<String, Object> summary(CourseVersion version) {
    return Map.of(
        "version", version.version(),
        "status", version.status().name(),
        "titleEn", version.titleEn(),
        "titleZh", version.titleZh());
  }

  private static Map<String, Object> summary(Certification certification) {
    return Map.of(
        "nameEn", certification.nameEn(),
        "validityMonths", certification.validityMonths(),
        "courses", certification.courseCodes(),
        "examQuizId", certification.examQuizId() == null ? "" : certification.examQuizId());
  }

  private static String username() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }
}
