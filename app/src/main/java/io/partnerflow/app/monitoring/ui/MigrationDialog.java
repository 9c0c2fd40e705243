package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.partnerflow.app.monitoring.MigrationCheck;
import io.partnerflow.app.monitoring.MigrationPlan;
import io.partnerflow.app.monitoring.MigrationService;
import io.partnerflow.app.monitoring.ModelElement;
import io.partnerflow.app.monitoring.OperationResult;
import io.partnerflow.app.monitoring.ProcessOverviewService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Migrates one instance or a batch of one version: choose the target version, check the element
 * mapping (pre-filled where ids are equal), run the dry run, then execute; each instance's result
 * is listed.
 */
class MigrationDialog extends Dialog {

  private final MigrationService migration;
  private final ProcessDefinition source;
  private final List<Long> instanceKeys;
  private final Runnable afterwards;
  private final Select<ProcessDefinition> target = new Select<>();
  private final Grid<ModelElement> mapping = new Grid<>();
  private final Map<String, String> chosen = new LinkedHashMap<>();
  private final Grid<MigrationCheck> preview = new Grid<>();
  private final Grid<OperationResult> results = new Grid<>();
  private final Button dryRun = new Button();
  private final Button execute = new Button();
  private List<ModelElement> targetElements = List.of();

  MigrationDialog(
      MigrationService migration,
      ProcessOverviewService processes,
      ProcessDefinition source,
      List<Long> instanceKeys,
      Runnable afterwards) {
    this.migration = migration;
    this.source = source;
    this.instanceKeys = instanceKeys;
    this.afterwards = afterwards;
    setId("migration-dialog");
    setWidth("1100px");
    setHeaderTitle(getTranslation("monitoring.migration.title"));
    Paragraph what =
        new Paragraph(
            getTranslation(
                "monitoring.migration.what",
                instanceKeys.size(),
                source.getProcessDefinitionId(),
                source.getVersion()));
    target.setId("migration-target");
    target.setLabel(getTranslation("monitoring.migration.target"));
    // "v12 (2251799813685301)": the key must not be cut, it tells equal versions apart
    target.setWidth("22em");
    target.setItems(
        processes.definitions().stream()
            .filter(d -> d.getProcessDefinitionId().equals(source.getProcessDefinitionId()))
            .filter(d -> d.getProcessDefinitionKey() != source.getProcessDefinitionKey())
            .toList());
    target.setItemLabelGenerator(
        d -> "v" + d.getVersion() + " (" + d.getProcessDefinitionKey() + ")");
    target.addValueChangeListener(event -> targetChosen());
    dryRun.setId("migration-dry-run");
    dryRun.setText(getTranslation("monitoring.migration.dryRun"));
    dryRun.setEnabled(false);
    dryRun.addClickListener(event -> dryRun());
    execute.setId("migration-execute");
    execute.setText(getTranslation("monitoring.migration.execute"));
    execute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    execute.setEnabled(false);
    execute.addClickListener(event -> execute());
    VerticalLayout content =
        new VerticalLayout(
            what,
            target,
            new H4(getTranslation("monitoring.migration.mapping")),
            mappingGrid(),
            new H4(getTranslation("monitoring.migration.preview")),
            previewGrid(),
            resultGrid());
    content.setPadding(false);
    add(content);
    Button close = new Button(getTranslation("monitoring.close"), event -> close());
    getFooter().add(close, dryRun, execute);
  }

  private Grid<ModelElement> mappingGrid() {
    mapping.setId("migration-mapping");
    mapping.setAllRowsVisible(true);
    mapping.setEmptyStateText(getTranslation("monitoring.migration.chooseTarget"));
    mapping.addThemeVariants(GridVariant.LUMO_COMPACT);
    mapping
        .addColumn(ModelElement::label)
        .setHeader(getTranslation("monitoring.migration.sourceElement"));
    mapping.addColumn(ModelElement::type).setHeader(getTranslation("monitoring.type"));
    mapping
        .addComponentColumn(this::targetChoice)
        .setHeader(getTranslation("monitoring.migration.targetElement"));
    return mapping;
  }

  private ComboBox<String> targetChoice(ModelElement element) {
    ComboBox<String> choice = new ComboBox<>();
    choice.setId("mapping-" + element.id());
    choice.setItems(targetElements.stream().map(ModelElement::id).toList());
    choice.setClearButtonVisible(true);
    choice.setWidthFull();
    choice.setValue(chosen.get(element.id()));
    choice.setPlaceholder(getTranslation("monitoring.migration.unmappedPlaceholder"));
    choice.addValueChangeListener(
        event -> {
          if (event.getValue() == null) {
            chosen.remove(element.id());
          } else {
            chosen.put(element.id(), event.getValue());
          }
          execute.setEnabled(false); // the dry run no longer matches the plan
        });
    return choice;
  }

  private Grid<MigrationCheck> previewGrid() {
    preview.setId("migration-preview");
    preview.setAllRowsVisible(true);
    preview.setEmptyStateText(getTranslation("monitoring.migration.runDryRun"));
    preview.addThemeVariants(GridVariant.LUMO_COMPACT);
    preview
        .addColumn(MigrationCheck::instanceKey)
        .setHeader(getTranslation("monitoring.instanceKey"));
    preview
        .addColumn(check -> String.join(", ", check.moves()))
        .setHeader(getTranslation("monitoring.migration.moves"))
        .setFlexGrow(2);
    preview
        .addColumn(
            check ->
                check.allowed()
                    ? getTranslation("monitoring.migration.wouldMove")
                    : getTranslation(check.refusalKey())
                        + (check.refusalDetail() == null ? "" : ": " + check.refusalDetail()))
        .setHeader(getTranslation("monitoring.result"))
        .setFlexGrow(2);
    return preview;
  }

  private Grid<OperationResult> resultGrid() {
    results.setId("migration-results");
    results.setAllRowsVisible(true);
    results.setVisible(false);
    results.addThemeVariants(GridVariant.LUMO_COMPACT);
    results.addColumn(OperationResult::key).setHeader(getTranslation("monitoring.instanceKey"));
    results
        .addColumn(
            result ->
                getTranslation(result.messageKey())
                    + (result.detail() == null ? "" : ": " + result.detail()))
        .setHeader(getTranslation("monitoring.result"))
        .setFlexGrow(3);
    return results;
  }

  private void targetChosen() {
    chosen.clear();
    ProcessDefinition chosenTarget = target.getValue();
    if (chosenTarget == null) {
      dryRun.setEnabled(false);
      return;
    }
    targetElements = migration.elements(chosenTarget.getProcessDefinitionKey());
    chosen.putAll(
        migration.equalIds(
            source.getProcessDefinitionKey(), chosenTarget.getProcessDefinitionKey()));
    mapping.setItems(migration.elements(source.getProcessDefinitionKey()));
    dryRun.setEnabled(true);
    execute.setEnabled(false);
  }

  private MigrationPlan plan() {
    return new MigrationPlan(target.getValue().getProcessDefinitionKey(), chosen);
  }

  private void dryRun() {
    List<MigrationCheck> checks = migration.dryRun(instanceKeys, plan());
    preview.setItems(checks);
    execute.setEnabled(checks.stream().anyMatch(MigrationCheck::allowed));
  }

  private void execute() {
    List<OperationResult> outcome = migration.migrate(instanceKeys, plan());
    results.setItems(outcome);
    results.setVisible(true);
    execute.setEnabled(false);
    afterwards.run();
  }
}
