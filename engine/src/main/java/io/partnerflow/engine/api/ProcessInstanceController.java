package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.partnerflow.engine.command.CancelProcessInstanceCommand;
import io.partnerflow.engine.command.CreateProcessInstanceCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** /v2/process-instances: create, cancel, get. */
@RestController
@RequestMapping("/v2/process-instances")
class ProcessInstanceController {

  private final CreateProcessInstanceCommand create;
  private final CancelProcessInstanceCommand cancel;
  private final ProcessInstanceRepository processInstances;

  ProcessInstanceController(
      CreateProcessInstanceCommand create,
      CancelProcessInstanceCommand cancel,
      ProcessInstanceRepository processInstances) {
    this.create = create;
    this.cancel = cancel;
    this.processInstances = processInstances;
  }

  @PostMapping
  CreateProcessInstanceResult create(@RequestBody ProcessInstanceCreationInstruction body) {
    if (Boolean.TRUE.equals(body.getAwaitCompletion())) {
      throw EngineException.invalid("awaitCompletion is not supported by the embedded engine yet");
    }
    if (notEmpty(body.getStartInstructions()) || notEmpty(body.getRuntimeInstructions())) {
      throw EngineException.invalid(
          "Start and runtime instructions are not supported by the embedded engine yet");
    }
    ProcessInstanceRecord instance =
        create.execute(
            new CreateProcessInstanceCommand.Request(
                Keys.parse("processDefinitionKey", body.getProcessDefinitionKey()),
                body.getProcessDefinitionId(),
                body.getProcessDefinitionVersion(),
                body.getVariables()));
    return new CreateProcessInstanceResult()
        .processInstanceKey(Keys.format(instance.key()))
        .processDefinitionKey(Keys.format(instance.processDefinitionKey()))
        .processDefinitionId(instance.bpmnProcessId())
        .processDefinitionVersion(instance.version())
        .tenantId(instance.tenantId())
        .variables(Map.of());
  }

  @PostMapping("/{key}/cancellation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void cancel(@PathVariable long key, @RequestBody(required = false) Map<String, Object> body) {
    cancel.execute(key);
  }

  @GetMapping("/{key}")
  ProcessInstanceResult get(@PathVariable long key) {
    ProcessInstanceRecord p =
        processInstances
            .find(key)
            .orElseThrow(() -> EngineException.notFound("Process instance", key));
    return new ProcessInstanceResult()
        .processInstanceKey(Keys.format(p.key()))
        .processDefinitionKey(Keys.format(p.processDefinitionKey()))
        .processDefinitionId(p.bpmnProcessId())
        .processDefinitionVersion(p.version())
        .tenantId(p.tenantId())
        .state(ProcessInstanceStateEnum.fromValue(p.state()))
        .startDate(date(p.startDate()))
        .endDate(date(p.endDate()))
        .hasIncident(p.hasIncident());
  }

  private static boolean notEmpty(java.util.List<?> list) {
    return list != null && !list.isEmpty();
  }

  static String date(OffsetDateTime date) {
    return date == null ? null : date.toString();
  }
}
