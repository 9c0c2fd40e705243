package io.partnerflow.app.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refused credentials on the embedded engine's {@code /v2} API, which checks HTTP Basic in its own
 * chain without Spring Security's events: a 401 to a request that carried a credential is a failed
 * login, recorded with the username it named (never the password).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
@ConditionalOnProperty(name = "partnerflow.engine.enabled", matchIfMissing = true)
class EngineApiLoginAudit extends OncePerRequestFilter {

  private final AuditLog auditLog;

  EngineApiLoginAudit(AuditLog auditLog) {
    this.auditLog = auditLog;
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
    chain.doFilter(request, response);
    String authorization = request.getHeader("Authorization");
    if (authorization != null && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      auditLog.recordAs(
          AuditOrigin.ANONYMOUS,
          request.getRemoteAddr(),
          AuditAction.LOGIN_FAILED,
          AuditSubject.user(basicUsername(authorization)),
          null,
          Map.of("reason", "engine API credential refused"));
    }
  }

  /** The username part of a Basic credential; empty when it is not one. */
  static String basicUsername(String authorization) {
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "";
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "" : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
