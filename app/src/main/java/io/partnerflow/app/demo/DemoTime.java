package io.partnerflow.app.demo;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.base.DemoClock;
import java.time.Instant;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Moves the app's clock and the engine's clock together (the engine's through PUT /v2/clock, which
 * only the demo profile opens), and returns both to real time.
 */
@Component
@Profile("demo")
class DemoTime {

  private final DemoClock appClock;
  private final CamundaClient client;

  DemoTime(DemoClock appClock, CamundaClient client) {
    this.appClock = appClock;
    this.client = client;
  }

  void moveTo(Instant at) {
    client.newPinClockCommand().time(at).send().join();
    appClock.moveTo(at);
  }

  void restore() {
    appClock.reset();
    client.newResetClockCommand().send().join();
  }

  /** Real time, whatever the clocks read now. */
  Instant realNow() {
    return appClock.realInstant();
  }
}
