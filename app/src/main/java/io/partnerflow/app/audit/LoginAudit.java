package io.partnerflow.app.audit;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logins from Spring Security's authentication events: every failure (form login and HTTP Basic on
 * the actuator), and each successful form login. A successful HTTP Basic call is not a login worth
 * a line each time a metrics scraper calls; its failures are. The password is never recorded.
 */
@Component
class LoginAudit {

  private final AuditLog auditLog;

  LoginAudit(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @EventListener
  void succeeded(InteractiveAuthenticationSuccessEvent event) {
    Authentication authentication = event.getAuthentication();
    auditLog.recordAs(
        authentication.getName(),
        address(authentication),
        AuditAction.LOGIN_SUCCEEDED,
        AuditSubject.user(authentication.getName()),
        null,
        null);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    // the name as typed, whether such an account exists or not
    String typed = attempt.getName() == null ? "" : attempt.getName();
    auditLog.recordAs(
        AuditOrigin.ANONYMOUS,
        address(attempt),
        AuditAction.LOGIN_FAILED,
        AuditSubject.user(typed),
        null,
        Map.of("reason", event.getException().getClass().getSimpleName()));
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : AuditOrigin.clientAddress();
  }
}
