package io.partnerflow.engine.processing.migration;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.processing.migration.EventWaitMigration.Scope;
import io.partnerflow.engine.processing.migration.EventWaitMigration.Triggered;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.MigrationRepository;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Moves a running process instance onto another process definition, as Camunda 8 documents it:
 * every active element instance becomes an instance of the element its mapping instruction names,
 * keeping its key, its variables and what it waits for (job with its type, user task with its
 * assignee, candidates and dates, timers with their due dates, subscriptions with their correlation
 * keys); ended elements stay in the history as they were. Either all of it happens or, when one
 * element cannot be migrated, nothing ({@link ElementMapping} decides before anything is written;
 * the caller's transaction covers the rest). The caller holds the instance lock.
 */
@Component
public class ProcessInstanceMigration {

  private final ProcessGraphCache graphs;
  private final ElementInstanceRepository elementInstances;
  private final MigrationRepository repository;
  private final EventWaitMigration waits;
  private final TokenMachine machine;

  ProcessInstanceMigration(
      ProcessGraphCache graphs,
      ElementInstanceRepository elementInstances,
      MigrationRepository repository,
      EventWaitMigration waits,
      TokenMachine machine) {
    this.graphs = graphs;
    this.elementInstances = elementInstances;
    this.repository = repository;
    this.waits = waits;
    this.machine = machine;
  }

  /**
   * @param instructions source element id → target element id
   */
  public void migrate(
      ProcessInstanceRecord instance,
      ProcessDefinitionRecord target,
      Map<String, String> instructions) {
    ExecutableProcess sourceGraph = graphs.get(instance.processDefinitionKey());
    ExecutableProcess targetGraph = graphs.get(target.key());
    List<ElementInstanceRecord> active =
        new ArrayList<>(elementInstances.findActiveInInstance(instance.key()));
    Collections.reverse(
        active); // outermost (the process) first: a scope is mapped before its content
    List<MigratedElement> mapped =
        new ElementMapping(instance.key(), sourceGraph, targetGraph, instructions, repository)
            .map(active);

    ProcessInstanceRecord migrated = migrated(instance, target);
    repository.migrateProcessInstance(
        instance.key(), target.key(), target.bpmnProcessId(), target.version());
    Map<Long, ElementInstanceRecord> byKey = new HashMap<>();
    active.forEach(e -> byKey.put(e.key(), e));
    List<Triggered> triggered = new ArrayList<>();
    for (MigratedElement element : mapped) {
      migrateElement(element, target, targetGraph);
      Scope scope =
          new Scope(
              instance.key(),
              migrated,
              sourceGraph,
              targetGraph,
              instructions,
              scopeChain(element.instance(), byKey));
      triggered.addAll(waits.migrate(element, scope));
    }
    // buffered messages that the target's new subscriptions found: delivered as on any opening
    for (Triggered event : triggered) {
      boolean stillWaiting =
          elementInstances
              .find(event.ownerKey())
              .filter(ElementInstanceRecord::isActive)
              .isPresent();
      if (stillWaiting && migrated.isActive()) {
        machine.triggerEvent(migrated, event.ownerKey(), event.eventId(), event.variables());
      }
    }
  }

  private void migrateElement(
      MigratedElement element, ProcessDefinitionRecord target, ExecutableProcess targetGraph) {
    long key = element.instance().key();
    ExecutableElement to = element.target();
    repository.migrateElementInstance(key, to.id(), to.name());
    repository.migrateJobs(key, to.id(), target.key(), target.bpmnProcessId(), target.version());
    repository.migrateUserTask(
        key, to.id(), target.key(), target.bpmnProcessId(), target.version(), targetGraph.name());
    repository.migrateIncidents(key, to.id(), target.key(), target.bpmnProcessId());
  }

  /** The element instance's key, then its flow scopes out to the process instance. */
  private static List<Long> scopeChain(
      ElementInstanceRecord element, Map<Long, ElementInstanceRecord> activeByKey) {
    List<Long> chain = new ArrayList<>();
    for (ElementInstanceRecord e = element;
        e != null;
        e = e.flowScopeKey() == null ? null : activeByKey.get(e.flowScopeKey())) {
      chain.add(e.key());
    }
    return chain;
  }

  private static ProcessInstanceRecord migrated(
      ProcessInstanceRecord instance, ProcessDefinitionRecord target) {
    return new ProcessInstanceRecord(
        instance.key(),
        target.key(),
        target.bpmnProcessId(),
        target.version(),
        instance.tenantId(),
        instance.state(),
        instance.startDate(),
        instance.endDate(),
        instance.parentProcessInstanceKey(),
        instance.parentElementInstanceKey(),
        instance.rootProcessInstanceKey());
  }
}
