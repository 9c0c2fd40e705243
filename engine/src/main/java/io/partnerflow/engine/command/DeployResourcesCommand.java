package io.partnerflow.engine.command;

import io.partnerflow.engine.decision.ParsedDrg;
import io.partnerflow.engine.deployment.BpmnResourceParser;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.FormResourceParser;
import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.deployment.XmlDeclarations;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.DecisionDefinitionRecord;
import io.partnerflow.engine.state.DecisionRequirementsRecord;
import io.partnerflow.engine.state.DeploymentRepository;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.FormRecord;
import io.partnerflow.engine.state.FormRepository;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/deployments: validates every resource first (all or nothing), then stores a new version
 * per process id and form id, unless the latest version has identical content. DMN resources: see
 * {@link DecisionDeployer}.
 */
@Component
public class DeployResourcesCommand {

  /** One uploaded file. */
  public record Resource(String name, byte[] content) {}

  /** The deployment's key and what each resource became (new or existing versions). */
  public record Outcome(
      long deploymentKey,
      String tenantId,
      List<ProcessDefinitionRecord> processes,
      List<FormRecord> forms,
      List<DecisionRequirementsRecord> decisionRequirements,
      List<DecisionDefinitionRecord> decisions) {}

  private final BpmnResourceParser bpmn;
  private final FormResourceParser forms;
  private final ProcessGraphCache graphs;
  private final DeploymentRepository deployments;
  private final ProcessDefinitionRepository definitions;
  private final FormRepository formRepository;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final DecisionDeployer decisionDeployer;
  private final MessageStartEvents messageStartEvents;
  private final TimerStartEvents timerStartEvents;
  private final SignalStartEvents signalStartEvents;

  public DeployResourcesCommand(
      BpmnResourceParser bpmn,
      FormResourceParser forms,
      ProcessGraphCache graphs,
      DeploymentRepository deployments,
      ProcessDefinitionRepository definitions,
      FormRepository formRepository,
      KeyGenerator keys,
      EngineClock clock,
      DecisionDeployer decisionDeployer,
      MessageStartEvents messageStartEvents,
      TimerStartEvents timerStartEvents,
      SignalStartEvents signalStartEvents) {
    this.bpmn = bpmn;
    this.forms = forms;
    this.graphs = graphs;
    this.deployments = deployments;
    this.definitions = definitions;
    this.formRepository = formRepository;
    this.keys = keys;
    this.clock = clock;
    this.decisionDeployer = decisionDeployer;
    this.messageStartEvents = messageStartEvents;
    this.timerStartEvents = timerStartEvents;
    this.signalStartEvents = signalStartEvents;
  }

  @Transactional
  public Outcome execute(List<Resource> resources, String tenantId) {
    if (resources.isEmpty()) {
      throw EngineException.invalid("Expected to deploy at least one resource, but none given");
    }
    record Parsed(Resource resource, List<ExecutableProcess> processes, String formId) {}
    List<Parsed> parsed = new ArrayList<>();
    Map<String, ParsedDrg> drgs = new LinkedHashMap<>();
    for (Resource resource : resources) {
      String name = resource.name().toLowerCase(Locale.ROOT);
      if (name.endsWith(".bpmn") || name.endsWith(".xml") || name.endsWith(".dmn")) {
        XmlDeclarations.refuseDoctype(resource.name(), resource.content());
      }
      if (name.endsWith(".bpmn") || name.endsWith(".xml")) {
        parsed.add(new Parsed(resource, bpmn.parse(resource.name(), resource.content()), null));
      } else if (name.endsWith(".form")) {
        parsed.add(
            new Parsed(resource, List.of(), forms.formId(resource.name(), resource.content())));
      } else if (name.endsWith(".dmn")) {
        drgs.put(resource.name(), decisionDeployer.parse(resource));
      } else {
        throw EngineException.invalid(
            ("Expected resource '%s' to be a .bpmn, .dmn or .form file; other types are not"
                    + " supported")
                .formatted(resource.name()));
      }
    }
    deployments.lockDeployments();
    decisionDeployer.checkIds(drgs);
    long deploymentKey = keys.next();
    OffsetDateTime now = clock.nowAtUtc();
    deployments.insert(deploymentKey, tenantId, now);
    List<ProcessDefinitionRecord> processes = new ArrayList<>();
    List<FormRecord> deployedForms = new ArrayList<>();
    for (Parsed p : parsed) {
      String checksum = checksum(p.resource().content());
      for (ExecutableProcess process : p.processes()) {
        processes.add(deployProcess(p.resource(), process, checksum, deploymentKey, tenantId, now));
      }
      if (p.formId() != null) {
        deployedForms.add(
            deployForm(p.resource(), p.formId(), checksum, deploymentKey, tenantId, now));
      }
    }
    List<DecisionRequirementsRecord> deployedDrgs = new ArrayList<>();
    List<DecisionDefinitionRecord> deployedDecisions = new ArrayList<>();
    for (Resource resource : resources) {
      ParsedDrg drg = drgs.get(resource.name());
      if (drg != null) {
        DecisionDeployer.Deployed deployed =
            decisionDeployer.deploy(
                resource, drg, checksum(resource.content()), deploymentKey, tenantId, now);
        deployedDrgs.add(deployed.requirements());
        deployedDecisions.addAll(deployed.decisions());
      }
    }
    return new Outcome(
        deploymentKey, tenantId, processes, deployedForms, deployedDrgs, deployedDecisions);
  }

  private ProcessDefinitionRecord deployProcess(
      Resource resource,
      ExecutableProcess process,
      String checksum,
      long deploymentKey,
      String tenantId,
      OffsetDateTime now) {
    Optional<ProcessDefinitionRecord> latest = definitions.findLatest(process.bpmnProcessId());
    if (latest.isPresent()
        && latest.get().checksum().equals(checksum)
        && latest.get().resourceName().equals(resource.name())) {
      return latest.get();
    }
    ProcessDefinitionRecord definition =
        new ProcessDefinitionRecord(
            keys.next(),
            process.bpmnProcessId(),
            definitions.maxVersion(process.bpmnProcessId()) + 1,
            process.name(),
            process.versionTag(),
            resource.name(),
            checksum,
            process.startFormId(),
            deploymentKey,
            tenantId);
    definitions.insert(definition, new String(resource.content(), StandardCharsets.UTF_8), now);
    graphs.put(definition.key(), process);
    messageStartEvents.subscribe(definition, process);
    timerStartEvents.schedule(definition, process);
    signalStartEvents.subscribe(definition, process);
    return definition;
  }

  private FormRecord deployForm(
      Resource resource,
      String formId,
      String checksum,
      long deploymentKey,
      String tenantId,
      OffsetDateTime now) {
    Optional<FormRecord> latest = formRepository.findLatest(formId);
    if (latest.isPresent()
        && latest.get().checksum().equals(checksum)
        && latest.get().resourceName().equals(resource.name())) {
      return latest.get();
    }
    FormRecord form =
        new FormRecord(
            keys.next(),
            formId,
            formRepository.maxVersion(formId) + 1,
            resource.name(),
            checksum,
            new String(resource.content(), StandardCharsets.UTF_8),
            deploymentKey,
            tenantId);
    formRepository.insert(form, now);
    return form;
  }

  private static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
