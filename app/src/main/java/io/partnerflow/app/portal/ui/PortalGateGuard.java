package io.partnerflow.app.portal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.portal.PortalGate;
import io.partnerflow.app.tasklist.ui.PortalTaskView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reroutes a partner user whose organisation has not signed its agreement from every logged-in page
 * to the portal's home, which shows the contract step. Open meanwhile: the home, the task view (the
 * signing task; the task service decides which tasks the user may open) and the colleagues page
 * (the main contact may name the signatory first). Public pages are not concerned.
 */
@Component
class PortalGateGuard implements VaadinServiceInitListener {

  private static final Set<Class<?>> OPEN_BEFORE_SIGNING =
      Set.of(PortalHomeView.class, PortalTaskView.class, ColleaguesView.class);

  private final PortalGate gate;

  PortalGateGuard(PortalGate gate) {
    this.gate = gate;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
  }

  private void check(BeforeEnterEvent event) {
    Class<?> target = event.getNavigationTarget();
    if (OPEN_BEFORE_SIGNING.contains(target) || !needsLogin(target)) {
      return;
    }
    if (gate.isClosedForCurrentUser()) {
      event.rerouteTo(PortalHomeView.class);
    }
  }

  private static boolean needsLogin(Class<?> target) {
    return target != null
        && !target.isAnnotationPresent(AnonymousAllowed.class)
        && (target.isAnnotationPresent(RolesAllowed.class)
            || target.isAnnotationPresent(PermitAll.class));
  }
}
