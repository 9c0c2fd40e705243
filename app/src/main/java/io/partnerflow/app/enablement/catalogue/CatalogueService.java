package io.partnerflow.app.enablement.catalogue;

import io.partnerflow.app.enablement.EnablementReaders;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as the rest of enablement reads it: staff, partner users and the platform's workers
 * may read. A partner user sees only what has been released (published or retired course versions,
 * their quizzes and files, exams): drafts stay with the enablement team. Quizzes carry their
 * correct flags, so no page may render a {@link Quiz} to a partner user before submission.
 */
@Service
public class CatalogueService {

  private final CatalogueRepository repository;

  CatalogueService(CatalogueRepository repository) {
    this.repository = repository;
  }

  /** The version new enrolments get, if the course has one published. */
  @EnablementReaders
  @Transactional(readOnly = true)
  public Optional<CourseVersion> latestPublished(String courseCode) {
    return repository.versionWithStatus(courseCode, CourseStatus.PUBLISHED);
  }

  /**
   * One course version by id.
   *
   * @throws CatalogueNotFoundException if it does not exist, or is a draft and the reader a partner
   *     user
   */
  @EnablementReaders
  @Transactional(readOnly = true)
  public CourseVersion courseVersion(long id) {
    return repository
        .courseVersion(id)
        .filter(version -> version.status() != CourseStatus.DRAFT || !partnerOnly())
        .orElseThrow(() -> new CatalogueNotFoundException("course version " + id));
  }

  /** The version's modules in order (empty for a version a partner user may not see). */
  @EnablementReaders
  @Transactional(readOnly = true)
  public List<CourseModule> modules(long courseVersionId) {
    courseVersion(courseVersionId);
    return repository.modules(courseVersionId);
  }

  /** The files attached to a module, without their content. */
  @EnablementReaders
  @Transactional(readOnly = true)
  public List<CourseFile> files(long moduleId) {
    versionOfModule(moduleId);
    return repository.files(moduleId);
  }

  /** A file's bytes, for a download. */
  @EnablementReaders
  @Transactional(readOnly = true)
  public byte[] fileContent(long fileId) {
    CourseFile file =
        repository.file(fileId).orElseThrow(() -> new CatalogueNotFoundException("file " + fileId));
    versionOfModule(file.moduleId());
    return repository.fileContent(fileId).orElseThrow();
  }

  /**
   * The quiz with all its questions and the correct flags: for grading on the server only.
   *
   * @throws CatalogueNotFoundException if it does not exist, or closes a draft and the reader is a
   *     partner user
   */
  @EnablementReaders
  @Transactional(readOnly = true)
  public Quiz quiz(long quizId) {
    if (partnerOnly() && !repository.quizIsReleased(quizId)) {
      throw new CatalogueNotFoundException("quiz " + quizId);
    }
    return repository
        .quiz(quizId)
        .orElseThrow(() -> new CatalogueNotFoundException("quiz " + quizId));
  }

  /** A certification by code, active or not (a holder's certificate names it either way). */
  @EnablementReaders
  @Transactional(readOnly = true)
  public Optional<Certification> certification(String code) {
    return repository.certification(code);
  }

  /** The certifications people can earn now, by code. */
  @EnablementReaders
  @Transactional(readOnly = true)
  public List<Certification> activeCertifications() {
    return repository.certifications(true);
  }

  private void versionOfModule(long moduleId) {
    long versionId =
        repository
            .versionOfModule(moduleId)
            .orElseThrow(() -> new CatalogueNotFoundException("module " + moduleId));
    courseVersion(versionId);
  }

  /** A partner user without any staff role: sees released content only. */
  static boolean partnerOnly() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return true;
    }
    boolean partner = false;
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if ("ROLE_PARTNER".equals(name)) {
        partner = true;
      } else if (name != null && name.startsWith("ROLE_")) {
        return false;
      }
    }
    return partner;
  }
}
