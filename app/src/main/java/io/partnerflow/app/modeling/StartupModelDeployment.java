package io.partnerflow.app.modeling;

import io.camunda.client.api.command.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models once the app serves requests (the embedded engine answers on the same port). A
 * remote engine may still be starting: retry with back-off for {@code partnerflow.models.retry-
 * for}; a model the engine refuses is reported at once, since retrying cannot fix it. A file whose
 * model an operator deployed in the workspace since is left alone ({@link StartupRule}).
 */
@Component
class StartupModelDeployment {

  private static final Logger log = LoggerFactory.getLogger(StartupModelDeployment.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

  private final ModelDeploymentService deployments;
  private final ModelVersionRepository versions;
  private final ModelProperties properties;
  private final Clock clock;

  StartupModelDeployment(
      ModelDeploymentService deployments,
      ModelVersionRepository versions,
      ModelProperties properties,
      Clock clock) {
    this.deployments = deployments;
    this.versions = versions;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void deployModels() throws InterruptedException {
    if (!properties.deployOnStartup()) {
      return;
    }
    List<Resource> files = deployments.configuredModels();
    if (files.isEmpty()) {
      log.info("No models to deploy at {}", properties.locations());
      return;
    }
    Map<ModelRef, byte[]> models = filesToDeploy(files);
    if (models.isEmpty()) {
      return;
    }
    Instant giveUp = clock.instant().plus(properties.retryFor());
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        List<DeployedModel> deployed = deployments.deploy(resources(models));
        log.info("Deployed {} models: {}", deployed.size(), deployed);
        record(models, deployed);
        return;
      } catch (ProblemException refused) {
        if (refused.code() >= 400 && refused.code() < 500) {
          log.error("The engine refused the models: {}", refused.details(), refused);
          return;
        }
        pause = waitOrGiveUp(giveUp, pause, refused);
      } catch (RuntimeException unreachable) {
        pause = waitOrGiveUp(giveUp, pause, unreachable);
      }
      if (pause == null) {
        return;
      }
    }
  }

  /** The files start-up may deploy, by model. */
  Map<ModelRef, byte[]> filesToDeploy(List<Resource> files) {
    Map<ModelRef, byte[]> models = new LinkedHashMap<>();
    for (Resource file : files) {
      Optional<ModelRef> ref = ModelRef.ofResourceName(file.getFilename());
      if (ref.isEmpty()) {
        continue;
      }
      byte[] content = ModelDeploymentService.read(file);
      Optional<ModelVersion> newest = versions.latest(ref.get());
      switch (StartupRule.decide(ContentHash.of(content), newest)) {
        case DEPLOY -> models.put(ref.get(), content);
        case IN_STEP -> log.debug("{} is as deployed in the workspace", ref.get());
        case FILE_DIFFERS ->
            log.warn(
                "{} differs from v{} deployed in the model workspace by {} at {}; the file is not"
                    + " deployed (deploy it from the workspace to use it)",
                file.getFilename(),
                newest.get().engineVersion(),
                newest.get().author(),
                newest.get().deployedAt());
      }
    }
    return models;
  }

  /** Remembers what start-up deployed, when the engine made a new version of it. */
  private void record(Map<ModelRef, byte[]> models, List<DeployedModel> deployed) {
    for (DeployedModel model : deployed) {
      Optional<ModelRef> ref =
          ModelRef.ofResourceName(model.resourceName()).filter(r -> r.kind() == model.kind());
      if (ref.isEmpty() || !models.containsKey(ref.get())) {
        continue;
      }
      boolean known =
          versions
              .latest(ref.get())
              .filter(newest -> newest.engineVersion() == model.version())
              .isPresent();
      if (!known) {
        String content = new String(models.get(ref.get()), StandardCharsets.UTF_8);
        versions.insert(
            ref.get(),
            model,
            content,
            ContentHash.of(content),
            ModelVersion.Source.STARTUP,
            "system",
            clock.instant(),
            "deployed from " + model.resourceName() + " at start-up");
        models.remove(ref.get()); // one record per file, even when a DMN has several decisions
      }
    }
  }

  private static List<Resource> resources(Map<ModelRef, byte[]> models) {
    List<Resource> resources = new ArrayList<>();
    models.forEach(
        (ref, content) ->
            resources.add(
                new ByteArrayResource(content) {
                  @Override
                  public String getFilename() {
                    return ref.resourceName();
                  }
                }));
    return resources;
  }

  private Duration waitOrGiveUp(Instant giveUp, Duration pause, RuntimeException cause)
      throws InterruptedException {
    if (clock.instant().plus(pause).isAfter(giveUp)) {
      log.error(
          "Gave up deploying the models after {}: {}", properties.retryFor(), cause.toString());
      return null;
    }
    log.warn("Engine not ready for the models ({}); retrying in {}", cause.getMessage(), pause);
    Thread.sleep(pause.toMillis());
    Duration next = pause.multipliedBy(2);
    return next.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next;
  }
}
