package io.partnerflow.app.enablement.learning;

import io.partnerflow.app.enablement.PartnerUsers;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.CourseModule;
import io.partnerflow.app.enablement.catalogue.CourseVersion;
import io.partnerflow.app.portal.PortalGate;
import io.partnerflow.app.security.SystemIdentity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolments and progress. A partner user works through their own courses (modules in order, module
 * n+1 only after n is done, the quiz after the last); staff see an organisation's progress; the
 * enablement process enrols people. Every method checks on the server who asks.
 */
@Service
public class LearningService {

  private static final String ADMIN = "ROLE_ADMIN";
  private static final String ENABLEMENT = "ROLE_ENABLEMENT";
  private static final String MANAGER = "ROLE_PARTNER_MANAGER";
  private static final String PARTNER = "ROLE_PARTNER";
  private static final String SYSTEM = SystemIdentity.AUTHORITY;

  private final CatalogueService catalogue;
  private final EnrolmentRepository enrolments;
  private final LearningReadRepository reads;
  private final PartnerUsers partnerUsers;
  private final LearningAccess access;
  private final QuizAttempts quizAttempts;
  private final PortalGate gate;
  private final Clock clock;

  LearningService(
      CatalogueService catalogue,
      EnrolmentRepository enrolments,
      LearningReadRepository reads,
      PartnerUsers partnerUsers,
      LearningAccess access,
      QuizAttempts quizAttempts,
      PortalGate gate,
      Clock clock) {
    this.catalogue = catalogue;
    this.enrolments = enrolments;
    this.reads = reads;
    this.partnerUsers = partnerUsers;
    this.access = access;
    this.quizAttempts = quizAttempts;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * Enrols a partner user on the latest published version of the course; someone already enrolled
   * on any version of it keeps that enrolment (and its version).
   *
   * @throws LearningRefusedException when the course has no published version or the user belongs
   *     to no partner organisation
   */
  @Secured({ADMIN, ENABLEMENT, SYSTEM})
  @Transactional
  public Enrolment enrol(long userId, String courseCode) {
    Optional<Long> existing = reads.enrolmentOnCourse(userId, courseCode);
    if (existing.isPresent()) {
      return enrolments.find(existing.get()).orElseThrow();
    }
    CourseVersion version =
        catalogue
            .latestPublished(courseCode)
            .orElseThrow(
                () ->
                    new LearningRefusedException(
                        "Course " + courseCode + " has no published version"));
    long partnerId =
        partnerUsers
            .partnerOf(userId)
            .orElseThrow(
                () ->
                    new LearningRefusedException(
                        "User " + userId + " belongs to no partner organisation"));
    return enrolments.insertOnce(userId, partnerId, version.id(), clock.instant());
  }

  /**
   * Whether the person joined their organisation after its learning plan was assigned (a colleague
   * is enrolled, they are not): their own plan is then assigned by an enablement of their own.
   */
  @Secured({ADMIN, ENABLEMENT, SYSTEM})
  @Transactional(readOnly = true)
  public boolean joinedAfterThePlan(long userId) {
    return reads.joinedAfterThePlan(userId);
  }

  /** An enrolment by id, for process workers. */
  @Secured({ADMIN, ENABLEMENT, SYSTEM})
  @Transactional(readOnly = true)
  public Optional<CourseProgress> enrolment(long enrolmentId) {
    return reads.progress(enrolmentId);
  }

  /** The caller's courses (a partner user), oldest enrolment first. */
  @Secured(PARTNER)
  @Transactional(readOnly = true)
  public List<CourseProgress> myCourses() {
    long me = access.partnerUser();
    gate.requireOpen();
    return reads.progressOfUser(me);
  }

  /**
   * The caller's course page: modules in order with the open ones' text and files, and the quiz.
   *
   * @throws LearningRefusedException when the enrolment is not the caller's (or does not exist)
   */
  @Secured(PARTNER)
  @Transactional(readOnly = true)
  public CoursePage coursePage(long enrolmentId) {
    Enrolment enrolment = ownEnrolment(enrolmentId);
    CourseVersion version = catalogue.courseVersion(enrolment.courseVersionId());
    List<CourseModule> modules = orderedModules(enrolment.courseVersionId());
    Map<Long, List<CourseFileRef>> files =
        reads.filesOfVersion(enrolment.courseVersionId()).stream()
            .collect(Collectors.groupingBy(CourseFileRef::moduleId));
    List<ModuleView> views = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      CourseModule module = modules.get(i);
      ModuleState state =
          i < enrolment.modulesDone()
              ? ModuleState.DONE
              : i == enrolment.modulesDone() ? ModuleState.OPEN : ModuleState.LOCKED;
      boolean readable = state != ModuleState.LOCKED;
      views.add(
          new ModuleView(
              module.id(),
              i + 1,
              module.titleEn(),
              module.titleZh(),
              state,
              readable ? module.bodyEn() : null,
              readable ? module.bodyZh() : null,
              readable ? files.getOrDefault(module.id(), List.of()) : List.of()));
    }
    Long quizId = version.quizId();
    QuizStanding standing =
        quizId == null ? null : quizAttempts.standing(quizId, enrolment.userId());
    boolean quizOpen =
        quizId != null
            && enrolment.modulesDone() >= modules.size()
            && !enrolment.status().finished();
    return new CoursePage(
        reads.progress(enrolmentId).orElseThrow(),
        version.summaryEn(),
        version.summaryZh(),
        views,
        quizId,
        standing,
        quizOpen);
  }

