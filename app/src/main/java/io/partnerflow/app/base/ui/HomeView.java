package io.partnerflow.app.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/** Start page of every logged-in user: who they are and what they can do here. */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.home", icon = "HOME")
class HomeView extends VerticalLayout implements HasDynamicTitle {

  public HomeView(AuthenticationContext authentication) {
    setId("home-view");
    String name = authentication.getPrincipalName().orElse("");
    add(new H2(getTranslation("home.welcome", name)));
    String roles =
        authentication
            .getAuthenticatedUser(org.springframework.security.core.userdetails.UserDetails.class)
            .map(
                user ->
                    user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(authority -> getTranslation("role." + authority.substring(5)))
                        .sorted()
                        .collect(Collectors.joining(", ")))
            .orElse("");
    add(new Paragraph(getTranslation("home.roles", roles)));
    add(new Paragraph(getTranslation("home.intro")));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.home") + " | " + getTranslation("app.name");
  }
}
