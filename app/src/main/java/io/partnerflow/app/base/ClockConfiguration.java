package io.partnerflow.app.base;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the app's own time decisions, so tests can fix time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  /** Screens and e-mails show times in the clock's zone, whichever clock the context holds. */
  @Bean
  InitializingBean displayZoneFollowsClock(Clock clock) {
    return () -> DisplayZone.follow(clock);
  }
}
