package io.partnerflow.app.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.base.i18n.Countries;
import io.partnerflow.app.base.ui.chart.ChartNumbers;
import io.partnerflow.app.dashboard.ChannelDashboard;
import io.partnerflow.app.dashboard.ChannelDashboardService;
import io.partnerflow.app.dashboard.ChannelFilter;
import io.partnerflow.app.partner.PartnerType;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channel at a glance for the partner managers' team leads and the administrators: the
 * recruitment funnel, stage times, SLA breaches, partners by tier and country, certification
 * coverage. The filter lives in the address ({@code ?from=&to=&country=&type=&manager=}), so a view
 * can be bookmarked and shared; a partner manager who is not a team lead is refused on the server.
 */
@Route("dashboard/channel")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER"})
class ChannelDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final ChannelDashboardService dashboards;
  private final Clock clock;
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final ComboBox<Countries.Country> country = new ComboBox<>();
  private final Select<PartnerType> type = new Select<>();
  private final ComboBox<String> manager = new ComboBox<>();
  private final Div content = new Div();
  private boolean filling;

  public ChannelDashboardView(ChannelDashboardService dashboards, Clock clock) {
    this.dashboards = dashboards;
    this.clock = clock;
    setId("channel-dashboard");
    setWidthFull();
    content.setWidthFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!dashboards.mayRead()) {
      event.rerouteToError(NotFoundException.class, getTranslation("dashboard.channel.refused"));
      return;
    }
    ChannelFilter filter = filterOf(event.getLocation().getQueryParameters());
    removeAll();
    add(new H2(getTranslation("dashboard.channel.title")), filters(filter), content);
    show(filter);
  }

  private ChannelFilter filterOf(QueryParameters parameters) {
    ChannelFilter defaults = ChannelFilter.lastYear(LocalDate.now(clock));
    LocalDate start = day(parameters, "from").orElse(defaults.from());
    LocalDate end = day(parameters, "to").orElse(defaults.to());
    if (end.isBefore(start)) {
      start = defaults.from();
      end = defaults.to();
    }
    String countryCode =
        parameters.getSingleParameter("country").filter(Countries::isKnown).orElse(null);
    PartnerType partnerType =
        parameters.getSingleParameter("type").flatMap(ChannelDashboardView::typeOf).orElse(null);
    String owner = parameters.getSingleParameter("manager").orElse(null);
    return new ChannelFilter(start, end, countryCode, partnerType, owner);
  }

  private static Optional<LocalDate> day(QueryParameters parameters, String name) {
    try {
      return parameters.getSingleParameter(name).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<PartnerType> typeOf(String text) {
    try {
      return Optional.of(PartnerType.valueOf(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private FlexLayout filters(ChannelFilter filter) {
    filling = true;
    from.setLabel(getTranslation("dashboard.filter.from"));
    from.setId("dashboard-from");
    to.setLabel(getTranslation("dashboard.filter.to"));
    to.setId("dashboard-to");
    from.setValue(filter.from());
    to.setValue(filter.to());
    country.setLabel(getTranslation("dashboard.filter.country"));
    country.setId("dashboard-country");
    country.setClearButtonVisible(true);
    List<Countries.Country> countries = Countries.all(getLocale());
    country.setItems(countries);
    country.setItemLabelGenerator(Countries.Country::name);
    country.setValue(
        countries.stream().filter(c -> c.code().equals(filter.country())).findFirst().orElse(null));
    type.setLabel(getTranslation("dashboard.filter.type"));
    type.setId("dashboard-type");
    type.setEmptySelectionAllowed(true);
    type.setEmptySelectionCaption(getTranslation("dashboard.filter.all"));
    type.setItems(PartnerType.values());
    type.setItemLabelGenerator(
        value ->
            value == null
                ? getTranslation("dashboard.filter.all")
                : getTranslation("partner.type." + value.name()));
    type.setValue(filter.type());
    manager.setLabel(getTranslation("dashboard.filter.manager"));
    manager.setId("dashboard-manager");
    manager.setClearButtonVisible(true);
    manager.setItems(dashboards.managers());
    manager.setValue(filter.manager());
    filling = false;
    from.addValueChangeListener(change -> apply());
    to.addValueChangeListener(change -> apply());
    country.addValueChangeListener(change -> apply());
    type.addValueChangeListener(change -> apply());
    manager.addValueChangeListener(change -> apply());
    FlexLayout bar = new FlexLayout(from, to, country, type, manager);
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.getStyle().set("gap", "var(--lumo-space-m)");
    bar.setId("dashboard-filters");
    return bar;
  }

  /** Puts the filter in the address; navigating there shows it. */
  private void apply() {
    if (filling || from.getValue() == null || to.getValue() == null) {
      return;
    }
    if (to.getValue().isBefore(from.getValue())) {
      to.setInvalid(true);
      to.setErrorMessage(getTranslation("dashboard.filter.endBeforeStart"));
      return;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("from", from.getValue().toString());
    parameters.put("to", to.getValue().toString());
    if (country.getValue() != null) {
      parameters.put("country", country.getValue().code());
    }
    if (type.getValue() != null) {
      parameters.put("type", type.getValue().name());
    }
    if (manager.getValue() != null) {
      parameters.put("manager", manager.getValue());
    }
    UI.getCurrent().navigate("dashboard/channel", QueryParameters.simple(parameters));
  }

  private void show(ChannelFilter filter) {
    content.removeAll();
    ChannelDashboard dashboard = dashboards.load(filter);
    ChannelCharts charts = new ChannelCharts(this, dashboard, getLocale());
    Div figures = new Div();
    figures.addClassName("pf-figures");
    figures.add(
        new Figure(
            "dashboard-applications",
            ChartNumbers.format(dashboard.funnel().get(0).count()),
            getTranslation("dashboard.channel.applications"),
            false),
        new Figure(
            "dashboard-active",
            ChartNumbers.format(dashboard.funnel().get(dashboard.funnel().size() - 1).count()),
            getTranslation("dashboard.channel.activated"),
            false),
        new Figure(
            "dashboard-overdue-reviews",
            ChartNumbers.format(dashboard.breaches().reviews()),
            getTranslation("dashboard.sla.reviews"),
            dashboard.breaches().reviews() > 0),
        new Figure(
            "dashboard-overdue-signatures",
            ChartNumbers.format(dashboard.breaches().signatures()),
            getTranslation("dashboard.sla.signatures"),
            dashboard.breaches().signatures() > 0));
    Div grid = new Div();
    grid.addClassName("pf-dashboard-grid");
    grid.add(
        charts.funnel(),
        charts.conversion(),
        charts.stageTimes(),
        charts.breaches(),
        charts.byTier(),
        charts.byCountry(),
        charts.coverage());
    Paragraph note = new Paragraph(getTranslation("dashboard.channel.note"));
    note.addClassName("pf-chart-empty");
    content.add(figures, grid, note);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("dashboard.channel.title") + " | " + getTranslation("app.name");
  }
}
