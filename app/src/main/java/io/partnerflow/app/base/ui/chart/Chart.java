package io.partnerflow.app.base.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar, line or doughnut chart drawn by the vendored Chart.js ({@code vendor.lock}) from a {@link
 * ChartData}, with what a reader needs around it: a title, the same figures as a table (for screen
 * readers, and whoever prefers numbers), and exports as PNG (drawn by the browser from the canvas)
 * and CSV (written by the server from the data, never from the page).
 */
public class Chart extends Composite<Div> {

  static final String SCRIPT = "vendor/chart.js/4.6.1/dist/chart.umd.min.js";
  static final String CONNECTOR = "charts/charts.js";

  private final ChartData data;
  private final Div canvasBox = new Div();

  public Chart(String id, ChartData data) {
    this.data = data;
    Div root = getContent();
    root.setId(id);
    root.addClassName("pf-chart");
    H3 title = new H3(data.title());
    title.addClassName("pf-chart-title");
    root.add(title);
    if (data.empty()) {
      Paragraph empty = new Paragraph(root.getTranslation("chart.empty"));
      empty.addClassName("pf-chart-empty");
      root.add(empty);
      return;
    }
    canvasBox.addClassName("pf-chart-canvas");
    Element canvas = new Element("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", data.title());
    canvasBox.getElement().appendChild(canvas);
    root.add(canvasBox, toolbar(), table());
  }

  private HorizontalLayout toolbar() {
    Button png = new Button(getContent().getTranslation("chart.png"));
    png.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    png.addClassName("pf-chart-png");
    png.addClickListener(
        click ->
            canvasBox
                .getElement()
                .executeJs("window.partnerflowCharts.png(this, $0)", data.fileName() + ".png"));
    Anchor csv =
        new Anchor(
            DownloadHandler.fromInputStream(
                event ->
                    new DownloadResponse(
                        new ByteArrayInputStream(csv()),
                        data.fileName() + ".csv",
                        "text/csv; charset=UTF-8",
                        -1)),
            getContent().getTranslation("chart.csv"));
    csv.addClassName("pf-chart-csv");
    csv.getElement().setAttribute("download", true);
    HorizontalLayout tools = new HorizontalLayout(png, csv);
    tools.addClassName("pf-chart-tools");
    tools.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
    return tools;
  }

  /** The CSV file of this chart's data. */
  public byte[] csv() {
    return ChartCsv.of(data, getContent().getTranslation("chart.category"));
  }

  private Details table() {
    Element table = new Element("table");
    table.getClassList().add("pf-chart-table");
    Element head = new Element("tr");
    head.appendChild(cell("th", getContent().getTranslation("chart.category")));
    data.series().forEach(series -> head.appendChild(cell("th", series.name())));
    table.appendChild(new Element("thead").appendChild(head));
    Element body = new Element("tbody");
    for (int i = 0; i < data.labels().size(); i++) {
      Element row = new Element("tr");
      row.appendChild(cell("th", data.labels().get(i)).setAttribute("scope", "row"));
      for (ChartData.Series series : data.series()) {
        Double value = series.values().get(i);
        row.appendChild(cell("td", value == null ? "" : ChartNumbers.format(value)));
      }
      body.appendChild(row);
    }
    table.appendChild(body);
    Div holder = new Div();
    holder.getElement().appendChild(table);
    Details details = new Details(getContent().getTranslation("chart.table"), holder);
    details.addClassName("pf-chart-details");
    return details;
  }

  private static Element cell(String tag, String text) {
    Element cell = new Element(tag);
    cell.setText(text);
    return cell;
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    super.onAttach(attach);
    attach.getUI().getPage().addStyleSheet("context://charts/charts.css");
    attach.getUI().getPage().addJavaScript("context://" + SCRIPT);
    attach.getUI().getPage().addJavaScript("context://" + CONNECTOR);
    if (!data.empty()) {
      canvasBox
          .getElement()
          .executeJs("window.partnerflowCharts.draw(this, JSON.parse($0))", json());
    }
  }

  private String json() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("kind", data.kind().name());
    config.put("labels", data.labels());
    config.put(
        "series",
        data.series().stream()
            .map(series -> Map.of("name", series.name(), "values", series.values()))
            .toList());
    try {
      return new ObjectMapper().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  ChartData data() {
    return data;
  }

  static List<String> assets() {
    return List.of(SCRIPT, CONNECTOR);
  }
}
