package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.qbr.Criterion;
import io.partnerflow.app.qbr.NewAction;
import io.partnerflow.app.qbr.OwnerChoice;
import io.partnerflow.app.qbr.QuarterlyReview;
import io.partnerflow.app.qbr.ReviewException;
import io.partnerflow.app.qbr.ReviewTask;
import io.partnerflow.app.qbr.ReviewTasks;
import io.partnerflow.app.qbr.Scorecard;
import io.partnerflow.app.qbr.ScorecardEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manager's scorecard: the partner's self-assessment and the actuals, a rating per weighted
 * criterion with the total computed on the server, internal notes and the agreed actions.
 */
class ScorecardPanel extends VerticalLayout {

  private final ReviewTask task;
  private final ReviewTasks tasks;
  private final Map<String, Select<Integer>> ratings = new LinkedHashMap<>();
  private final Span total = new Span();
  private final IntegerField newCustomers = new IntegerField();
  private final BigDecimalField revenue = new BigDecimalField();
  private final TextField actualsNote = new TextField();
  private final TextArea notes = new TextArea();
  private final List<NewAction> actions = new ArrayList<>();
  private final Grid<NewAction> actionGrid = new Grid<>();
  private final Map<String, OwnerChoice> owners = new LinkedHashMap<>();

  ScorecardPanel(
      ReviewTask task,
      List<OwnerChoice> ownerChoices,
      ReviewTasks tasks,
      Clock clock,
      Runnable done) {
    this.task = task;
    this.tasks = tasks;
    ownerChoices.forEach(choice -> owners.put(choice.username(), choice));
    setId("qbr-scorecard-panel");
    setPadding(false);
    QuarterlyReview review = task.review();
    add(new H3(task.partnerName() + " · " + review.quarter()));
    add(new TargetsTable(review.target(), review.actuals()));
    add(new H4(getTranslation("qbr.selfAssessment")));
    Paragraph selfAssessment =
        new Paragraph(
            review.selfAssessment() == null
                ? getTranslation("qbr.selfAssessment.none")
                : review.selfAssessment());
    selfAssessment.setId("qbr-scorecard-self-assessment");
    add(selfAssessment);
    add(actualsFields(review));
    add(new H4(getTranslation("qbr.total")));
    add(new Paragraph(getTranslation("qbr.scorecard.intro")));
    add(ratingFields(task.scorecard()));
    total.setId("qbr-total");
    total.getElement().getThemeList().add("badge");
    add(total);
    showTotal();
    notes.setId("qbr-notes");
    notes.setLabel(getTranslation("qbr.notes"));
    notes.setMaxLength(4000);
    notes.setWidth("40em");
    add(notes);
    add(new H4(getTranslation("qbr.actions")), actionEditor(clock), actionGrid());
    Button submit = new Button(getTranslation("qbr.scorecard.submit"), click -> submit(done));
    submit.setId("qbr-scorecard-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(submit);
  }

  private HorizontalLayout actualsFields(QuarterlyReview review) {
    newCustomers.setId("qbr-scorecard-new-customers");
    newCustomers.setLabel(getTranslation("qbr.measure.newCustomers"));
    newCustomers.setMin(0);
    newCustomers.setValue(review.actuals().newCustomers());
    revenue.setId("qbr-scorecard-revenue");
    revenue.setLabel(getTranslation("qbr.measure.revenue", review.target().currency()));
    revenue.setValue(review.actuals().revenue());
    actualsNote.setLabel(getTranslation("qbr.actualsNote"));
    actualsNote.setMaxLength(2000);
    actualsNote.setValue(review.actuals().note() == null ? "" : review.actuals().note());
    HorizontalLayout row = new HorizontalLayout(newCustomers, revenue, actualsNote);
    row.setWrap(true);
    return row;
  }

  private HorizontalLayout ratingFields(Scorecard scorecard) {
    HorizontalLayout row = new HorizontalLayout();
    row.setWrap(true);
    for (Criterion criterion : scorecard.criteria()) {
      Select<Integer> rating = new Select<>();
      rating.setId("qbr-rating-" + criterion.code());
      rating.setLabel(getTranslation("qbr.criterion." + criterion.code()));
      rating.setHelperText(getTranslation("qbr.scorecard.weightValue", criterion.weight()));
      rating.setItems(1, 2, 3, 4, 5);
      rating.setWidth("12em");
      rating.addValueChangeListener(change -> showTotal());
      ratings.put(criterion.code(), rating);
      row.add(rating);
    }
    return row;
  }

  private Map<String, Integer> ratingValues() {
    Map<String, Integer> values = new LinkedHashMap<>();
    ratings.forEach(
        (code, select) -> {
          if (select.getValue() != null) {
            values.put(code, select.getValue());
          }
        });
    return values;
  }

  /** The total as the server computes it from the deployed weights. */
  private void showTotal() {
    try {
      BigDecimal value = tasks.total(task.scorecard(), ratingValues());
      total.setText(getTranslation("qbr.scorecard.total", value.toPlainString()));
    } catch (ReviewException incomplete) {
      total.setText(getTranslation("qbr.scorecard.totalMissing"));
    }
  }

  private HorizontalLayout actionEditor(Clock clock) {
    TextField description = new TextField(getTranslation("qbr.action.description"));
    description.setId("qbr-action-description");
    description.setMaxLength(1000);
    description.setWidth("22em");
    Select<OwnerChoice> owner = new Select<>();
    owner.setId("qbr-action-owner");
    owner.setLabel(getTranslation("qbr.action.owner"));
    owner.setItems(owners.values());
    owner.setItemLabelGenerator(
        choice ->
            choice.displayName()
                + " ("
                + getTranslation("qbr.action.side." + choice.side().name())
                + ")");
    owner.setWidth("18em");
    DatePicker due = new DatePicker(getTranslation("qbr.action.due"));
    due.setId("qbr-action-due");
    due.setMin(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    Button add =
        new Button(
            getTranslation("qbr.action.add"),
            click -> {
              if (description.isEmpty() || owner.isEmpty() || due.isEmpty()) {
                ReviewMessages.refused(
                    this,
                    new ReviewException(
                        description.isEmpty()
                            ? "qbr.error.actionDescription"
                            : owner.isEmpty() ? "qbr.error.actionOwner" : "qbr.error.actionDue"));
                return;
              }
              OwnerChoice choice = owner.getValue();
              actions.add(
                  new NewAction(
                      description.getValue().strip(),
                      choice.side(),
                      choice.username(),
                      due.getValue()));
              actionGrid.setItems(actions);
              description.clear();
              owner.clear();
              due.clear();
            });
    add.setId("qbr-action-add");
    HorizontalLayout editor = new HorizontalLayout(description, owner, due, add);
    editor.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    editor.setWrap(true);
    return editor;
  }

  private Grid<NewAction> actionGrid() {
    actionGrid.setId("qbr-action-grid");
    actionGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
    actionGrid.setAllRowsVisible(true);
    actionGrid
        .addColumn(NewAction::description)
        .setHeader(getTranslation("qbr.action.description"))
        .setFlexGrow(3);
    actionGrid
        .addColumn(
            action ->
                owners.containsKey(action.ownerUsername())
                    ? owners.get(action.ownerUsername()).displayName()
                    : action.ownerUsername())
        .setHeader(getTranslation("qbr.action.owner"));
    actionGrid
        .addColumn(action -> getTranslation("qbr.action.side." + action.side().name()))
        .setHeader(getTranslation("qbr.action.side"));
    actionGrid
        .addColumn(action -> action.dueDate().toString())
        .setHeader(getTranslation("qbr.action.due"));
    actionGrid
        .addComponentColumn(
            action ->
                new Button(
                    getTranslation("qbr.action.remove"),
                    click -> {
                      actions.remove(action);
                      actionGrid.setItems(actions);
                    }))
        .setFlexGrow(0)
        .setAutoWidth(true);
    actionGrid.setItems(actions);
    return actionGrid;
  }

  private void submit(Runnable done) {
    try {
      BigDecimal score =
          tasks.submitScorecard(
              task.taskKey(),
              new ScorecardEntry(
                  ratingValues(),
                  notes.getValue(),
                  newCustomers.getValue(),
                  revenue.getValue(),
                  actualsNote.getValue(),
                  actions));
      ReviewMessages.done(this, getTranslation("qbr.scorecard.sent", score.toPlainString()));
      done.run();
    } catch (RuntimeException refused) {
      if (!ReviewMessages.isRefusal(refused)) {
        throw refused;
      }
      ReviewMessages.refused(this, refused);
    }
  }
}
