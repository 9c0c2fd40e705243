package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.migration.ProcessInstanceMigration;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/process-instances/{key}/migration: moves an active process instance onto another
 * deployed process definition in one transaction, holding the instance lock that every other
 * command on it takes, so that a concurrent completion or timer runs wholly before or wholly after
 * it. 404 for an unknown instance or target definition, 409 for an instance that has ended, 400
 * (nothing changed) for a plan that does not fit the instance ({@code ProcessInstanceMigration}).
 */
@Component
public class MigrateProcessInstanceCommand {

  private final ProcessInstanceRepository processInstances;
  private final ProcessDefinitionRepository definitions;
  private final ProcessInstanceMigration migration;

  public MigrateProcessInstanceCommand(
      ProcessInstanceRepository processInstances,
      ProcessDefinitionRepository definitions,
      ProcessInstanceMigration migration) {
    this.processInstances = processInstances;
    this.definitions = definitions;
    this.migration = migration;
  }

  /**
   * @param instructions source element id → target element id
   */
  @Transactional
  public void execute(
      long processInstanceKey, long targetProcessDefinitionKey, Map<String, String> instructions) {
    ProcessInstanceRecord instance =
        processInstances
            .lock(processInstanceKey)
            .orElseThrow(() -> EngineException.notFound("Process instance", processInstanceKey));
    if (!instance.isActive()) {
      throw EngineException.invalidState(
          "Expected to migrate an active process instance with key '%d', but it is %s"
              .formatted(processInstanceKey, instance.state()));
    }
    ProcessDefinitionRecord target =
        definitions
            .findLive(targetProcessDefinitionKey)
            .orElseThrow(
                () ->
                    EngineException.notFound(
                        ("Expected to migrate process instance '%d' to process definition with"
                                + " key '%d', but no process definition found with this key")
                            .formatted(processInstanceKey, targetProcessDefinitionKey)));
    if (!target.tenantId().equals(instance.tenantId())) {
      throw EngineException.invalid(
          ("Expected to migrate process instance '%d' to a process definition of its tenant '%s',"
                  + " but the target process definition belongs to tenant '%s'")
              .formatted(processInstanceKey, instance.tenantId(), target.tenantId()));
    }
    migration.migrate(instance, target, instructions);
  }
}
