package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.partnerflow.engine.expression.Expression;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * zeebe:assignmentDefinition, zeebe:taskSchedule, zeebe:priorityDefinition, zeebe:formDefinition
 * and zeebe:taskHeaders of a Camunda user task. What the engine would not honour (form bindings
 * other than "latest", form keys) is rejected rather than ignored.
 */
@Component
class UserTaskDefinitionReader implements ElementSettingsReader<UserTaskDefinition> {

  @Override
  public Class<UserTaskDefinition> type() {
    return UserTaskDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.USER_TASK;
  }

  @Override
  public UserTaskDefinition read(FlowNode node, DeploymentProblems problems) {
    ZeebeAssignmentDefinition assignment =
        node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority =
        node.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
    String formId = null;
    Expression externalReference = null;
    if (form != null) {
      if (notBlank(form.getFormKey())) {
        problems.add(
            node,
            "User task '%s' links a form by formKey, which the embedded engine does not support;"
                    .formatted(node.getId())
                + " deploy a .form and link it with formId");
      }
      if (form.getBindingType() != null && form.getBindingType() != ZeebeBindingType.latest) {
        problems.add(
            node,
            "User task '%s' binds its form by '%s'; the embedded engine only supports 'latest'"
                .formatted(node.getId(), form.getBindingType()));
      }
      formId = notBlank(form.getFormId()) ? form.getFormId().strip() : null;
      externalReference = checked(node, form.getExternalReference(), problems);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    Expression dueDate =
        schedule == null ? null : checkedDate(node, schedule.getDueDate(), "dueDate", problems);
    Expression followUpDate =
        schedule == null
            ? null
            : checkedDate(node, schedule.getFollowUpDate(), "followUpDate", problems);
    return new UserTaskDefinition(
        assignment == null ? null : checked(node, assignment.getAssignee(), problems),
        assignment == null ? null : checked(node, assignment.getCandidateGroups(), problems),
        assignment == null ? null : checked(node, assignment.getCandidateUsers(), problems),
        dueDate,
        followUpDate,
        priority == null ? null : checkedPriority(node, priority.getPriority(), problems),
        formId,
        externalReference,
        Map.copyOf(headers));
  }

  private static Expression checked(FlowNode node, String attribute, DeploymentProblems problems) {
    if (!notBlank(attribute)) {
      return null;
    }
    return problems.checked(node, Expression.of(attribute));
  }

  private static Expression checkedDate(
      FlowNode node, String attribute, String what, DeploymentProblems problems) {
    Expression expression = checked(node, attribute, problems);
    if (expression != null && !expression.feel()) {
      try {
        OffsetDateTime.parse(expression.source().strip());
      } catch (DateTimeParseException e) {
        problems.add(
            node,
            "Expected %s of user task '%s' to be an ISO 8601 date-time with offset, but was '%s'"
                .formatted(what, node.getId(), expression.source()));
      }
    }
    return expression;
  }

  private static Expression checkedPriority(
      FlowNode node, String attribute, DeploymentProblems problems) {
    Expression expression = checked(node, attribute, problems);
    if (expression != null && !expression.feel()) {
      boolean valid;
      try {
        int value = Integer.parseInt(expression.source().strip());
        valid = value >= 0 && value <= 100;
      } catch (NumberFormatException e) {
        valid = false;
      }
      if (!valid) {
        problems.add(
            node,
            "Expected priority of user task '%s' to be a number between 0 and 100, but was '%s'"
                .formatted(node.getId(), expression.source()));
      }
    }
    return expression;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
