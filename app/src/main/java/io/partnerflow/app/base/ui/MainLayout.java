package io.partnerflow.app.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every logged-in view. The side navigation lists only the views the user's roles
 * may open ({@link MenuConfiguration} applies the same access rules as navigation); menu titles are
 * translation keys.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

  public MainLayout(
      AuthenticationContext authentication, ObjectProvider<LayoutHeaderItem> headerItems) {
    setPrimarySection(Section.DRAWER);
    addToDrawer(brand(), navigation());
    HorizontalLayout header = header(authentication);
    headerItems
        .orderedStream()
        .forEach(
            item -> item.create().ifPresent(component -> header.addComponentAsFirst(component)));
    addToNavbar(new DrawerToggle(), header);
  }

  private H1 brand() {
    H1 brand = new H1(getTranslation("app.name"));
    brand.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Padding.MEDIUM);
    return brand;
  }

  private SideNav navigation() {
    SideNav nav = new SideNav();
    nav.setId("main-navigation");
    for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
      SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
      if (entry.icon() != null) {
        item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
      }
      nav.addItem(item);
    }
    return nav;
  }

  private HorizontalLayout header(AuthenticationContext authentication) {
    Span user = new Span(authentication.getPrincipalName().orElse(""));
    user.setId("current-user");
    Button logout = new Button(getTranslation("action.logout"), event -> authentication.logout());
    logout.setId("logout");
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout header = new HorizontalLayout(user, new LanguageSwitch(), logout);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Horizontal.MEDIUM);
    return header;
  }
}
