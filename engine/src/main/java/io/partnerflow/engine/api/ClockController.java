package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.ClockPinRequest;
import io.partnerflow.engine.command.ClockCommand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** /v2/clock: pin the engine clock at an instant (epoch ms) or reset it to the system clock. */
@RestController
@RequestMapping("/v2/clock")
class ClockController {

  private final ClockCommand clock;

  ClockController(ClockCommand clock) {
    this.clock = clock;
  }

  @PutMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void pin(@RequestBody ClockPinRequest body) {
    clock.pin(body.getTimestamp());
  }

  /** The client posts an empty body. */
  @PostMapping("/reset")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset() {
    clock.reset();
  }
}
