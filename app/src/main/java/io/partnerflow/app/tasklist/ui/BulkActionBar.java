package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.tasklist.BulkOutcome;
import io.partnerflow.app.tasklist.BulkTaskOperations;
import io.partnerflow.app.tasklist.TaskActionRefusedException;
import io.partnerflow.app.tasklist.TaskAssignments;
import io.partnerflow.app.tasklist.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Actions on the tasks selected in the list: claim and hand back for everybody; assign to a
 * colleague, due date and priority for team leads and administrators. The server checks each task;
 * the outcome per task is shown in a {@link BulkResultDialog}.
 */
class BulkActionBar extends HorizontalLayout {

  private final BulkTaskOperations bulk;
  private final TaskAssignments assignments;
  private final Runnable afterAction;
  private final Span selectedCount = new Span();
  private final ComboBox<UserAccount> colleague = new ComboBox<>();
  private final DatePicker due = new DatePicker();
  private final IntegerField priority = new IntegerField();
  private final List<Button> actions = new ArrayList<>();
  private List<TaskRow> selected = List.of();

  BulkActionBar(BulkTaskOperations bulk, TaskAssignments assignments, Runnable afterAction) {
    this.bulk = bulk;
    this.assignments = assignments;
    this.afterAction = afterAction;
    setId("bulk-actions");
    setWrap(true);
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    selectedCount.setId("bulk-selected");
    add(selectedCount);
    add(button("bulk-claim", "tasklist.bulk.claim", keys -> bulk.claim(keys)));
    add(button("bulk-unclaim", "tasklist.bulk.unclaim", keys -> bulk.unclaim(keys)));
    if (assignments.steers()) {
      colleague.setId("bulk-assignee");
      colleague.setLabel(getTranslation("tasklist.bulk.assignee"));
      colleague.setItemLabelGenerator(UserAccount::displayName);
      colleague.setWidth("12em");
      due.setId("bulk-due");
      due.setLabel(getTranslation("tasklist.bulk.due"));
      due.setWidth("9em");
      priority.setId("bulk-priority");
      priority.setLabel(getTranslation("tasklist.bulk.priority"));
      priority.setMin(0);
      priority.setMax(100);
      priority.setWidth("6em");
      add(
          colleague,
          button("bulk-assign", "tasklist.bulk.assign", keys -> assignTo(keys)),
          due,
          button("bulk-set-due", "tasklist.bulk.setDue", keys -> bulk.changeDue(keys, dueDay())),
          priority,
          button(
              "bulk-set-priority",
              "tasklist.bulk.setPriority",
              keys -> bulk.changePriority(keys, priorityValue())));
    }
    select(Set.of());
  }

  /** The grid's selection changed: the colleagues offered are those who may work these tasks. */
  void select(Set<TaskRow> rows) {
    selected = List.copyOf(rows);
    selectedCount.setText(getTranslation("tasklist.bulk.selected", selected.size()));
    actions.forEach(action -> action.setEnabled(!selected.isEmpty()));
    if (assignments.steers()) {
      UserAccount chosen = colleague.getValue();
      List<UserAccount> offered =
          assignments.colleaguesFor(selected.stream().map(TaskRow::task).toList());
      colleague.setItems(offered);
      colleague.setValue(
          chosen != null && offered.stream().anyMatch(u -> u.username().equals(chosen.username()))
              ? offered.stream()
                  .filter(u -> u.username().equals(chosen.username()))
                  .findFirst()
                  .get()
              : null);
    }
  }

  private List<BulkOutcome> assignTo(List<Long> keys) {
    if (colleague.getValue() == null) {
      throw new TaskActionRefusedException("tasklist.bulk.chooseColleague");
    }
    return bulk.assign(keys, colleague.getValue().username());
  }

  private java.time.LocalDate dueDay() {
    if (due.getValue() == null) {
      throw new TaskActionRefusedException("tasklist.bulk.chooseDue");
    }
    return due.getValue();
  }

  private int priorityValue() {
    if (priority.getValue() == null || priority.isInvalid()) {
      throw new TaskActionRefusedException("tasklist.refused.priorityRange");
    }
    return priority.getValue();
  }

  private Button button(String id, String label, Function<List<Long>, List<BulkOutcome>> action) {
    Button button = new Button(getTranslation(label));
    button.setId(id);
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    button.addClickListener(click -> run(action));
    actions.add(button);
    return button;
  }

  private void run(Function<List<Long>, List<BulkOutcome>> action) {
    List<TaskRow> rows = selected;
    List<BulkOutcome> outcomes;
    try {
      outcomes = action.apply(rows.stream().map(row -> row.task().key()).toList());
    } catch (TaskActionRefusedException refused) {
      // the input is missing or wrong: nothing was done, the choices stay as they are
      BulkResultDialog.refused(refused.getMessage());
      return;
    }
    new BulkResultDialog(rows, outcomes).open();
    afterAction.run();
  }
}
