package io.partnerflow.app.plan.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.plan.ActivityKind;
import io.partnerflow.app.plan.PlanContent;
import io.partnerflow.app.plan.PlanSection;
import io.partnerflow.app.plan.PlannedActivity;
import io.partnerflow.app.plan.QuarterTarget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The plan's fields in four sections (objectives, quarterly targets, activities, product lines),
 * editable or read-only; shows the manager's comments above each section and the server's field
 * errors beside the fields. The input stays as typed whatever the server answers.
 */
class PlanEditor extends VerticalLayout {

  private final boolean readOnly;
  private final IntegerField year = new IntegerField();
  private final TextArea objectives = new TextArea();
  private final List<QuarterRow> quarters = new ArrayList<>();
  private final VerticalLayout activityRows = new VerticalLayout();
  private final List<ActivityRow> activities = new ArrayList<>();
  private final CheckboxGroup<String> productLines = new CheckboxGroup<>();
  private final Map<PlanSection, Paragraph> comments = new EnumMap<>(PlanSection.class);
  private final Paragraph errorSummary = new Paragraph();

  PlanEditor(List<String> lines, boolean readOnly) {
    this.readOnly = readOnly;
    setPadding(false);
    addClassName("plan-editor");
    errorSummary.setId("plan-errors");
    errorSummary.addClassName("plan-error");
    errorSummary.setVisible(false);
    errorSummary.getStyle().set("color", "var(--lumo-error-text-color)");
    add(errorSummary);

    year.setLabel(getTranslation("plan.year"));
    year.setId("plan-year");
    objectives.setLabel(getTranslation("plan.objectives"));
    objectives.setId("plan-objectives");
    objectives.setWidthFull();
    objectives.setMaxLength(4000);
    section(PlanSection.OBJECTIVES, year, objectives);

    VerticalLayout targets = new VerticalLayout();
    targets.setPadding(false);
    for (int q = 1; q <= 4; q++) {
      QuarterRow row = new QuarterRow(q);
      quarters.add(row);
      targets.add(row);
    }
    section(PlanSection.TARGETS, targets);

    activityRows.setPadding(false);
    activityRows.setId("plan-activities");
    Button addActivity = new Button(getTranslation("plan.activity.add"), e -> addActivity(null));
    addActivity.setId("plan-add-activity");
    addActivity.setVisible(!readOnly);
    section(PlanSection.ACTIVITIES, activityRows, addActivity);

    productLines.setLabel(getTranslation("plan.productLines"));
    productLines.setId("plan-product-lines");
    productLines.setItems(lines);
    section(PlanSection.PRODUCT_LINES, productLines);

    year.setReadOnly(readOnly);
    objectives.setReadOnly(readOnly);
    productLines.setReadOnly(readOnly);
  }

