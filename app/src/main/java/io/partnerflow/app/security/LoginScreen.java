package io.partnerflow.app.security;

import com.vaadin.flow.component.Component;

/**
 * The login screen's class, supplied by {@code security.ui}: the security configuration needs it
 * for Vaadin's redirects, and this package depends on none of the views.
 */
public interface LoginScreen {

  Class<? extends Component> view();
}
