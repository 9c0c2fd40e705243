package io.partnerflow.app.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Browserless Vaadin (Karibu-Testing) on the real Spring context, with a logged-in user. */
public final class KaribuSupport {

  private static final Routes ROUTES = AppRoutes.discover();

  private KaribuSupport() {}

  public static void setUp(ApplicationContext context) {
    Function0<UI> uiFactory = UI::new;
    MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
  }

  /** Logs in as a user from the database, for Spring Security and for Vaadin's access checks. */
  public static void login(ApplicationContext context, String username) {
    UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    SecurityContextHolder.getContext().setAuthentication(authentication);
    Set<String> roles =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .map(authority -> authority.substring("ROLE_".length()))
            .collect(Collectors.toSet());
    FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
    request.setUserPrincipalInt(authentication);
    request.setUserInRole((principal, role) -> roles.contains(role));
  }

  public static void tearDown() {
    SecurityContextHolder.clearContext();
    MockVaadin.tearDown();
  }
}
