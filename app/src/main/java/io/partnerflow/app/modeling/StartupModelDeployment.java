package io.partnerflow.app.modeling;

import io.camunda.client.api.command.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models once the app serves requests (the embedded engine answers on the same port). A
 * remote engine may still be starting: retry with back-off for {@code partnerflow.models.retry-
 * for}; a model the engine refuses is reported at once, since retrying cannot fix it.
 */
@Component
class StartupModelDeployment {

  private static final Logger log = LoggerFactory.getLogger(StartupModelDeployment.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

  private final ModelDeploymentService deployments;
  private final ModelProperties properties;
  private final Clock clock;

  StartupModelDeployment(
      ModelDeploymentService deployments, ModelProperties properties, Clock clock) {
    this.deployments = deployments;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void deployModels() throws InterruptedException {
    if (!properties.deployOnStartup()) {
      return;
    }
    List<Resource> models = deployments.configuredModels();
    if (models.isEmpty()) {
      log.info("No models to deploy at {}", properties.locations());
      return;
    }
    Instant giveUp = clock.instant().plus(properties.retryFor());
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        List<DeployedModel> deployed = deployments.deploy(models);
        log.info("Deployed {} models: {}", deployed.size(), deployed);
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
