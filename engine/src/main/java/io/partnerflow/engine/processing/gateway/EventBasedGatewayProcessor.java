package io.partnerflow.engine.processing.gateway;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.deployment.TimerDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.SignalSubscriptionBehavior;
import io.partnerflow.engine.processing.behavior.TimerBehavior;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Waits for the first of the events after it (Camunda 8): activating the gateway opens the message
 * and signal subscriptions and schedules the timers of all of them, held by the gateway's element
 * instance and evaluated in its scope. The first event that occurs completes the gateway and takes
 * its flow: only that catch event gets an element instance, which completes at once
 * (TokenMachine#triggerEvent); the other subscriptions and timers are closed when the gateway
 * completes or is terminated.
 */
@Component
class EventBasedGatewayProcessor implements ElementProcessor {

  private final MessageSubscriptionBehavior subscriptions;
  private final TimerBehavior timers;
  private final SignalSubscriptionBehavior signals;

  EventBasedGatewayProcessor(
      MessageSubscriptionBehavior subscriptions,
      TimerBehavior timers,
      SignalSubscriptionBehavior signals) {
    this.subscriptions = subscriptions;
    this.timers = timers;
    this.signals = signals;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.EVENT_BASED_GATEWAY;
  }

  @Override
  public void onActivate(ElementContext context) {
    closeAll(context); // a retried activation (incident resolved) starts afresh
    try {
      for (ExecutableSequenceFlow flow : context.element().outgoing()) {
        ExecutableElement event = context.process().element(flow.targetId());
        MessageDefinition message = event.settings(MessageDefinition.class);
        if (message != null) {
          Optional<Map<String, Object>> buffered =
              subscriptions.openFor(
                  context.processInstance(),
                  context.key(),
                  event.id(),
                  message,
                  context.variables());
          if (buffered.isPresent()) {
            context.completeWithEvent(flow, buffered.get());
            return;
          }
        }
        TimerDefinition timer = event.settings(TimerDefinition.class);
        if (timer != null) {
          timers.schedule(
              context.processInstance(), context.key(), event.id(), timer, context.variables());
        }
        SignalDefinition signal = event.settings(SignalDefinition.class);
        if (signal != null) {
          signals.open(
              context.processInstance(), context.key(), event.id(), signal, context.variables());
        }
      }
    } catch (ExpressionException e) {
      closeAll(context);
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onComplete(ElementContext context) {
    closeAll(context);
  }

  @Override
  public void onTerminate(ElementContext context) {
    closeAll(context);
  }

  private void closeAll(ElementContext context) {
    subscriptions.close(context.key());
    timers.cancel(context.key());
    signals.close(context.key());
  }
}
