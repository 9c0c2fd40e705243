package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.partnerflow.engine.command.CorrelateMessageCommand;
import io.partnerflow.engine.command.PublishMessageCommand;
import io.partnerflow.engine.problem.EngineException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/messages: publish (buffered for its time-to-live) and correlate (never buffered). */
@RestController
@RequestMapping("/v2/messages")
class MessageController {

  private final PublishMessageCommand publish;
  private final CorrelateMessageCommand correlate;

  MessageController(PublishMessageCommand publish, CorrelateMessageCommand correlate) {
    this.publish = publish;
    this.correlate = correlate;
  }

  @PostMapping("/publication")
  MessagePublicationResult publish(@RequestBody MessagePublicationRequest body) {
    String tenant = tenant(body.getTenantId());
    long key =
        publish.execute(
            new PublishMessageCommand.Request(
                required(body.getName()),
                correlationKey(body.getCorrelationKey()),
                body.getTimeToLive() == null ? 0 : body.getTimeToLive(),
                body.getMessageId(),
                body.getVariables(),
                tenant));
    return new MessagePublicationResult().messageKey(Keys.format(key)).tenantId(tenant);
  }

  @PostMapping("/correlation")
  MessageCorrelationResult correlate(@RequestBody MessageCorrelationRequest body) {
    String tenant = tenant(body.getTenantId());
    CorrelateMessageCommand.Result result =
        correlate.execute(
            new CorrelateMessageCommand.Request(
                required(body.getName()),
                correlationKey(body.getCorrelationKey()),
                body.getVariables(),
                tenant));
    return new MessageCorrelationResult()
        .messageKey(Keys.format(result.messageKey()))
        .processInstanceKey(Keys.format(result.processInstanceKey()))
        .tenantId(tenant);
  }

  private static String required(String name) {
    if (name == null || name.isBlank()) {
      throw EngineException.invalid("Expected a message name, but none given");
    }
    return name;
  }

  /** A message without correlation key matches subscriptions whose key evaluated to "". */
  private static String correlationKey(String correlationKey) {
    return correlationKey == null ? "" : correlationKey;
  }

  private static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DeploymentController.DEFAULT_TENANT : tenantId;
  }
}
