package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/process-instances/{key}/cancellation: terminates every active element, and the instances
 * its call activities created. A called instance cannot be cancelled on its own (409).
 */
@Component
public class CancelProcessInstanceCommand {

  private final ProcessInstanceRepository processInstances;
  private final TokenMachine machine;

  public CancelProcessInstanceCommand(
      ProcessInstanceRepository processInstances, TokenMachine machine) {
    this.processInstances = processInstances;
    this.machine = machine;
  }

  @Transactional
  public void execute(long processInstanceKey) {
    ProcessInstanceRecord instance =
        processInstances
            .lock(processInstanceKey)
            .orElseThrow(() -> EngineException.notFound("Process instance", processInstanceKey));
    if (!instance.isActive()) {
      throw EngineException.invalidState(
          "Expected to cancel an active process instance with key '%d', but it is %s"
              .formatted(processInstanceKey, instance.state()));
    }
    if (instance.isCalled()) {
      // as Camunda 8: a called instance ends with its caller
      throw EngineException.invalidState(
          ("Expected to cancel a process instance with key '%d', but it is created by a parent"
                  + " process instance. Cancel the root process instance '%d' instead.")
              .formatted(processInstanceKey, instance.lockKey()));
    }
    machine.terminateInstance(instance);
  }
}
