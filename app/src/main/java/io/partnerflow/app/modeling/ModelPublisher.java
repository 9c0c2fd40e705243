package io.partnerflow.app.modeling;

import io.camunda.client.api.command.ProblemException;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.modeling.ModelVersion.Source;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Validates, deploys and rolls back models from the workspace. Every deployment is a new engine
 * version made through the Camunda client, recorded here with author, time, comment and content,
 * and in the audit log.
 */
@Service
@Secured("ROLE_ADMIN")
public class ModelPublisher {

  private final ModelDeploymentService deployments;
  private final ModelValidator validator;
  private final EngineModels engine;
  private final ModelDraftRepository drafts;
  private final ModelVersionRepository versions;
  private final AuditLog audit;
  private final Clock clock;

  ModelPublisher(
      ModelDeploymentService deployments,
      ModelValidator validator,
      EngineModels engine,
      ModelDraftRepository drafts,
      ModelVersionRepository versions,
      AuditLog audit,
      Clock clock) {
    this.deployments = deployments;
    this.validator = validator;
    this.engine = engine;
    this.drafts = drafts;
    this.versions = versions;
    this.audit = audit;
    this.clock = clock;
  }

  /** The problems deployment would find here; empty when the model may be deployed. */
  public List<ModelProblem> validate(ModelRef ref, String content) {
    return validator.validate(ref, content);
  }

  /**
   * Deploys the content as a new version, unless the model changed since the editor loaded it.
   * Deploying consumes the draft it was based on.
   *
   * @throws ModelRefusedException when a check or the engine refuses it (problems by element)
   * @throws ModelConflictException when another draft was saved or another version deployed
   */
  public ModelVersion deploy(ModelRef ref, String content, String comment, EditBase base) {
    ModelDraft draft = drafts.find(ref).orElse(null);
    int deployed = deployedVersion(ref);
    Integer draftVersion = draft == null ? null : draft.version();
    if (!java.util.Objects.equals(draftVersion, base.draftVersion())
        || deployed != base.deployedVersion()) {
      throw new ModelConflictException(ref, draft, deployed);
    }
    ModelVersion version = publish(ref, content, comment, Source.CONSOLE, deployed);
    if (draft != null) {
      drafts.delete(ref);
    }
    audit.record(AuditAction.MODEL_DEPLOYED, subject(ref), before(deployed), after(version));
    return version;
  }

  /** Deploys an earlier version's content again, as a new version. */
  public ModelVersion rollBack(ModelRef ref, long versionId, String comment) {
    ModelVersion earlier =
        versions
            .find(versionId)
            .filter(found -> found.ref().equals(ref))
            .orElseThrow(
                () -> new IllegalArgumentException("No version " + versionId + " of " + ref));
    int deployed = deployedVersion(ref);
    String why =
        comment == null || comment.isBlank() ? "Roll back to v" + earlier.engineVersion() : comment;
    ModelVersion version = publish(ref, earlier.content(), why, Source.ROLLBACK, deployed);
    Map<String, Object> after = after(version);
    after.put("from", earlier.engineVersion());
    audit.record(AuditAction.MODEL_ROLLED_BACK, subject(ref), before(deployed), after);
    return version;
  }

  /** The app's deployments of the model, newest first. */
  public List<ModelVersion> history(ModelRef ref) {
    return versions.history(ref);
  }

  /**
   * The engine's versions of the model that {@link #history} does not list, oldest first: made
   * outside the console (the engine API, another tool), so the console knows no author, comment or
   * content for them. The history dialog names them, so "previous" is never mistaken for the
   * engine's previous version.
   */
  public List<Integer> unlistedVersions(ModelRef ref) {
    Set<Integer> listed =
        history(ref).stream().map(ModelVersion::engineVersion).collect(Collectors.toSet());
    return IntStream.rangeClosed(1, deployedVersion(ref))
        .filter(version -> !listed.contains(version))
        .boxed()
        .toList();
  }

  /** The engine's latest version of the model (0: none). */
  public int deployedVersion(ModelRef ref) {
    return engine
        .latest(ref)
        .map(EngineModels.Latest::version)
        .orElseGet(() -> versions.latest(ref).map(ModelVersion::engineVersion).orElse(0));
  }

  private ModelVersion publish(
      ModelRef ref, String content, String comment, Source source, int deployedBefore) {
    List<ModelProblem> problems = validator.validate(ref, content);
    if (!problems.isEmpty()) {
      throw new ModelRefusedException(problems);
    }
    DeployedModel result;
    try {
      result = deployments.deploy(ref, content.getBytes(StandardCharsets.UTF_8));
    } catch (ProblemException refused) {
      if (refused.code() == 400) {
        String detail = refused.details() == null ? null : refused.details().getDetail();
        throw new ModelRefusedException(ModelValidator.fromRefusal(detail));
      }
      throw refused;
    }
    if (result.version() <= deployedBefore) {
      // the engine keeps the version of unchanged content: nothing new to record
      throw new ModelRefusedException(
          List.of(
              new ModelProblem(
                  null, "The content equals the deployed version v" + result.version())));
    }
    long id =
        versions.insert(
            ref,
            result,
            content,
            ContentHash.of(content),
            source,
            currentUser(),
            clock.instant(),
            comment);
    return versions.find(id).orElseThrow();
  }

  static String currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }

  private static AuditSubject subject(ModelRef ref) {
    return AuditSubject.model(ref.resourceName());
  }

  private static Map<String, Object> before(int deployed) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("version", deployed);
    return before;
  }

  private static Map<String, Object> after(ModelVersion version) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("version", version.engineVersion());
    after.put("comment", version.comment());
    return after;
  }
}
