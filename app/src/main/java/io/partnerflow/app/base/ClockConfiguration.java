package io.partnerflow.app.base;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * One clock for the app's own time decisions, so tests can fix time. Production runs on the system
 * clock; the demo profile's clock can be moved (the demo history sets it back a year).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  @Profile("!demo")
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  @Profile("demo")
  DemoClock demoClock() {
    return new DemoClock(Clock.systemDefaultZone());
  }

  /** Screens and e-mails show times in the clock's zone, whichever clock the context holds. */
  @Bean
  InitializingBean displayZoneFollowsClock(Clock clock) {
    return () -> DisplayZone.follow(clock);
  }
}
