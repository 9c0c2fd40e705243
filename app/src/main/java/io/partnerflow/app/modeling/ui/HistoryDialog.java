package io.partnerflow.app.modeling.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.modeling.ModelPublisher;
import io.partnerflow.app.modeling.ModelRef;
import io.partnerflow.app.modeling.ModelRefusedException;
import io.partnerflow.app.modeling.ModelVersion;
import java.util.List;

/**
 * The versions the app deployed, newest first, with author, time and comment: compare one with the
 * version before it (what changed, marked on the diagram), roll back to it, or download it.
 */
class HistoryDialog extends Dialog {

  private final ModelRef ref;
  private final ModelPublisher publisher;
  private final Runnable afterRollBack;
  private final Div diff = new Div();
  private final Paragraph diffSummary = new Paragraph();

  HistoryDialog(ModelRef ref, ModelPublisher publisher, Runnable afterRollBack) {
    this.ref = ref;
    this.publisher = publisher;
    this.afterRollBack = afterRollBack;
    setId("model-history-dialog");
    setHeaderTitle(getTranslation("models.history.title", ref.resourceName()));
    setWidth("90vw");
    List<ModelVersion> versions = publisher.history(ref);
    Grid<ModelVersion> grid = new Grid<>();
    grid.setId("model-history-grid");
    grid.setAllRowsVisible(true);
    grid.addColumn(version -> "v" + version.engineVersion())
        .setHeader(getTranslation("models.history.version"))
        .setAutoWidth(true);
    grid.addColumn(version -> Formats.dateTime(version.deployedAt(), getLocale()))
        .setHeader(getTranslation("models.history.at"))
        .setAutoWidth(true);
    grid.addColumn(ModelVersion::author).setHeader(getTranslation("models.history.author"));
    grid.addColumn(version -> getTranslation("models.history.source." + version.source()))
        .setHeader(getTranslation("models.history.source"));
    grid.addColumn(ModelVersion::comment).setHeader(getTranslation("models.history.comment"));
    grid.addComponentColumn(version -> actions(version, versions))
        .setHeader(getTranslation("models.history.actions"))
        .setAutoWidth(true);
    grid.setItems(versions);
    if (versions.isEmpty()) {
      add(new Paragraph(getTranslation("models.history.empty")));
    }
    List<Integer> unlisted = publisher.unlistedVersions(ref);
    if (!unlisted.isEmpty()) {
      Paragraph outside =
          new Paragraph(
              getTranslation(
                  "models.history.unlisted",
                  String.join(", ", unlisted.stream().map(version -> "v" + version).toList())));
      outside.setId("model-history-unlisted");
      add(outside);
    }
    diff.setId("model-diff");
    diff.addClassName("pf-diff-view");
    diff.setVisible(false);
    diffSummary.setId("model-diff-summary");
    add(grid, diffSummary, diff);
    Button close = new Button(getTranslation("models.close"), click -> close());
    getFooter().add(close);
  }

  private Component actions(ModelVersion version, List<ModelVersion> versions) {
    HorizontalLayout actions = new HorizontalLayout();
    int index = versions.indexOf(version);
    if (ref.kind() == Kind.PROCESS && index + 1 < versions.size()) {
      ModelVersion previous = versions.get(index + 1);
      Button compare =
          new Button(getTranslation("models.history.compare"), click -> compare(previous, version));
      compare.addClassName("model-compare");
      compare.addThemeVariants(ButtonVariant.LUMO_SMALL);
      actions.add(compare);
    }
    if (index > 0) {
      Button rollBack =
          new Button(getTranslation("models.history.rollBack"), click -> rollBack(version));
      rollBack.addClassName("model-roll-back");
      rollBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      actions.add(rollBack);
    }
    Button download =
        new Button(
            getTranslation("models.download"),
            click ->
                downloadText(
                    this,
                    version.content(),
                    ref.id() + "-v" + version.engineVersion() + ref.kind().extension()));
    download.addThemeVariants(ButtonVariant.LUMO_SMALL);
    actions.add(download);
    return actions;
  }

  private void compare(ModelVersion older, ModelVersion newer) {
    diff.setVisible(true);
    diffSummary.setText(
        getTranslation("models.history.comparing", older.engineVersion(), newer.engineVersion()));
    diff.getElement()
        .executeJs(
            "return window.partnerflowModeler.diff(this, $0, $1)", older.content(), newer.content())
        .then(
            String.class,
            result -> diffSummary.setText(summary(older, newer, result)),
            error -> diffSummary.setText(getTranslation("models.loadFailed", error)));
  }

  private String summary(ModelVersion older, ModelVersion newer, String result) {
    try {
      JsonNode changes = new ObjectMapper().readTree(result);
      return getTranslation(
          "models.history.diff",
          older.engineVersion(),
          newer.engineVersion(),
          join(changes.get("added")),
          join(changes.get("changed")),
          join(changes.get("removed")),
          join(changes.get("layoutChanged")));
    } catch (Exception e) {
      return result;
    }
  }

  private static String join(JsonNode ids) {
    if (ids == null || ids.isEmpty()) {
      return "–";
    }
    if (ids.size() > 8) {
      // a model saved by the modeler moves many labels by a pixel: a count says enough
      return String.valueOf(ids.size());
    }
    StringBuilder text = new StringBuilder();
    ids.forEach(id -> text.append(text.isEmpty() ? "" : ", ").append(id.asText()));
    return text.toString();
  }

  private void rollBack(ModelVersion version) {
    try {
      ModelVersion made = publisher.rollBack(ref, version.id(), null);
      Notification.show(
              getTranslation(
                  "models.history.rolledBack", version.engineVersion(), made.engineVersion()),
              5000,
              Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      close();
      afterRollBack.run();
    } catch (ModelRefusedException refused) {
      Notification.show(refused.problems().get(0).message(), 8000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  /** Lets the browser save the text as a file; nothing leaves the server but this page's data. */
  static void downloadText(Component from, String text, String fileName) {
    from.getElement()
        .executeJs(
            "const link = document.createElement('a');"
                + "link.href = URL.createObjectURL(new Blob([$0], {type: 'application/octet-stream'}));"
                + "link.download = $1; document.body.appendChild(link); link.click();"
                + "setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);",
            text,
            fileName);
  }
}
