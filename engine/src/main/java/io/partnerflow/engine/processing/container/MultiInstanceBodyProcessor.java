package io.partnerflow.engine.processing.container;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.MultiInstanceDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MultiInstanceBehavior;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The multi-instance body (Camunda 8's MULTI_INSTANCE_BODY element instance): the container of a
 * multi-instance activity's inner instances, which run the activity itself as their children.
 * Activation evaluates the input collection (not a list: EXTRACT_VALUE_ERROR incident on the body)
 * and starts one inner instance per item — all at once (parallel) or the next when one completes
 * (sequential); an empty collection completes the body at once. Each completing inner instance
 * fills its slot of the output collection and is checked against the completion condition: when it
 * holds, the other inner instances are terminated and the body completes. Boundary events attach to
 * the body; terminating it terminates the inner instances first.
 */
@Component
class MultiInstanceBodyProcessor implements ElementProcessor {

  private final MultiInstanceBehavior multiInstance;

  MultiInstanceBodyProcessor(MultiInstanceBehavior multiInstance) {
    this.multiInstance = multiInstance;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.MULTI_INSTANCE_BODY;
  }

  @Override
  public void onActivate(ElementContext body) {
    MultiInstanceDefinition loop = body.element().settings(MultiInstanceDefinition.class);
    List<Object> items;
    try {
      items = multiInstance.inputCollection(loop, body.variables());
    } catch (ExpressionException e) {
      body.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    multiInstance.initOutputCollection(
        loop, body.key(), body.processInstance().key(), items.size());
    if (items.isEmpty()) {
      body.complete();
      return;
    }
    int count = loop.sequential() ? 1 : items.size();
    for (int loopCounter = 1; loopCounter <= count; loopCounter++) {
      activateInner(body, loop, items, loopCounter);
    }
  }

  @Override
  public void onChildCompleting(ElementContext inner) {
    ElementContext body = inner.flowScope();
    MultiInstanceDefinition loop = body.element().settings(MultiInstanceDefinition.class);
    if (loop.outputCollection() == null
        && loop.completionCondition() == null
        && !loop.sequential()) {
      return; // nothing to collect or decide: the body completes when no inner instance is left
    }
    int loopCounter = multiInstance.loopCounter(inner.variables());
    multiInstance.collectOutput(
        loop, inner.variables(), loopCounter, body.key(), body.processInstance().key());
    if (multiInstance.completionConditionMet(loop, inner.scopeChain(), body.instance())) {
      inner.terminateFlowScopeContent(); // the body completes once this instance has completed
      return;
    }
    if (loop.sequential()) {
      List<Object> items = multiInstance.inputCollection(loop, body.variables());
      if (loopCounter < items.size()) {
        activateInner(body, loop, items, loopCounter + 1);
      }
    }
  }

  @Override
  public void onComplete(ElementContext body) {
    MultiInstanceDefinition loop = body.element().settings(MultiInstanceDefinition.class);
    List<Long> chain = body.scopeChain();
    multiInstance.propagateOutputCollection(
        loop, body.key(), chain.subList(1, chain.size()), body.processInstance().key());
  }

  private void activateInner(
      ElementContext body, MultiInstanceDefinition loop, List<Object> items, int loopCounter) {
    body.activateChild(
        body.element().innerActivity(), multiInstance.loopVariables(loop, items, loopCounter));
  }
}
