package io.partnerflow.app.partner;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.partnerflow.app.partner.PartnerTestData.actAs;
import static io.partnerflow.app.partner.PartnerTestData.newPartner;
import static io.partnerflow.app.partner.PartnerTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasErrorParameter;
import io.partnerflow.app.partner.ui.MyOrganisationView;
import io.partnerflow.app.partner.ui.PartnerListView;
import io.partnerflow.app.partner.ui.PartnerView;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

@PartnerflowTest
class PartnerViewsTest {

  @Autowired ApplicationContext context;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
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
  void shouldListACreatedPartnerForTheManagerAndOpenItOnClick() {
    // given
    String name = unique("Listed");
    long id = createAsManager(name);
    KaribuSupport.login(context, "manager");
    UI.getCurrent().navigate(PartnerListView.class);

    // when
    _get(TextField.class, spec -> spec.withId("partner-search")).setValue(name);

    // then
    @SuppressWarnings("unchecked")
    Grid<Partner> grid = _get(Grid.class, spec -> spec.withId("partner-grid"));
    assertThat(GridKt._size(grid)).isEqualTo(1);
    assertThat(GridKt._get(grid, 0).id()).isEqualTo(id);

    // when
    GridKt._clickItem(grid, 0, 1, false, false, false, false);

    // then
    assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getText()).isEqualTo(name);
  }

  @Test
  void shouldFilterTheListByType() {
    // given
    String tag = unique("Typed");
    createAsManager(tag + " Reseller");
    KaribuSupport.login(context, "manager");
    UI.getCurrent().navigate(PartnerListView.class);
    _get(TextField.class, spec -> spec.withId("partner-search")).setValue(tag);
    @SuppressWarnings("unchecked")
    ComboBox<PartnerType> type = _get(ComboBox.class, spec -> spec.withId("partner-filter-type"));

    // when
    type.setValue(PartnerType.TECHNOLOGY);

    // then
    assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("partner-grid")))).isZero();
  }

  @Test
  void shouldRenderThePartnerPageWithContactsAndTimeline() {
    // given
    String name = unique("Rendered");
    long id = createAsManager(name);
    KaribuSupport.login(context, "manager");

    // when
    UI.getCurrent().navigate("partners/" + id);

    // then
    assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getText()).isEqualTo(name);
    assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("partner-contacts"))))
        .isEqualTo(1);
    assertThat(_find(ListItem.class))
        .singleElement()
        .satisfies(item -> assertThat(item.getText()).contains("Silver").contains("manager"));
  }

  @Test
  void shouldLetTheManagerChangeTheTierOnThePartnerPage() {
    // given
    long id = createAsManager(unique("Promoted"));
    KaribuSupport.login(context, "manager");
    UI.getCurrent().navigate("partners/" + id);
    @SuppressWarnings("unchecked")
    ComboBox<PartnerTier> tier = _get(ComboBox.class, spec -> spec.withId("partner-change-tier"));

    // when
    tier.setValue(PartnerTier.PLATINUM);
    _click(_get(Button.class, spec -> spec.withId("partner-save")));

    // then
    assertThat(partners.findById(id).orElseThrow().tier()).isEqualTo(PartnerTier.PLATINUM);
    assertThat(_find(ListItem.class)).hasSize(2);
  }

  @Test
  void shouldTakeAPartnerUserToTheirOwnOrganisation() {
    // given
    String name = unique("Mine");
    long id = createAsManager(name);
    String user = PartnerTestData.partnerUser(users, jdbc, id, "secret-4");
    PartnerTestData.agreementInForce(jdbc, id);
    KaribuSupport.login(context, user);

    // when
    UI.getCurrent().navigate(MyOrganisationView.class);

    // then
    assertThat(activeViews()).first().isInstanceOf(PartnerView.class);
    assertThat(_get(H2.class, spec -> spec.withId("partner-name")).getText()).isEqualTo(name);
    assertThat(_find(ComboBox.class, spec -> spec.withId("partner-change-tier"))).isEmpty();
  }

  @Test
  void shouldShowNotFoundToAPartnerUserForAnotherOrganisation() {
    // given
    long own = createAsManager(unique("Own page"));
    long other = createAsManager(unique("Foreign page"));
    String user = PartnerTestData.partnerUser(users, jdbc, own, "secret-5");
    PartnerTestData.agreementInForce(jdbc, own);
    KaribuSupport.login(context, user);

    // when
    UI.getCurrent().navigate("partners/" + other);

    // then
    assertThat(activeViews()).isNotEmpty().noneMatch(PartnerView.class::isInstance);
    assertThat(activeViews().get(0)).isInstanceOf(HasErrorParameter.class);
  }

  @Test
  void shouldKeepThePartnerListFromPartnerUsers() {
    // given
    KaribuSupport.login(context, "partner");

    // when
    UI.getCurrent().navigate("partners");

    // then
    assertThat(activeViews()).noneMatch(PartnerListView.class::isInstance);
  }

  private long createAsManager(String name) {
    actAs("manager", "ROLE_PARTNER_MANAGER");
    try {
      return partners.create(newPartner(name, PartnerType.RESELLER, PartnerTier.SILVER));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static List<HasElement> activeViews() {
    return UI.getCurrent().getInternals().getActiveRouterTargetsChain();
  }
}
