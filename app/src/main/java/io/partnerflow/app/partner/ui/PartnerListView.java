package io.partnerflow.app.partner.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.partnerflow.app.base.i18n.Countries;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerFilter;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerSort;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/** The partner directory: a lazy grid with search and filters; a click opens the partner. */
@Route("partners")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
@Menu(order = 20, title = "nav.partners", icon = "HANDSHAKE")
public class PartnerListView extends VerticalLayout implements HasDynamicTitle {

  private final PartnerService partners;
  private final Grid<Partner> grid = new Grid<>();
  private PartnerFilter filter = PartnerFilter.all();

  public PartnerListView(PartnerService partners) {
    this.partners = partners;
    setId("partner-list-view");
    setSizeFull();
    add(filters(), grid);
    configureGrid();
  }

  private HorizontalLayout filters() {
    TextField search = new TextField();
    search.setId("partner-search");
    search.setPlaceholder(getTranslation("partner.search"));
    search.setAriaLabel(getTranslation("partner.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(event -> refresh(filter.withText(event.getValue())));

    ComboBox<PartnerType> type = enumFilter("partner.field.type", PartnerType.values());
    type.setId("partner-filter-type");
    type.addValueChangeListener(event -> refresh(filter.withType(event.getValue())));
    ComboBox<PartnerTier> tier = enumFilter("partner.field.tier", PartnerTier.values());
    tier.setId("partner-filter-tier");
    tier.addValueChangeListener(event -> refresh(filter.withTier(event.getValue())));
    ComboBox<PartnerStatus> status = enumFilter("partner.field.status", PartnerStatus.values());
    status.setId("partner-filter-status");
    status.addValueChangeListener(event -> refresh(filter.withStatus(event.getValue())));

    ComboBox<String> country = new ComboBox<>(getTranslation("partner.field.country"));
    country.setId("partner-filter-country");
    Locale locale = getLocale();
    country.setItems(Countries.all(locale).stream().map(Countries.Country::code).toList());
    country.setItemLabelGenerator(code -> PartnerLabels.country(code, locale));
    country.setClearButtonVisible(true);
    country.addValueChangeListener(event -> refresh(filter.withCountry(event.getValue())));

    HorizontalLayout bar = new HorizontalLayout(search, type, tier, status, country);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    bar.setWrap(true);
    return bar;
  }

  @SafeVarargs
  private <E extends Enum<E>> ComboBox<E> enumFilter(String label, E... values) {
    ComboBox<E> box = new ComboBox<>(getTranslation(label));
    box.setItems(values);
    box.setItemLabelGenerator(value -> PartnerLabels.of(this, value));
    box.setClearButtonVisible(true);
    return box;
  }

  private void configureGrid() {
    grid.setId("partner-grid");
    grid.setSizeFull();
    grid.addColumn(Partner::name)
        .setHeader(getTranslation("partner.field.name"))
        .setSortProperty(PartnerSort.Field.NAME.name())
        .setFlexGrow(3);
    Locale locale = getLocale();
    grid.addColumn(partner -> PartnerLabels.country(partner.country(), locale))
        .setHeader(getTranslation("partner.field.country"))
        .setSortProperty(PartnerSort.Field.COUNTRY.name());
    grid.addColumn(partner -> PartnerLabels.of(this, partner.type()))
        .setHeader(getTranslation("partner.field.type"))
        .setSortProperty(PartnerSort.Field.TYPE.name());
    grid.addColumn(partner -> PartnerLabels.of(this, partner.tier()))
        .setHeader(getTranslation("partner.field.tier"))
        .setSortProperty(PartnerSort.Field.TIER.name());
    grid.addColumn(partner -> PartnerLabels.of(this, partner.status()))
        .setHeader(getTranslation("partner.field.status"))
        .setSortProperty(PartnerSort.Field.STATUS.name());
    grid.addColumn(Partner::ownerUsername)
        .setHeader(getTranslation("partner.field.owner"))
        .setSortProperty(PartnerSort.Field.OWNER.name());
    grid.addColumn(Partner::fitScore)
        .setHeader(getTranslation("partner.field.fitScore"))
        .setSortProperty(PartnerSort.Field.FIT_SCORE.name());
    grid.addColumn(partner -> PartnerLabels.dateTime(partner.createdAt(), locale))
        .setHeader(getTranslation("partner.field.createdAt"))
        .setSortProperty(PartnerSort.Field.CREATED_AT.name());
    grid.setItems(
        query ->
            partners
                .search(filter, sort(query.getSortOrders()), query.getOffset(), query.getLimit())
                .items()
                .stream(),
        query -> (int) partners.count(filter));
    grid.sort(GridSortOrder.asc(grid.getColumns().get(0)).build());
    grid.addItemClickListener(
        event ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            PartnerView.class,
                            new RouteParameters("id", String.valueOf(event.getItem().id())))));
  }

  private static List<PartnerSort> sort(List<QuerySortOrder> orders) {
    if (orders.isEmpty()) {
      return List.of(PartnerSort.byName());
    }
    return orders.stream()
        .map(
            order ->
                new PartnerSort(
                    PartnerSort.Field.valueOf(order.getSorted()),
                    order.getDirection() != SortDirection.DESCENDING))
        .toList();
  }

  private void refresh(PartnerFilter changed) {
    filter = changed;
    grid.getDataProvider().refreshAll();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.partners") + " | " + getTranslation("app.name");
  }
}
