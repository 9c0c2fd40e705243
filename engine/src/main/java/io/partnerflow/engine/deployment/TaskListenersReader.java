package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.partnerflow.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** zeebe:taskListeners of a Camunda user task (the Zeebe validators check the rest). */
@Component
class TaskListenersReader implements ElementSettingsReader<TaskListeners> {

  @Override
  public Class<TaskListeners> type() {
    return TaskListeners.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    ZeebeTaskListeners listeners = node.getSingleExtensionElement(ZeebeTaskListeners.class);
    return kind == ElementKind.USER_TASK
        && listeners != null
        && !listeners.getTaskListeners().isEmpty();
  }

  @Override
  public TaskListeners read(FlowNode node, DeploymentProblems problems) {
    List<Listener> result = new ArrayList<>();
    for (ZeebeTaskListener listener :
        node.getSingleExtensionElement(ZeebeTaskListeners.class).getTaskListeners()) {
      String retries =
          listener.getRetries() == null || listener.getRetries().isBlank()
              ? ZeebeTaskListener.DEFAULT_RETRIES
              : listener.getRetries();
      result.add(
          new Listener(
              eventType(listener),
              problems.checked(node, Expression.of(listener.getType())),
              problems.checked(node, Expression.of(retries))));
    }
    return new TaskListeners(List.copyOf(result));
  }

  private static String eventType(ZeebeTaskListener listener) {
    return switch (listener.getEventType()) {
      case create, creating -> TaskListeners.CREATING;
      case assignment, assigning -> TaskListeners.ASSIGNING;
      case update, updating -> TaskListeners.UPDATING;
      case complete, completing -> TaskListeners.COMPLETING;
      case cancel, canceling -> TaskListeners.CANCELING;
    };
  }
}
