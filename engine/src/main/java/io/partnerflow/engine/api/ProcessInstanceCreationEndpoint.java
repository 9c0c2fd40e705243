package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.partnerflow.engine.command.CreateProcessInstanceCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * POST /v2/process-instances: creates an instance of a definition (by key, or by process id and
 * version, latest by default); with {@code awaitCompletion} the answer waits for its completion.
 */
@Component
class ProcessInstanceCreationEndpoint implements HotEndpoint {

  private static final String PATH = "/v2/process-instances";

  private final CreateProcessInstanceCommand create;
  private final ProcessInstanceCompletions completions;
  private final ObjectReader reader;

  ProcessInstanceCreationEndpoint(
      CreateProcessInstanceCommand create,
      ProcessInstanceCompletions completions,
      ObjectMapper mapper) {
    this.create = create;
    this.completions = completions;
    this.reader = mapper.readerFor(ProcessInstanceCreationInstruction.class);
  }

  @Override
  public boolean serves(String path) {
    return PATH.equals(path);
  }

  @Override
  public CompletableFuture<Reply> handle(String path, byte[] body) throws IOException {
    ProcessInstanceCreationInstruction request =
        reader.readValue(HotEndpoint.required(body, "a process instance creation"));
    if (notEmpty(request.getStartInstructions()) || notEmpty(request.getRuntimeInstructions())) {
      throw EngineException.invalid(
          "Start and runtime instructions are not supported by the embedded engine yet");
    }
    ProcessInstanceRecord instance =
        create.execute(
            new CreateProcessInstanceCommand.Request(
                Keys.parse("processDefinitionKey", request.getProcessDefinitionKey()),
                request.getProcessDefinitionId(),
                request.getProcessDefinitionVersion(),
                request.getVariables()));
    if (Boolean.TRUE.equals(request.getAwaitCompletion())) {
      return completions
          .await(instance, request.getRequestTimeout(), request.getFetchVariables())
          .thenApply(result -> new Reply(200, result));
    }
    return Reply.ok(result(instance, Map.of()));
  }

  /** The answer for a created instance: at once without variables, or awaited with them. */
  static CreateProcessInstanceResult result(
      ProcessInstanceRecord instance, Map<String, Object> variables) {
    return new CreateProcessInstanceResult()
        .processInstanceKey(Keys.format(instance.key()))
        .processDefinitionKey(Keys.format(instance.processDefinitionKey()))
        .processDefinitionId(instance.bpmnProcessId())
        .processDefinitionVersion(instance.version())
        .tenantId(instance.tenantId())
        .variables(variables);
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
