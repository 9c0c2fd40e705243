package io.partnerflow.app.monitoring;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Moves running instances to another version of their process. A dry run first checks each instance
 * against the plan without changing anything: it must be running, on another version of the same
 * process, and every element it is waiting in must map to an element of the same type in the
 * target. Executing runs the same check and migrates only the instances that pass.
 */
@Service
@Secured("ROLE_ADMIN")
public class MigrationService {

  private final CamundaClient client;
  private final InstanceInspectionService inspection;
  private final MonitoringAudit audit;
  private final Map<Long, List<ModelElement>> modelCache = new ConcurrentHashMap<>();

  MigrationService(
      CamundaClient client, InstanceInspectionService inspection, MonitoringAudit audit) {
    this.client = client;
    this.inspection = inspection;
    this.audit = audit;
  }

  /** The flow nodes of a deployed version (deployed versions never change, so they are kept). */
  public List<ModelElement> elements(long definitionKey) {
    return modelCache.computeIfAbsent(
        definitionKey,
        key -> ModelElements.of(client.newProcessDefinitionGetXmlRequest(key).send().join()));
  }

  /** The mapping that keeps every element whose id exists in both versions. */
  public Map<String, String> equalIds(long sourceDefinitionKey, long targetDefinitionKey) {
    Map<String, ModelElement> target = byId(elements(targetDefinitionKey));
    Map<String, String> mapping = new TreeMap<>();
    for (ModelElement element : elements(sourceDefinitionKey)) {
      ModelElement same = target.get(element.id());
      if (same != null && same.type().equals(element.type())) {
        mapping.put(element.id(), element.id());
      }
    }
    return mapping;
  }

  public List<MigrationCheck> dryRun(Collection<Long> instanceKeys, MigrationPlan plan) {
    List<MigrationCheck> checks = new ArrayList<>();
    for (Long key : instanceKeys) {
      checks.add(check(key, plan));
    }
    return checks;
  }

  /** Checks and migrates each instance on its own; the results say what happened to each. */
  public List<OperationResult> migrate(Collection<Long> instanceKeys, MigrationPlan plan) {
    List<OperationResult> results = new ArrayList<>();
    for (Long key : instanceKeys) {
      MigrationCheck check = check(key, plan);
      if (!check.allowed()) {
        results.add(OperationResult.failed(key, check.refusalKey(), check.refusalDetail()));
        continue;
      }
      long source = inspection.instance(key).definitionKey();
      try {
        MigrateProcessInstanceCommandFinalStep command = null;
        for (Map.Entry<String, String> move : plan.mapping().entrySet()) {
          command =
              command == null
                  ? client
                      .newMigrateProcessInstanceCommand(key)
                      .migrationPlan(plan.targetDefinitionKey())
                      .addMappingInstruction(move.getKey(), move.getValue())
                  : command.addMappingInstruction(move.getKey(), move.getValue());
        }
        if (command == null) {
          results.add(OperationResult.failed(key, "monitoring.migration.emptyMapping", null));
          continue;
        }
        command.send().join();
        audit.migrated(key, source, plan.targetDefinitionKey(), plan.mapping());
        results.add(OperationResult.ok(key, "monitoring.migration.done"));
      } catch (ProblemException e) {
        String detail = e.details() == null ? e.getMessage() : e.details().getDetail();
        results.add(OperationResult.failed(key, "monitoring.migration.engineRefused", detail));
      } catch (CompletionException e) {
        results.add(
            OperationResult.failed(key, "monitoring.migration.engineRefused", e.getMessage()));
      }
    }
    return results;
  }

  private MigrationCheck check(long key, MigrationPlan plan) {
    InstanceSummary instance;
    try {
      instance = inspection.instance(key);
    } catch (MonitoringException e) {
      return refused(key, "monitoring.migration.unknown", null);
    }
    if (instance.state() != InstanceState.ACTIVE) {
      return refused(key, "monitoring.migration.notActive", null);
    }
    if (instance.definitionKey() == plan.targetDefinitionKey()) {
      return refused(key, "monitoring.migration.sameVersion", null);
    }
    String targetProcess = processIdOf(plan.targetDefinitionKey());
    if (!instance.processId().equals(targetProcess)) {
      return refused(key, "monitoring.migration.otherProcess", targetProcess);
    }
    Map<String, ModelElement> source = byId(elements(instance.definitionKey()));
    Map<String, ModelElement> target = byId(elements(plan.targetDefinitionKey()));
    List<String> moves = new ArrayList<>();
    for (ElementInstance active : activeElements(key)) {
      String elementId = active.getElementId();
      if (!source.containsKey(elementId)) {
        continue; // the process itself
      }
      String targetId = plan.mapping().get(elementId);
      if (targetId == null) {
        return refused(key, "monitoring.migration.unmapped", elementId);
      }
      ModelElement targetElement = target.get(targetId);
      if (targetElement == null) {
        return refused(key, "monitoring.migration.missingTarget", targetId);
      }
      if (!targetElement.type().equals(source.get(elementId).type())) {
        return refused(key, "monitoring.migration.typeChanged", elementId + " → " + targetId);
      }
      moves.add(elementId + " → " + targetId);
    }
    return new MigrationCheck(key, moves, null, null);
  }

  private String processIdOf(long definitionKey) {
    return client
        .newProcessDefinitionGetRequest(definitionKey)
        .send()
        .join()
        .getProcessDefinitionId();
  }

  private List<ElementInstance> activeElements(long key) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(key).state(ElementInstanceState.ACTIVE))
        .page(page -> page.limit(1_000))
        .send()
        .join()
        .items();
  }

  private static MigrationCheck refused(long key, String reason, String detail) {
    return new MigrationCheck(key, List.of(), reason, detail);
  }

  private static Map<String, ModelElement> byId(List<ModelElement> elements) {
    Map<String, ModelElement> map = new HashMap<>();
    elements.forEach(element -> map.put(element.id(), element));
    return map;
  }
}