  /**
   * Marks the module at {@code position} (1-based) done: only the next one in order; a module done
   * before stays done (a second click changes nothing).
   *
   * @throws LearningRefusedException for a module further ahead or one the course does not have
   */
  @Secured(PARTNER)
  @Transactional
  public CoursePage markDone(long enrolmentId, int position) {
    Enrolment enrolment = ownEnrolment(enrolmentId);
    enrolment = enrolments.lock(enrolmentId).orElseThrow();
    int modules = orderedModules(enrolment.courseVersionId()).size();
    if (position < 1 || position > modules) {
      throw new LearningRefusedException("This course has no module " + position);
    }
    if (position > enrolment.modulesDone() + 1) {
      throw new LearningRefusedException(
          "Module "
              + position
              + " opens once module "
              + (enrolment.modulesDone() + 1)
              + " is done");
    }
    enrolments.markStarted(enrolmentId, clock.instant());
    enrolments.markModulesDone(enrolmentId, position);
    return coursePage(enrolmentId);
  }

  /**
   * Opens a module for reading and marks the course started.
   *
   * @throws LearningRefusedException for a locked module
   */
  @Secured(PARTNER)
  @Transactional
  public ModuleView openModule(long enrolmentId, int position) {
    Enrolment enrolment = ownEnrolment(enrolmentId);
    if (position > enrolment.modulesDone() + 1 || position < 1) {
      throw new LearningRefusedException(
          "Module "
              + position
              + " opens once module "
              + (enrolment.modulesDone() + 1)
              + " is done");
    }
    enrolments.markStarted(enrolmentId, clock.instant());
    return coursePage(enrolmentId).modules().stream()
        .filter(module -> module.position() == position)
        .findFirst()
        .orElseThrow(() -> new LearningRefusedException("This course has no module " + position));
  }

  /**
   * A file of a module the caller may read (enrolled, module not locked).
   *
   * @throws LearningRefusedException for another's enrolment, another course's file or a locked
   *     module (all alike)
   */
  @Secured(PARTNER)
  @Transactional(readOnly = true)
  public CourseFileContent file(long enrolmentId, long fileId) {
    Enrolment enrolment = ownEnrolment(enrolmentId);
    return reads
        .file(fileId, enrolment.courseVersionId())
        .filter(file -> file.modulePosition() <= enrolment.modulesDone() + 1)
        .map(LearningReadRepository.FileInVersion::content)
        .orElseThrow(() -> new LearningRefusedException("No such file in your course"));
  }

  /**
   * A person's courses; a partner user only their own, a partner manager their partners' people.
   */
  @Secured({ADMIN, ENABLEMENT, MANAGER, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public PersonProgress progress(long userId) {
    access.checkPerson(userId);
    return new PersonProgress(
        userId, reads.displayName(userId).orElse(""), reads.progressOfUser(userId));
  }

  /** The organisation's people (enrolled or not) and their courses; staff only. */
  @Secured({ADMIN, ENABLEMENT, MANAGER, SYSTEM})
  @Transactional(readOnly = true)
  public OrganisationProgress organisationProgress(long partnerId) {
    access.checkOrganisation(partnerId);
    Map<Long, List<CourseProgress>> byUser =
        reads.progressOfPartner(partnerId).stream()
            .collect(Collectors.groupingBy(CourseProgress::userId));
    List<PersonProgress> people =
        reads.usersOfPartner(partnerId).stream()
            .map(
                user ->
                    new PersonProgress(
                        user.id(), user.displayName(), byUser.getOrDefault(user.id(), List.of())))
            .toList();
    return new OrganisationProgress(partnerId, people);
  }

  /** The codes of the courses the person passed (any version). */
  @Secured({ADMIN, ENABLEMENT, MANAGER, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public Set<String> passedCourseCodes(long userId) {
    access.checkPerson(userId);
    return reads.passedCourseCodes(userId);
  }

  private Enrolment ownEnrolment(long enrolmentId) {
    long me = access.partnerUser();
    gate.requireOpen();
    return enrolments
        .find(enrolmentId)
        .filter(enrolment -> enrolment.userId() == me)
        .orElseThrow(
            () ->
                new LearningRefusedException(
                    "This course enrolment does not exist or is not yours"));
  }

  private List<CourseModule> orderedModules(long courseVersionId) {
    return catalogue.modules(courseVersionId).stream()
        .sorted(Comparator.comparingInt(CourseModule::position))
        .toList();
  }
}
