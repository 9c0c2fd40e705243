package io.partnerflow.app.security.throttle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link LoginThrottle} for HTTP Basic on the embedded engine's {@code /v2}: a wrong credential
 * counts against the client address, and a blocked address gets 429 before any credential is
 * checked. Only the address is counted — the API has one credential, and locking it would stop the
 * platform — and the platform's own client (the credential it was configured with) is never
 * blocked, even when a proxy makes everybody share its address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
@ConditionalOnProperty(name = "partnerflow.engine.enabled", matchIfMissing = true)
class EngineApiThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final Environment environment;
  private final Clock clock;

  EngineApiThrottleFilter(LoginThrottle throttle, Environment environment, Clock clock) {
    this.throttle = throttle;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/v2/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || isPlatformClient(authorization)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Instant> blocked = throttle.blockedUntil(null, address);
    if (blocked.isPresent()) {
      tooMany(request, response, blocked.get());
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(null, address);
    }
  }

  /** Compared in constant time, as the engine compares it. */
  private boolean isPlatformClient(String authorization) {
    String username = environment.getProperty("camunda.client.auth.username");
    String password = environment.getProperty("camunda.client.auth.password");
    if (username == null || password == null) {
      return false;
    }
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8),
        authorization.strip().getBytes(StandardCharsets.UTF_8));
  }

  private void tooMany(HttpServletRequest request, HttpServletResponse response, Instant until)
      throws IOException {
    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            ("{\"type\":\"about:blank\",\"title\":\"TOO_MANY_REQUESTS\",\"status\":429,"
                    + "\"detail\":\"Too many failed logins from this address; try again in %d"
                    + " seconds\",\"instance\":\"%s\"}")
                .formatted(seconds, request.getRequestURI().replace("\"", "")));
  }
}
