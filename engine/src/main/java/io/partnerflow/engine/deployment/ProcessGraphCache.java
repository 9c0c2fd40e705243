package io.partnerflow.engine.deployment;

import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Executable graphs by process definition key; deployed definitions never change. */
@Component
public class ProcessGraphCache {

  private final Map<Long, ExecutableProcess> graphs = new ConcurrentHashMap<>();
  private final ProcessDefinitionRepository definitions;
  private final BpmnResourceParser parser;

  public ProcessGraphCache(ProcessDefinitionRepository definitions, BpmnResourceParser parser) {
    this.definitions = definitions;
    this.parser = parser;
  }

  public ExecutableProcess get(long processDefinitionKey) {
    return graphs.computeIfAbsent(
        processDefinitionKey,
        key -> {
          ProcessDefinitionRecord definition =
              definitions
                  .findByKey(key)
                  .orElseThrow(() -> new IllegalStateException("No process definition " + key));
          String xml = definitions.findXml(key).orElseThrow();
          return parser.reload(xml, definition.bpmnProcessId());
        });
  }

  /** A freshly deployed graph, so the first instance does not parse the XML again. */
  public void put(long processDefinitionKey, ExecutableProcess process) {
    graphs.put(processDefinitionKey, process);
  }
}