  void setValue(PlanContent plan) {
    year.setValue(plan.year());
    objectives.setValue(plan.objectives());
    for (QuarterTarget target : plan.targets()) {
      if (target.quarter() >= 1 && target.quarter() <= 4) {
        quarters.get(target.quarter() - 1).setValue(target);
      }
    }
    activityRows.removeAll();
    activities.clear();
    plan.activities().forEach(this::addActivity);
    if (readOnly && plan.activities().isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("plan.activity.none"));
      none.setId("plan-activities-none");
      activityRows.add(none);
    }
    productLines.setValue(new LinkedHashSet<>(plan.productLines()));
  }

  /** What the fields hold now; empty numbers count as 0, an empty revenue as missing. */
  PlanContent value() {
    return new PlanContent(
        year.getValue() == null ? 0 : year.getValue(),
        objectives.getValue(),
        quarters.stream().map(QuarterRow::value).toList(),
        activities.stream().map(ActivityRow::value).toList(),
        productLines.getSelectedItems().stream().sorted().toList());
  }

  /** The manager's comments from the last return, above their sections. */
  void showComments(Map<PlanSection, String> byReviewer) {
    comments.forEach(
        (section, paragraph) -> {
          String text = byReviewer.get(section);
          paragraph.setText(text == null ? "" : getTranslation("plan.comment", text));
          paragraph.setVisible(text != null);
        });
  }

  /** Marks the fields the server refused; message keys by field path. */
  void showErrors(Map<String, String> errors) {
    clearErrors();
    Map<String, String> unplaced = new HashMap<>(errors);
    errors.forEach(
        (path, key) -> {
          HasValidation field = fieldAt(path);
          if (field != null) {
            field.setErrorMessage(getTranslation(key));
            field.setInvalid(true);
            unplaced.remove(path);
          }
        });
    errorSummary.setText(
        getTranslation("plan.error.summary")
            + (unplaced.isEmpty()
                ? ""
                : " "
                    + String.join(
                        " ", unplaced.values().stream().map(this::getTranslation).toList())));
    errorSummary.setVisible(true);
  }

  void clearErrors() {
    errorSummary.setVisible(false);
    year.setInvalid(false);
    objectives.setInvalid(false);
    productLines.setInvalid(false);
    quarters.forEach(QuarterRow::clearErrors);
    activities.forEach(ActivityRow::clearErrors);
  }

  private HasValidation fieldAt(String path) {
    switch (path) {
      case "year":
        return year;
      case "objectives":
        return objectives;
      case "productLines":
        return productLines;
      default:
        break;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(targets|activities)\\[(\\d+)\\]\\.(\\w+)").matcher(path);
    if (!m.matches()) {
      return null;
    }
    int index = Integer.parseInt(m.group(2));
    if (m.group(1).equals("targets")) {
      return index < quarters.size() ? quarters.get(index).field(m.group(3)) : null;
    }
    return index < activities.size() ? activities.get(index).field(m.group(3)) : null;
  }

  private void section(PlanSection section, com.vaadin.flow.component.Component... content) {
    Div box = new Div();
    box.addClassName("plan-section");
    box.setId("plan-section-" + section.name().toLowerCase(java.util.Locale.ROOT));
    box.setWidthFull();
    Paragraph comment = new Paragraph();
    comment.addClassName("plan-comment");
    comment.setId("plan-comment-" + section.name());
    comment.setVisible(false);
    comment.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4d6)");
    comment.getStyle().set("padding", "0.4em 0.6em");
    comments.put(section, comment);
    box.add(new H3(getTranslation("plan.section." + section.name())), comment);
    box.add(content);
    add(box);
  }

  private void addActivity(PlannedActivity activity) {
    ActivityRow row = new ActivityRow(activities.size());
    if (activity != null) {
      row.setValue(activity);
    }
    activities.add(row);
    activityRows.add(row);
  }

  /** One quarter's targets. */
  private final class QuarterRow extends HorizontalLayout {
    private final int quarter;
    private final IntegerField customers = new IntegerField();
    private final BigDecimalField revenue = new BigDecimalField();
    private final TextField currency = new TextField();
    private final IntegerField certified = new IntegerField();

    QuarterRow(int quarter) {
      this.quarter = quarter;
      setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      setWrap(true);
      Div label = new Div(getTranslation("plan.quarter", quarter));
      label.setWidth("5em");
      customers.setLabel(getTranslation("plan.target.newCustomers"));
      customers.setId("plan-q" + quarter + "-customers");
      revenue.setLabel(getTranslation("plan.target.revenue"));
      revenue.setId("plan-q" + quarter + "-revenue");
      currency.setLabel(getTranslation("plan.target.currency"));
      currency.setId("plan-q" + quarter + "-currency");
      currency.setWidth("6em");
      currency.setMaxLength(3);
      certified.setLabel(getTranslation("plan.target.certifiedPeople"));
      certified.setId("plan-q" + quarter + "-certified");
      for (var field : List.of(customers, certified)) {
        field.setReadOnly(readOnly);
      }
      revenue.setReadOnly(readOnly);
      currency.setReadOnly(readOnly);
      add(label, customers, revenue, currency, certified);
    }

    void setValue(QuarterTarget target) {
      customers.setValue(target.newCustomers());
      revenue.setValue(target.revenue());
      currency.setValue(target.currency() == null ? "" : target.currency());
      certified.setValue(target.certifiedPeople());
    }

    QuarterTarget value() {
      return new QuarterTarget(
          quarter,
          customers.getValue() == null ? 0 : customers.getValue(),
          revenue.getValue(),
          currency.getValue().strip().toUpperCase(java.util.Locale.ROOT),
          certified.getValue() == null ? 0 : certified.getValue());
    }

    HasValidation field(String name) {
      return switch (name) {
        case "newCustomers" -> customers;
        case "revenue" -> revenue;
        case "currency" -> currency;
        case "certifiedPeople" -> certified;
        default -> null;
      };
    }

    void clearErrors() {
      customers.setInvalid(false);
      revenue.setInvalid(false);
      currency.setInvalid(false);
      certified.setInvalid(false);
    }
  }

  /** One planned activity. */
  private final class ActivityRow extends HorizontalLayout {
    private final Select<ActivityKind> kind = new Select<>();
    private final TextField title = new TextField();
    private final DatePicker date = new DatePicker();
    private final TextField owner = new TextField();
    private final BigDecimalField funding = new BigDecimalField();
    private final TextField fundingCurrency = new TextField();

    ActivityRow(int index) {
      setWrap(true);
      setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      addClassName("plan-activity");
      String prefix = "plan-activity-" + index + "-";
      kind.setLabel(getTranslation("plan.activity.kind"));
      kind.setItems(ActivityKind.values());
      kind.setItemLabelGenerator(k -> getTranslation("plan.activity.kind." + k.name()));
      kind.setValue(ActivityKind.EVENT);
      kind.setId(prefix + "kind");
      title.setLabel(getTranslation("plan.activity.title"));
      title.setId(prefix + "title");
      date.setLabel(getTranslation("plan.activity.date"));
      date.setId(prefix + "date");
      owner.setLabel(getTranslation("plan.activity.owner"));
      owner.setId(prefix + "owner");
      funding.setLabel(getTranslation("plan.activity.funding"));
      funding.setId(prefix + "funding");
      fundingCurrency.setLabel(getTranslation("plan.target.currency"));
      fundingCurrency.setId(prefix + "funding-currency");
      fundingCurrency.setWidth("6em");
      kind.setReadOnly(readOnly);
      title.setReadOnly(readOnly);
      date.setReadOnly(readOnly);
      owner.setReadOnly(readOnly);
      funding.setReadOnly(readOnly);
      fundingCurrency.setReadOnly(readOnly);
      Button remove =
          new Button(
              getTranslation("plan.activity.remove"),
              e -> {
                activities.remove(this);
                activityRows.remove(this);
              });
      remove.setVisible(!readOnly);
      add(kind, title, date, owner, funding, fundingCurrency, remove);
    }

    void setValue(PlannedActivity activity) {
      kind.setValue(activity.kind());
      title.setValue(activity.title() == null ? "" : activity.title());
      date.setValue(activity.date());
      owner.setValue(activity.owner() == null ? "" : activity.owner());
      funding.setValue(activity.fundingAmount());
      fundingCurrency.setValue(
          activity.fundingCurrency() == null ? "" : activity.fundingCurrency());
    }

    PlannedActivity value() {
      String currency = fundingCurrency.getValue().strip().toUpperCase(java.util.Locale.ROOT);
      return new PlannedActivity(
          kind.getValue(),
          title.getValue().strip(),
          date.getValue(),
          owner.getValue().strip(),
          funding.getValue(),
          currency.isEmpty() ? null : currency);
    }

    HasValidation field(String name) {
      return switch (name) {
        case "kind" -> kind;
        case "title" -> title;
        case "date" -> date;
        case "owner" -> owner;
        case "fundingAmount" -> funding;
        case "fundingCurrency" -> fundingCurrency;
        default -> null;
      };
    }

    void clearErrors() {
      kind.setInvalid(false);
      title.setInvalid(false);
      date.setInvalid(false);
      owner.setInvalid(false);
      funding.setInvalid(false);
      fundingCurrency.setInvalid(false);
    }
  }
}
