package io.partnerflow.app.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Spring Security's event publisher, publishing a failure event for every refused login: the
 * default one stays silent for exceptions it has no mapping for, such as the login throttle's
 * {@code LoginBlockedException}, and those attempts belong in the audit log too.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEventsConfiguration {

  @Bean
  DefaultAuthenticationEventPublisher authenticationEventPublisher(
      ApplicationEventPublisher publisher) {
    DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
    events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
    return events;
  }
}
