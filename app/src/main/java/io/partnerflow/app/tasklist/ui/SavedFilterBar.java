package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.partnerflow.app.tasklist.SavedTaskFilter;
import io.partnerflow.app.tasklist.SavedTaskFilters;
import io.partnerflow.app.tasklist.TaskFilterException;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import java.util.function.Supplier;

/**
 * The list's navigation: the user's saved filters, each with how many tasks it holds now (counted
 * up to {@value #COUNT_CAP}, beyond that "99+"), and saving the current filter under a name.
 */
class SavedFilterBar extends HorizontalLayout {

  static final int COUNT_CAP = 99;

  private final SavedTaskFilters saved;
  private final TaskListService tasks;
  private final Supplier<TaskQuery> current;

  SavedFilterBar(SavedTaskFilters saved, TaskListService tasks, Supplier<TaskQuery> current) {
    this.saved = saved;
    this.tasks = tasks;
    this.current = current;
    setId("saved-filters");
    setWrap(true);
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    // filled by refresh(), which the view calls on every navigation to it (also the first): here
    // it would count every saved filter twice per page load
  }

  void refresh() {
    removeAll();
    add(new Span(getTranslation("tasklist.savedFilter.title")));
    for (SavedTaskFilter filter : saved.mine()) {
      add(entry(filter));
    }
    Button save =
        new Button(getTranslation("tasklist.savedFilter.save"), VaadinIcon.BOOKMARK.create());
    save.setId("save-filter");
    save.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    save.addClickListener(click -> askName());
    add(save);
  }

  private HorizontalLayout entry(SavedTaskFilter filter) {
    long count = tasks.count(filter.taskQuery(), COUNT_CAP);
    Button open =
        new Button(filter.name() + " (" + (count > COUNT_CAP ? COUNT_CAP + "+" : count) + ")");
    open.addClassName("saved-filter");
    open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
    open.addClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            TaskListView.class, QueryParameters.fromString(filter.query()))));
    Button delete = new Button(VaadinIcon.CLOSE_SMALL.create());
    delete.addThemeVariants(
        ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
    delete.setAriaLabel(getTranslation("tasklist.savedFilter.delete", filter.name()));
    delete.addClickListener(
        click -> {
          saved.delete(filter.id());
          refresh();
        });
    HorizontalLayout entry = new HorizontalLayout(open, delete);
    entry.setSpacing(false);
    return entry;
  }

  private void askName() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("tasklist.savedFilter.save"));
    TextField name = new TextField(getTranslation("tasklist.savedFilter.name"));
    name.setId("saved-filter-name");
    name.setMaxLength(80);
    name.setRequired(true);
    Button confirm =
        new Button(
            getTranslation("tasklist.savedFilter.confirm"),
            click -> {
              try {
                saved.save(name.getValue(), current.get());
                dialog.close();
                refresh();
              } catch (TaskFilterException refused) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation(refused.getMessage()));
              }
            });
    confirm.setId("saved-filter-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(name);
    dialog
        .getFooter()
        .add(new Button(getTranslation("tasklist.savedFilter.cancel"), click -> dialog.close()));
    dialog.getFooter().add(confirm);
    dialog.open();
    name.focus();
  }
}
