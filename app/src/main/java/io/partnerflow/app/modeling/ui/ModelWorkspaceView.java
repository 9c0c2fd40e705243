package io.partnerflow.app.modeling.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.base.ui.IdOrNameFilter;
import io.partnerflow.app.modeling.ModelSummary;
import io.partnerflow.app.modeling.ModelWorkspace;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every process, decision and form the engine or the repository's files know: latest deployed
 * version, whether a draft is being edited, who changed it last. A line opens the editor.
 */
@Route("admin/models")
@RolesAllowed("ADMIN")
@Menu(order = 92, title = "nav.models", icon = "SITEMAP")
class ModelWorkspaceView extends VerticalLayout implements HasDynamicTitle {

  public ModelWorkspaceView(ModelWorkspace workspace) {
    setId("model-workspace");
    setSizeFull();
    Grid<ModelSummary> grid = new Grid<>();
    grid.setId("model-grid");
    grid.addColumn(model -> getTranslation("models.kind." + model.ref().kind()))
        .setHeader(getTranslation("models.kind"))
        .setAutoWidth(true);
    grid.addColumn(model -> model.ref().id())
        .setHeader(getTranslation("models.id"))
        .setAutoWidth(true);
    grid.addColumn(ModelSummary::name).setHeader(getTranslation("models.name")).setAutoWidth(true);
    grid.addColumn(
            model ->
                model.deployedVersion() == 0
                    ? getTranslation("models.notDeployed")
                    : "v" + model.deployedVersion())
        .setHeader(getTranslation("models.deployed"))
        .setAutoWidth(true);
    grid.addColumn(model -> model.hasDraft() ? getTranslation("models.draft.yes") : "")
        .setHeader(getTranslation("models.draft"))
        .setAutoWidth(true);
    grid.addColumn(
            model ->
                model.changedBy() == null
                    ? ""
                    : model.changedBy() + ", " + Formats.dateTime(model.changedAt(), getLocale()))
        .setHeader(getTranslation("models.changed"))
        .setAutoWidth(true);
    // the notes are badges of a few words: as wide as their text, never cut
    grid.addComponentColumn(this::notes)
        .setHeader(getTranslation("models.notes"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    GridListDataView<ModelSummary> models = grid.setItems(workspace.models());
    grid.addItemClickListener(
        click -> getUI().ifPresent(ui -> ui.navigate(ModelEditorView.path(click.getItem().ref()))));
    add(
        new H2(getTranslation("nav.models")),
        new Paragraph(getTranslation("models.intro")),
        filter(models),
        grid);
  }

  /** Narrows the list by id or name: an engine holds many more models than bpmn/ keeps. */
  private IdOrNameFilter filter(GridListDataView<ModelSummary> models) {
    IdOrNameFilter filter = new IdOrNameFilter("model-filter", getTranslation("models.filter"));
    filter.setPlaceholder(getTranslation("models.filter"));
    filter.setWidth("24em");
    filter.addValueChangeListener(
        change -> models.setFilter(model -> filter.matches(model.ref().id(), model.name())));
    return filter;
  }

  private Span notes(ModelSummary model) {
    Span notes = new Span();
    if (model.fileDiffers()) {
      notes.setText(getTranslation("models.fileDiffers"));
      notes.getElement().getThemeList().add("badge warning");
      notes.addClassName("model-file-differs");
    } else if (model.inFiles()) {
      notes.setText(getTranslation("models.inFiles"));
      notes.getElement().getThemeList().add("badge contrast");
    }
    return notes;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.models");
  }
}
