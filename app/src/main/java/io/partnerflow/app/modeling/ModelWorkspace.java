package io.partnerflow.app.modeling;

import io.partnerflow.app.modeling.DeployedModel.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Every model the engine or the repository's files know, and the content an editor opens: the draft
 * if there is one, else the latest deployed version, else the file.
 */
@Service
@Secured("ROLE_ADMIN")
public class ModelWorkspace {

  private final EngineModels engine;
  private final ModelDeploymentService deployments;
  private final ModelDraftRepository drafts;
  private final ModelVersionRepository versions;

  ModelWorkspace(
      EngineModels engine,
      ModelDeploymentService deployments,
      ModelDraftRepository drafts,
      ModelVersionRepository versions) {
    this.engine = engine;
    this.deployments = deployments;
    this.drafts = drafts;
    this.versions = versions;
  }

  public List<ModelSummary> models() {
    Map<ModelRef, EngineModels.Latest> deployed = engine.latestVersions();
    Map<ModelRef, Resource> files = files();
    Map<ModelRef, ModelDraft> draftsByRef = new LinkedHashMap<>();
    drafts.all().forEach(draft -> draftsByRef.put(draft.ref(), draft));
    Map<ModelRef, ModelVersion> newest = new LinkedHashMap<>();
    versions.latestOfEach().forEach(version -> newest.put(version.ref(), version));

    TreeSet<ModelRef> all =
        new TreeSet<>(Comparator.comparing(ModelRef::kind).thenComparing(ModelRef::id));
    all.addAll(deployed.keySet());
    all.addAll(files.keySet());
    all.addAll(draftsByRef.keySet());
    all.addAll(newest.keySet());
    return all.stream()
        .map(
            ref -> {
              EngineModels.Latest latest = deployed.get(ref);
              ModelDraft draft = draftsByRef.get(ref);
              ModelVersion version = newest.get(ref);
              int deployedVersion =
                  latest != null ? latest.version() : version != null ? version.engineVersion() : 0;
              String changedBy = null;
              Instant changedAt = null;
              if (draft != null) {
                changedBy = draft.author();
                changedAt = draft.updatedAt();
              } else if (version != null) {
                changedBy = version.author();
                changedAt = version.deployedAt();
              }
              Resource file = files.get(ref);
              boolean differs =
                  file != null
                      && StartupRule.decide(
                              ContentHash.of(ModelDeploymentService.read(file)),
                              Optional.ofNullable(version))
                          == StartupRule.Decision.FILE_DIFFERS;
              return new ModelSummary(
                  ref,
                  latest != null && latest.name() != null ? latest.name() : ref.id(),
                  deployedVersion,
                  draft != null,
                  changedBy,
                  changedAt,
                  file != null,
                  differs);
            })
        .toList();
  }

  /** What an editor opens, and the base it saves and deploys against. */
  public record Opened(String content, EditBase base, String source) {}

  /** The draft if any, else the latest deployed version, else the file. */
  public Optional<Opened> open(ModelRef ref) {
    Optional<EngineModels.Latest> latest = engine.latest(ref);
    Optional<ModelVersion> recorded = versions.latest(ref);
    int deployedVersion =
        latest
            .map(EngineModels.Latest::version)
            .orElseGet(() -> recorded.map(ModelVersion::engineVersion).orElse(0));
    Optional<ModelDraft> draft = drafts.find(ref);
    if (draft.isPresent()) {
      return Optional.of(
          new Opened(
              draft.get().content(),
              new EditBase(draft.get().version(), deployedVersion),
              "draft"));
    }
    if (recorded.isPresent() && recorded.get().engineVersion() == deployedVersion) {
      return Optional.of(
          new Opened(recorded.get().content(), new EditBase(null, deployedVersion), "deployed"));
    }
    if (latest.isPresent() && ref.kind() != Kind.FORM) {
      return Optional.of(
          new Opened(
              engine.xml(ref, latest.get().key()),
              new EditBase(null, deployedVersion),
              "deployed"));
    }
    return fileContent(ref)
        .map(content -> new Opened(content, new EditBase(null, deployedVersion), "file"));
  }

  /** The content of the model's file in {@code bpmn/} or {@code forms/}, if it has one. */
  public Optional<String> fileContent(ModelRef ref) {
    return Optional.ofNullable(files().get(ref))
        .map(file -> new String(ModelDeploymentService.read(file), StandardCharsets.UTF_8));
  }

  private Map<ModelRef, Resource> files() {
    Map<ModelRef, Resource> files = new LinkedHashMap<>();
    for (Resource file : deployments.configuredModels()) {
      ModelRef.ofResourceName(file.getFilename()).ifPresent(ref -> files.put(ref, file));
    }
    return files;
  }
}
