package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.partnerflow.app.qbr.QuarterTarget;
import io.partnerflow.app.qbr.QuarterlyReview;
import java.math.BigDecimal;
import java.util.List;

/** Plan against actual of one quarter: new customers, revenue, certified people. */
class TargetsTable extends Grid<TargetsTable.Row> {

  record Row(String measure, String plan, String actual) {}

  TargetsTable(QuarterTarget target, QuarterlyReview.Actuals actuals) {
    addClassName("qbr-targets");
    addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    setAllRowsVisible(true);
    setWidth("34em");
    addColumn(Row::measure).setHeader(getTranslation("qbr.measure")).setFlexGrow(2);
    addColumn(Row::plan).setHeader(getTranslation("qbr.target"));
    addColumn(Row::actual).setHeader(getTranslation("qbr.actual"));
    setItems(
        List.of(
            new Row(
                getTranslation("qbr.measure.newCustomers"),
                String.valueOf(target.newCustomers()),
                value(actuals.newCustomers())),
            new Row(
                getTranslation("qbr.measure.revenue", target.currency()),
                target.revenue().toPlainString(),
                value(actuals.revenue())),
            new Row(
                getTranslation("qbr.measure.certifiedPeople"),
                String.valueOf(target.certifiedPeople()),
                value(actuals.certifiedPeople()))));
  }

  private String value(Object actual) {
    if (actual == null) {
      return getTranslation("qbr.unknown");
    }
    return actual instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(actual);
  }
}
