package io.partnerflow.engine.scenario;

import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Variable;
import java.util.List;

/**
 * Scenario tests of containers, errors and boundary events: the element history as the client's
 * element-instance search shows it, and the variables of one scope.
 */
abstract class ScopeScenarioTest extends ClockDrivenScenarioTest {

  /** "elementId STATE" of every element instance of the instance, in the order they started. */
  protected List<String> history(long processInstanceKey) {
    return elementInstances(processInstanceKey).stream()
        .map(e -> e.getElementId() + " " + e.getState())
        .toList();
  }

  protected List<ElementInstance> elementInstances(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  protected ElementInstance elementInstance(long processInstanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .singleItem();
  }

  /** name → JSON text of the variables stored on one scope (element instance or process). */
  protected java.util.Map<String, String> variablesOf(long scopeKey) {
    java.util.Map<String, String> values = new java.util.TreeMap<>();
    for (Variable v :
        client.newVariableSearchRequest().filter(f -> f.scopeKey(scopeKey)).send().join().items()) {
      values.put(v.getName(), v.getValue());
    }
    return values;
  }
}
