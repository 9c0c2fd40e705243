package io.partnerflow.app.audit;

import com.vaadin.flow.server.VaadinRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is acting on this thread, and from which address. */
public final class AuditOrigin {

  static final String SYSTEM = "system";
  static final String ANONYMOUS = "anonymous";

  private AuditOrigin() {}

  /** The logged-in user; "system" on a thread without a user (process workers, schedulers). */
  static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication.getName() == null) {
      return SYSTEM;
    }
    if (authentication instanceof AnonymousAuthenticationToken) {
      return ANONYMOUS;
    }
    return authentication.getName();
  }

  /** The client address of the request this thread serves, if it serves one. */
  public static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      return servlet.getRequest().getRemoteAddr();
    }
    // Vaadin's push connection runs outside Spring's request scope
    VaadinRequest vaadin = VaadinRequest.getCurrent();
    return vaadin == null ? null : vaadin.getRemoteAddr();
  }
}
