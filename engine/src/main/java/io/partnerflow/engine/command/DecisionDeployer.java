package io.partnerflow.engine.command;

import io.partnerflow.engine.decision.ParsedDrg;
import io.partnerflow.engine.deployment.DmnResourceParser;
import io.partnerflow.engine.state.DecisionDefinitionRecord;
import io.partnerflow.engine.state.DecisionRepository;
import io.partnerflow.engine.state.DecisionRequirementsRecord;
import io.partnerflow.engine.state.KeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The DMN part of {@link DeployResourcesCommand}: a new DRG version per decision requirements id
 * (unless the latest has identical content), and with it a new version of each of its decisions.
 */
@Component
class DecisionDeployer {

  /** What one DMN resource became. */
  record Deployed(
      DecisionRequirementsRecord requirements, List<DecisionDefinitionRecord> decisions) {}

  private final DmnResourceParser parser;
  private final DecisionRepository repository;
  private final KeyGenerator keys;

  DecisionDeployer(DmnResourceParser parser, DecisionRepository repository, KeyGenerator keys) {
    this.parser = parser;
    this.repository = repository;
    this.keys = keys;
  }

  ParsedDrg parse(DeployResourcesCommand.Resource resource) {
    return parser.parse(resource.name(), resource.content());
  }

  /**
   * Rejects what would make "the latest version of decision X" ambiguous: one DRG id or one
   * decision id in two resources of the deployment, or a decision id already deployed in another
   * DRG.
   */
  void checkIds(Map<String, ParsedDrg> drgsByResource) {
    Map<String, String> drgResources = new HashMap<>();
    Map<String, String> decisionResources = new HashMap<>();
    drgsByResource.forEach(
        (resource, drg) -> {
          String other = drgResources.putIfAbsent(drg.decisionRequirementsId(), resource);
          if (other != null) {
            throw DmnResourceParser.rejected(
                resource,
                "the decision requirements id '%s' is also deployed by '%s' in this deployment"
                    .formatted(drg.decisionRequirementsId(), other));
          }
          for (ParsedDrg.Decision decision : drg.decisions()) {
            String previous = decisionResources.putIfAbsent(decision.id(), resource);
            if (previous != null) {
              throw DmnResourceParser.rejected(
                  resource,
                  "the decision id '%s' is also deployed by '%s' in this deployment"
                      .formatted(decision.id(), previous));
            }
            repository
                .findLatest(decision.id())
                .filter(d -> !d.decisionRequirementsId().equals(drg.decisionRequirementsId()))
                .ifPresent(
                    d -> {
                      throw DmnResourceParser.rejected(
                          resource,
                          ("the decision id '%s' belongs to the deployed decision requirements"
                                  + " '%s', not to '%s'")
                              .formatted(
                                  decision.id(),
                                  d.decisionRequirementsId(),
                                  drg.decisionRequirementsId()));
                    });
          }
        });
  }

  Deployed deploy(
      DeployResourcesCommand.Resource resource,
      ParsedDrg drg,
      String checksum,
      long deploymentKey,
      String tenantId,
      OffsetDateTime now) {
    Optional<DecisionRequirementsRecord> latest =
        repository.findLatestRequirements(drg.decisionRequirementsId());
    if (latest.isPresent()
        && latest.get().checksum().equals(checksum)
        && latest.get().resourceName().equals(resource.name())) {
      return new Deployed(latest.get(), repository.findByRequirementsKey(latest.get().key()));
    }
    DecisionRequirementsRecord requirements =
        new DecisionRequirementsRecord(
            keys.next(),
            drg.decisionRequirementsId(),
            repository.maxRequirementsVersion(drg.decisionRequirementsId()) + 1,
            drg.name(),
            resource.name(),
            checksum,
            new String(resource.content(), StandardCharsets.UTF_8),
            deploymentKey,
            tenantId);
    repository.insert(requirements, now);
    List<DecisionDefinitionRecord> decisions = new ArrayList<>();
    for (ParsedDrg.Decision decision : drg.decisions()) {
      DecisionDefinitionRecord definition =
          new DecisionDefinitionRecord(
              keys.next(),
              decision.id(),
              repository.maxVersion(decision.id()) + 1,
              decision.name(),
              requirements.key(),
              requirements.decisionRequirementsId(),
              deploymentKey,
              tenantId);
      repository.insert(definition, now);
      decisions.add(definition);
    }
    return new Deployed(requirements, List.copyOf(decisions));
  }
}
