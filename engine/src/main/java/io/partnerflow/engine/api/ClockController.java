package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.ClockPinRequest;
import io.partnerflow.engine.command.ClockCommand;
import io.partnerflow.engine.problem.EngineException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * /v2/clock: pin the engine clock at an instant (epoch ms) or reset it to the system clock. A
 * pinned clock fires timers at will, so both are refused (403) unless {@code
 * partnerflow.engine.clock.enabled} is true (tests).
 */
@RestController
@RequestMapping("/v2/clock")
class ClockController {

  private final ClockCommand clock;
  private final boolean enabled;

  ClockController(
      ClockCommand clock, @Value("${partnerflow.engine.clock.enabled:false}") boolean enabled) {
    this.clock = clock;
    this.enabled = enabled;
  }

  @PutMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void pin(@RequestBody ClockPinRequest body) {
    requireEnabled();
    clock.pin(body.getTimestamp());
  }

  /** The client posts an empty body. */
  @PostMapping("/reset")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset() {
    requireEnabled();
    clock.reset();
  }

  private void requireEnabled() {
    if (!enabled) {
      throw EngineException.forbidden(
          "The engine clock cannot be moved here (partnerflow.engine.clock.enabled is false)");
    }
  }
}
