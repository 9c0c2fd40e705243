package io.partnerflow.app.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.partnerflow.app.audit.AuditTestData.actAs;
import static io.partnerflow.app.audit.AuditTestData.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditEntry;
import io.partnerflow.app.audit.AuditLinks;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.partner.ui.PartnerView;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

@PartnerflowTest
class AuditLogViewTest {

  @Autowired ApplicationContext context;
  @Autowired AuditLog auditLog;
  @Autowired PartnerService partners;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldOpenFilteredByThePartnerOfTheLinkAndShowBeforeAndAfter() {
    // given
    long partner = uniqueKey();
    long instance = uniqueKey();
    actAs("manager", "ROLE_PARTNER_MANAGER");
    auditLog.record(
        AuditAction.PARTNER_CHANGED,
        AuditSubject.partner(partner),
        Map.of("tier", "SILVER"),
        Map.of("tier", "GOLD"));
    auditLog.record(
        AuditAction.TASK_COMPLETED,
        AuditSubject.task(uniqueKey(), partner, instance),
        null,
        Map.of("approved", true));
    auditLog.record(AuditAction.PARTNER_CHANGED, AuditSubject.partner(uniqueKey()), "x", "y");
    KaribuSupport.login(context, "admin");

    // when
    UI.getCurrent()
        .navigate(AuditLinks.ROUTE, QueryParameters.of("partner", Long.toString(partner)));

    // then: only that partner's entries, newest first, the change readable in one line
    Grid<AuditEntry> grid = grid();
    List<AuditEntry> rows = GridKt._fetch(grid, 0, 50);
    assertThat(rows)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.TASK_COMPLETED, AuditAction.PARTNER_CHANGED);
    assertThat(GridKt._getFormattedRow(grid, rows.get(1)))
        .contains("tier: SILVER → tier: GOLD", "manager");
    assertThat(_get(TextField.class, spec -> spec.withId("audit-filter-partner")).getValue())
        .isEqualTo(Long.toString(partner));

    // when
    grid.select(rows.get(1));

    // then
    assertThat(_get(H3.class, spec -> spec.withId("audit-detail-title")).getText())
        .isEqualTo("Partner changed · Partner " + partner);
    assertThat(_get(Pre.class, spec -> spec.withId("audit-detail-before")).getText())
        .contains("\"tier\" : \"SILVER\"");
    assertThat(_get(Pre.class, spec -> spec.withId("audit-detail-after")).getText())
        .contains("\"tier\" : \"GOLD\"");

    // when: narrowed further by action, then by the process instance of a link
    @SuppressWarnings("unchecked")
    ComboBox<AuditAction> action = _get(ComboBox.class, spec -> spec.withId("audit-filter-action"));
    action.setValue(AuditAction.PARTNER_CHANGED);
    assertThat(GridKt._fetch(grid, 0, 50)).hasSize(1);
    UI.getCurrent()
        .navigate(AuditLinks.ROUTE, QueryParameters.of("instance", Long.toString(instance)));
    assertThat(GridKt._fetch(grid(), 0, 50))
        .singleElement()
        .satisfies(entry -> assertThat(entry.action()).isEqualTo(AuditAction.TASK_COMPLETED));
  }

  @Test
  void shouldMarkANonNumericPartnerAndKeepTheLastFilterAndTheInput() {
    // given
    KaribuSupport.login(context, "admin");
    UI.getCurrent()
        .navigate(AuditLinks.ROUTE, QueryParameters.of("partner", Long.toString(uniqueKey())));
    TextField partner = _get(TextField.class, spec -> spec.withId("audit-filter-partner"));

    // when
    partner.setValue("forty-two");

    // then: the field says why, keeps what was typed, and the grid still shows the last filter
    assertThat(partner.isInvalid()).isTrue();
    assertThat(partner.getErrorMessage()).isEqualTo("Enter a number, e.g. 4242");
    assertThat(partner.getValue()).isEqualTo("forty-two");
    assertThat(GridKt._fetch(grid(), 0, 50)).isEmpty();
  }

  @Test
  void shouldSpeakChinese() {
    // given
    KaribuSupport.login(context, "admin");
    UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

    // when
    UI.getCurrent().navigate(AuditLinks.ROUTE);

    // then
    assertThat(_get(Anchor.class, spec -> spec.withId("audit-export")).getText())
        .isEqualTo("导出为 CSV");
    assertThat(_get(TextField.class, spec -> spec.withId("audit-filter-actor")).getLabel())
        .isEqualTo("操作人");
  }

  @Test
  void shouldLinkThePartnerPageToItsHistoryForAdministratorsOnly() {
    // given
    actAs("manager", "ROLE_PARTNER_MANAGER");
    long id =
        partners.create(
            PartnerTestData.newPartner(
                PartnerTestData.unique("History Co"), PartnerType.RESELLER, PartnerTier.GOLD));
    SecurityContextHolder.clearContext();

    // when
    KaribuSupport.login(context, "admin");
    UI.getCurrent()
        .navigate(
            PartnerView.class, new com.vaadin.flow.router.RouteParameters("id", Long.toString(id)));

    // then
    assertThat(_get(Anchor.class, spec -> spec.withId("partner-audit-history")).getHref())
        .isEqualTo("operations/audit?partner=" + id);

    // when
    KaribuSupport.tearDown();
    KaribuSupport.setUp(context);
    KaribuSupport.login(context, "manager");
    UI.getCurrent()
        .navigate(
            PartnerView.class, new com.vaadin.flow.router.RouteParameters("id", Long.toString(id)));

    // then
    assertThat(_find(Anchor.class, spec -> spec.withId("partner-audit-history"))).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Grid<AuditEntry> grid() {
    return _get(Grid.class, spec -> spec.withId("audit-grid"));
  }
}
