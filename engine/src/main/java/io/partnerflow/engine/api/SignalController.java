package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import io.partnerflow.engine.command.BroadcastSignalCommand;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/signals: broadcast a signal to everything that waits for it. */
@RestController
@RequestMapping("/v2/signals")
class SignalController {

  private final BroadcastSignalCommand broadcast;

  SignalController(BroadcastSignalCommand broadcast) {
    this.broadcast = broadcast;
  }

  @PostMapping("/broadcast")
  SignalBroadcastResult broadcast(@RequestBody SignalBroadcastRequest body) {
    String tenant =
        body.getTenantId() == null || body.getTenantId().isBlank()
            ? DeploymentController.DEFAULT_TENANT
            : body.getTenantId();
    long key = broadcast.execute(tenant, body.getSignalName(), body.getVariables());
    return new SignalBroadcastResult().signalKey(Keys.format(key)).tenantId(tenant);
  }
}
