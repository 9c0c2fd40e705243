package io.partnerflow.app.contract.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import io.partnerflow.app.audit.AuditOrigin;

/**
 * Where a signature comes from, for its evidence: the client's address as the servlet container
 * sees it — the connecting address, or the forwarded client only when a forward-headers strategy is
 * configured (the same rule as the login throttle; a client cannot claim an address by sending
 * X-Forwarded-For) — and the browser's user agent.
 */
interface RequestOrigin {

  String clientAddress();

  String userAgent();

  /** The request being handled by Vaadin right now (the click on Sign). */
  static RequestOrigin current() {
    return new RequestOrigin() {
      @Override
      public String clientAddress() {
        return AuditOrigin.clientAddress();
      }

      @Override
      public String userAgent() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String header = request == null ? null : request.getHeader("User-Agent");
        if (header != null && !header.isBlank()) {
          return header;
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null
            ? null
            : session.getBrowser().getBrowserApplication();
      }
    };
  }
}
