package io.partnerflow.app.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.HasErrorParameter;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.ui.UsersView;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Server-side access to views and services, independent of what the menu shows. */
@PartnerflowTest
class ViewAccessTest {

  @Autowired ApplicationContext context;
  @Autowired UserAccountService users;
  @Autowired PartnerService partners;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldLetAnAdministratorOpenTheUsersView() {
    // given
    KaribuSupport.login(context, "admin");

    // when
    UI.getCurrent().navigate(UsersView.class);

    // then
    _assertOne(UsersView.class);
    _assertOne(Grid.class);
  }

  @Test
  void shouldRefuseTheUsersViewToAPartnerWhoTypesItsAddress() {
    // given: a partner user past the portal gate (the gate alone would send them to the portal)
    PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    long partnerId =
        partners.create(
            PartnerTestData.newPartner(
                PartnerTestData.unique("Typist"), PartnerType.RESELLER, PartnerTier.SILVER));
    SecurityContextHolder.clearContext();
    String partnerUser = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-5");
    PartnerTestData.agreementInForce(jdbc, partnerId);
    KaribuSupport.login(context, partnerUser);

    // when
    UI.getCurrent().navigate("admin/users");

    // then: Vaadin's navigation access control showed an error view instead, on the server
    List<HasElement> shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
    assertThat(shown).isNotEmpty().noneMatch(UsersView.class::isInstance);
    assertThat(shown.get(0)).isInstanceOf(HasErrorParameter.class);
  }

  @Test
  void shouldRefuseTheUserListServiceToAPartner() {
    // given
    KaribuSupport.login(context, "partner");

    // then
    assertThatThrownBy(() -> users.findAll()).isInstanceOf(AccessDeniedException.class);
  }
}
