package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;

/**
 * Reads the BPMN settings of one concern (job definition, later user task assignment, timer
 * definition, message subscription, ...) into an immutable record attached to the element, where
 * its processor finds it with {@link ExecutableElement#settings(Class)}. Each reader is a Spring
 * component; adding one needs no change to the transformer.
 *
 * @param <S> the settings record
 */
public interface ElementSettingsReader<S> {

  Class<S> type();

  /** Whether elements of this kind carry these settings. */
  boolean appliesTo(ElementKind kind, FlowNode node);

  /** Reads the settings; reports what is wrong to {@code problems} instead of throwing. */
  S read(FlowNode node, DeploymentProblems problems);
}
