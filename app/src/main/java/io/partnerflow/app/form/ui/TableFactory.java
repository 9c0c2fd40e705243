package io.partnerflow.app.form.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * table: read-only rows from {@code dataSource} (a variable's name or a FEEL expression giving a
 * list of objects), with the {@code columns} the schema names ({@code {label, key}}); a row that is
 * not an object, or a value that is not there, shows empty. Values are text, never markup.
 */
final class TableFactory implements ElementFactory {

  /** Rows shown at most: a table in a form is a summary, not a report. */
  static final int MAX_ROWS = 500;

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.TABLE);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Div box = new Div();
    box.addClassName("form-table");
    box.setWidthFull();
    String label = context.labels().label(component);
    if (label != null && !label.isBlank()) {
      box.add(new H4(label));
    }
    Grid<Map<?, ?>> grid = new Grid<>();
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    for (JsonNode column : component.properties().path("columns")) {
      String key = column.path("key").asText("");
      String header = context.labels().column(component, key, column.path("label").asText(key));
      grid.addColumn(row -> text(row.get(key))).setHeader(header).setAutoWidth(true);
    }
    if (component.id() != null) {
      grid.setId("form-table-" + component.id());
    }
    Span empty = new Span(context.message("form.table.empty"));
    box.add(grid, empty);
    TableElement element = new TableElement(component, box, grid, empty);
    element.apply(context.state());
    return element;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static final class TableElement implements FormElement {

    private final FormComponent definition;
    private final Div box;
    private final Grid<Map<?, ?>> grid;
    private final Span empty;
    private List<Map<?, ?>> shown;

    TableElement(FormComponent definition, Div box, Grid<Map<?, ?>> grid, Span empty) {
      this.definition = definition;
      this.box = box;
      this.grid = grid;
      this.empty = empty;
    }

    @Override
    public FormComponent definition() {
      return definition;
    }

    @Override
    public Component component() {
      return box;
    }

    @Override
    public void apply(FormState state) {
      FormElement.super.apply(state);
      List<Map<?, ?>> rows = rows(state);
      if (Objects.equals(rows, shown)) {
        return;
      }
      shown = rows;
      grid.setItems(rows);
      grid.setVisible(!rows.isEmpty());
      empty.setVisible(rows.isEmpty());
    }

    private List<Map<?, ?>> rows(FormState state) {
      String source = definition.text("dataSource");
      Object data =
          source == null || source.startsWith("=")
              ? DynamicSource.value(source, state)
              : state.context().get(source);
      List<Map<?, ?>> rows = new ArrayList<>();
      if (data instanceof Collection<?> entries) {
        for (Object entry : entries) {
          if (rows.size() == MAX_ROWS) {
            break;
          }
          rows.add(entry instanceof Map<?, ?> map ? map : Map.of());
        }
      }
      return rows;
    }
  }
}
