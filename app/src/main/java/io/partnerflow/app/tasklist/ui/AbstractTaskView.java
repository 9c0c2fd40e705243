package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.tasklist.InvalidSubmissionException;
import io.partnerflow.app.tasklist.TaskConflictException;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.TaskListService;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * One task: its context beside its form, with claim, hand back and complete; or, for the user tasks
 * a feature has a dedicated panel for ({@link TaskPanels}), that panel. The staff view and the
 * portal's differ in their route, who may open them, the list they return to and how much context
 * they show; the server checks the same rules for both ({@link TaskListService}).
 */
public abstract class AbstractTaskView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private final TaskListService tasks;
  private final CurrentUser currentUser;
  private final TaskForms forms;
  private final TaskPanels panels;
  private TaskDetails details;
  private RenderedForm form;

  protected AbstractTaskView(
      TaskListService tasks, CurrentUser currentUser, TaskForms forms, TaskPanels panels) {
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.forms = forms;
    this.panels = panels;
    setId("task-view");
    setSizeFull();
  }

  /** The list this view returns to. */
  protected abstract Class<? extends Component> listView();

  /** The context column beside the form. */
  protected abstract Component context(TaskDetails details);

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Long> key = event.getRouteParameters().get("key").flatMap(AbstractTaskView::parseKey);
    try {
      details = tasks.get(key.orElseThrow(() -> new AccessDeniedException("No such task")));
      show(null);
    } catch (AccessDeniedException | TaskConflictException unavailable) {
      notify("tasklist.error.unavailable", NotificationVariant.LUMO_ERROR);
      event.forwardTo(listView());
    }
  }

  /**
   * @param filledIn the form as the user left it, kept when the task still has the same form; null
   *     renders it afresh from the task's variables
   */
  private void show(RenderedForm filledIn) {
    removeAll();
    add(new H2(TaskNames.step(details.task(), getLocale())));
    Optional<TaskPanelProvider> panel = panels.forElement(details.task().elementId());
    if (panel.isPresent()) {
      form = null;
      Component dedicated = panel.get().create(details, this::completedByPanel);
      add(dedicated);
      setFlexGrow(1, dedicated);
      return;
    }
    HorizontalLayout body = new HorizontalLayout(context(details), formColumn(filledIn));
    body.setWidthFull();
    add(body);
  }

  private void completedByPanel() {
    notify("tasklist.completed", NotificationVariant.LUMO_SUCCESS);
    getUI().ifPresent(ui -> ui.navigate(listView()));
  }

  private VerticalLayout formColumn(RenderedForm filledIn) {
    VerticalLayout column = new VerticalLayout();
    column.setPadding(false);
    if (details.formSchema() != null) {
      form =
          filledIn != null && Objects.equals(filledIn.schema().id(), details.formId())
              ? filledIn
              : forms.render(details, getLocale());
      form.setId("task-form");
      column.add(form);
    } else {
      form = null;
      column.add(new Paragraph(getTranslation("tasklist.noForm")));
    }
    column.add(actions());
    return column;
  }

  private HorizontalLayout actions() {
    String me = currentUser.get().map(user -> user.username()).orElse("");
    boolean mine = me.equals(details.task().assignee());
    Button claim = new Button(getTranslation("tasklist.claim"), click -> act(this::claim));
    claim.setId("claim");
    claim.setVisible(details.task().assignee() == null);
    Button unclaim = new Button(getTranslation("tasklist.unclaim"), click -> act(this::unclaim));
    unclaim.setId("unclaim");
    unclaim.setVisible(mine);
    Button complete = new Button(getTranslation("tasklist.complete"), click -> act(this::complete));
    complete.setId("complete");
    complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    complete.setEnabled(mine);
    HorizontalLayout actions = new HorizontalLayout(claim, unclaim, complete);
    actions.add(moreActions(details, mine));
    return actions;
  }

  /** Actions one kind of view adds after complete (e.g. delegating); none by default. */
  protected Component[] moreActions(TaskDetails details, boolean mine) {
    return new Component[0];
  }

  private void claim() {
    tasks.claim(details.task().key());
    reload();
  }

  private void unclaim() {
    tasks.unclaim(details.task().key());
    reload();
  }

  private void complete() {
    Map<String, Object> values = Map.of();
    if (form != null) {
      Optional<Map<String, Object>> submitted = form.submit();
      if (submitted.isEmpty()) {
        return; // the fields show their errors
      }
      values = submitted.get();
    }
    tasks.complete(details.task().key(), values);
    notify("tasklist.completed", NotificationVariant.LUMO_SUCCESS);
    getUI().ifPresent(ui -> ui.navigate(listView()));
  }

  private void act(Runnable action) {
    try {
      action.run();
    } catch (TaskConflictException conflict) {
      notify(conflict.getMessage(), NotificationVariant.LUMO_CONTRAST);
      getUI().ifPresent(ui -> ui.navigate(listView()));
    } catch (InvalidSubmissionException invalid) {
      if (form != null) {
        form.showErrors(invalid.errors());
      }
      notify("tasklist.error.invalid", NotificationVariant.LUMO_ERROR);
    }
  }

  /**
   * After claim or hand back only the assignee changed: the form keeps what the user typed, so
   * filling it in before claiming loses nothing.
   */
  private void reload() {
    details = tasks.get(details.task().key());
    show(form);
  }

  private void notify(String key, NotificationVariant variant) {
    Notification notification =
        Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(variant);
  }

  private static Optional<Long> parseKey(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String getPageTitle() {
    return (details == null
            ? getTranslation("nav.tasks")
            : TaskNames.step(details.task(), getLocale()))
        + " | "
        + getTranslation("app.name");
  }
}
