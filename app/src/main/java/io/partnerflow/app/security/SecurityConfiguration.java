package io.partnerflow.app.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import io.partnerflow.app.security.throttle.LoginThrottle;
import io.partnerflow.app.security.throttle.ThrottledAuthenticationProvider;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two filter chains: the actuator (health open for load balancers, the rest for ADMIN over HTTP
 * Basic) and the Vaadin UI (form login, Vaadin's CSRF handling, view access by annotations). The
 * engine's {@code /v2} API brings its own chain with a higher precedence.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true, jsr250Enabled = true)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new Bcrypt72PasswordEncoder();
  }

  /**
   * The one username/password check of the app (form login, HTTP Basic on the actuator), behind the
   * login throttle. Being the only provider bean, it replaces Spring's default one.
   */
  @Bean
  AuthenticationProvider authenticationProvider(
      UserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(passwordEncoder);
    return new ThrottledAuthenticationProvider(passwords, throttle);
  }

  @Bean
  @Order(10)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    // scrapers get a Basic challenge or a plain 403, never the UI's login page: the status is
    // written directly because an error dispatch would pass through the UI's chain
    AuthenticationEntryPoint challenge =
        (request, response, exception) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"Partnerflow\"");
          response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                    .permitAll()
                    .anyRequest()
                    .hasRole(Role.ADMIN.name()))
        .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(challenge)
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // read-only GET endpoints, no browser session involved
        .headers(SecurityHeaders.all())
        .build();
  }

  /** Every UI session by account, so that setting a password can end the account's sessions. */
  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Tells the session registry when a session ends. */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  @Bean
  @Order(100)
  SecurityFilterChain uiSecurity(HttpSecurity http, SessionRegistry sessions, LoginScreen login)
      throws Exception {
    http.sessionManagement(
        session ->
            session
                .sessionFixation()
                .changeSessionId()
                // no limit per account; the registry only lets a password change end them
                .maximumSessions(-1)
                .sessionRegistry(sessions));
    http.headers(SecurityHeaders.all());
    http.with(vaadin(), vaadin -> vaadin.loginView(login.view()));
    return http.build();
  }
}
