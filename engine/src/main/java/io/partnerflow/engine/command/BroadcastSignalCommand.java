package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.KeyGenerator;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/signals/broadcast: triggers everything that waits for the signal in one transaction
 * (SignalBroadcaster) and answers with the signal's key. A signal is not buffered: nothing that
 * subscribes later takes it.
 */
@Component
public class BroadcastSignalCommand {

  private final SignalBroadcaster broadcaster;
  private final KeyGenerator keys;

  public BroadcastSignalCommand(SignalBroadcaster broadcaster, KeyGenerator keys) {
    this.broadcaster = broadcaster;
    this.keys = keys;
  }

  /** Returns the signal key. */
  @Transactional
  public long execute(String tenantId, String signalName, Map<String, Object> variables) {
    if (signalName == null || signalName.isBlank()) {
      throw EngineException.invalid("No signalName provided.");
    }
    long signalKey = keys.next();
    broadcaster.broadcast(tenantId, signalName, variables == null ? Map.of() : variables);
    return signalKey;
  }
}
