package io.partnerflow.engine.autoconfigure;

import io.partnerflow.engine.api.ApiCredential;
import io.partnerflow.engine.api.ApiUnauthorized;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Secures {@code /v2/**} with HTTP Basic and only the engine's API credential.
 *
 * <p>The chain matches /v2 only and runs before the app's catch-all chain. Its authentication
 * manager lives inside the chain, so no global UserDetailsService, PasswordEncoder or
 * AuthenticationManager bean competes with the app's own.
 */
@Configuration(proxyBeanMethods = false)
class EngineSecurityConfiguration {

  @Bean
  ApiCredential engineApiCredential(EngineProperties properties) {
    return new ApiCredential(properties.getApi().getUsername(), properties.getApi().getPassword());
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain engineApiSecurityFilterChain(
      HttpSecurity http, ApiCredential credential, ApiUnauthorized unauthorized) throws Exception {
    http.securityMatcher("/v2/**")
        .authenticationManager(
            new ProviderManager(new ApiCredentialAuthenticationProvider(credential)))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    // async (long-poll) and error dispatches of an already authenticated request
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // a stateless API called by machines: no logout endpoint, no anonymous principal (a
        // request without a credential is answered 401 by the entry point all the same), no
        // servlet-API request wrapper - three filters fewer on every /v2 request
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> anonymous.disable())
        .servletApi(servletApi -> servletApi.disable())
        .httpBasic(
            basic -> basic.realmName(ApiUnauthorized.REALM).authenticationEntryPoint(unauthorized))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized));
    return http.build();
  }
}
