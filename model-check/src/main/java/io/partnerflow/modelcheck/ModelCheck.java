package io.partnerflow.modelcheck;

import java.util.List;

/**
 * The checks an engine applies when a BPMN resource is deployed, run without deploying it. An
 * engine that offers this promises that its deployment refuses a resource exactly when {@link
 * #check} finds a problem, with the same problems (the embedded engine's deployment calls the same
 * code). Stateless: it reads nothing the engine stores and changes nothing.
 *
 * <p>Only an engine in the same JVM can offer it; the app then finds it as a bean. Against a
 * Camunda 8 cluster there is none and the app applies Zeebe's design-time validators alone.
 */
public interface ModelCheck {

  /**
   * @param resourceName the name the resource would be deployed under (e.g. {@code x.bpmn})
   * @param content the BPMN XML
   * @return every problem deployment would report; empty when it would accept the resource
   */
  List<ElementProblem> check(String resourceName, byte[] content);
}
