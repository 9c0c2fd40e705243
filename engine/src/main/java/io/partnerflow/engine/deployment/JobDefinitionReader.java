package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.partnerflow.engine.expression.Expression;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** zeebe:taskDefinition (type, retries; static or FEEL) and zeebe:taskHeaders. */
@Component
class JobDefinitionReader implements ElementSettingsReader<JobDefinition> {

  @Override
  public Class<JobDefinition> type() {
    return JobDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null;
  }

  @Override
  public JobDefinition read(FlowNode node, DeploymentProblems problems) {
    ZeebeTaskDefinition task = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    Expression type = problems.checked(node, Expression.of(task.getType()));
    String retries =
        task.getRetries() == null ? ZeebeTaskDefinition.DEFAULT_RETRIES : task.getRetries();
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return new JobDefinition(
        type, problems.checked(node, Expression.of(retries)), Map.copyOf(headers));
  }
}
