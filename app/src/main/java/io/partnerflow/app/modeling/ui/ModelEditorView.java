package io.partnerflow.app.modeling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.camunda.client.api.command.ClientException;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.modeling.EditBase;
import io.partnerflow.app.modeling.ModelConflictException;
import io.partnerflow.app.modeling.ModelDraft;
import io.partnerflow.app.modeling.ModelDraftService;
import io.partnerflow.app.modeling.ModelProblem;
import io.partnerflow.app.modeling.ModelPublisher;
import io.partnerflow.app.modeling.ModelRef;
import io.partnerflow.app.modeling.ModelRefusedException;
import io.partnerflow.app.modeling.ModelVersion;
import io.partnerflow.app.modeling.ModelWorkspace;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits one model in the bpmn.io editors: processes, decisions and forms. Save keeps a draft;
 * Validate runs the checks deployment applies and marks the offending elements; Deploy makes a new
 * engine version. Saving and deploying are refused when somebody else saved or deployed since this
 * page loaded the model, and the operator can download their copy.
 */
@Route("admin/models/:kind/:id")
@RolesAllowed("ADMIN")
class ModelEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private static final Logger log = LoggerFactory.getLogger(ModelEditorView.class);

  private final ModelWorkspace workspace;
  private final ModelDraftService drafts;
  private final ModelPublisher publisher;
  private final TextField comment = new TextField();
  private final Span state = new Span();
  private final VerticalLayout problems = new VerticalLayout();
  private ModelRef ref;
  private EditBase base;
  private ModelCanvas canvas;

  public ModelEditorView(
      ModelWorkspace workspace, ModelDraftService drafts, ModelPublisher publisher) {
    this.workspace = workspace;
    this.drafts = drafts;
    this.publisher = publisher;
    setId("model-editor");
    setSizeFull();
    problems.setId("model-problems");
    problems.setPadding(false);
    problems.setSpacing(false);
    state.setId("model-state");
  }

  /** The route of a model's editor. */
  public static String path(ModelRef ref) {
    return "admin/models/" + ref.kind().name().toLowerCase(Locale.ROOT) + "/" + ref.id();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Optional<ModelRef> parsed = parse(event);
    Optional<ModelWorkspace.Opened> opened = parsed.flatMap(workspace::open);
    if (opened.isEmpty()) {
      Paragraph missing = new Paragraph(getTranslation("models.notFound"));
      missing.setId("model-not-found");
      add(missing);
      return;
    }
    ref = parsed.get();
    base = opened.get().base();
    add(
        new H2(getTranslation("models.kind." + ref.kind()) + " " + ref.id()),
        toolbar(),
        state,
        problems);
    showState(opened.get().source());
    ModelCanvas.load(event.getUI().getPage(), ref.kind());
    canvas = new ModelCanvas(ref.kind());
    add(canvas);
    canvas.show(
        opened.get().content(),
        ms -> log.debug("{} shown in the modeler in {} ms", ref, ms),
        error -> fail(getTranslation("models.loadFailed", error)));
  }

  private static Optional<ModelRef> parse(BeforeEnterEvent event) {
    try {
      Kind kind =
          Kind.valueOf(event.getRouteParameters().get("kind").orElse("").toUpperCase(Locale.ROOT));
      return Optional.of(new ModelRef(kind, event.getRouteParameters().get("id").orElse("")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Component toolbar() {
    comment.setId("model-comment");
    comment.setPlaceholder(getTranslation("models.comment"));
    comment.setWidth("24em");
    comment.setMaxLength(1000);
    Button save = button("model-save", "models.save", this::saveDraft);
    Button validate = button("model-validate", "models.validate", this::validate);
    Button deploy = button("model-deploy", "models.deploy", this::deploy);
    deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button download = button("model-download", "models.download", this::download);
    Button history =
        button(
            "model-history",
            "models.history",
            () -> new HistoryDialog(ref, publisher, this::reload).open());
    HorizontalLayout toolbar =
        new HorizontalLayout(comment, save, validate, deploy, download, history);
    workspace
        .fileContent(ref)
        .ifPresent(
            file ->
                toolbar.add(
                    button("model-load-file", "models.loadFile", () -> showContent(file, "file"))));
    toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    toolbar.setWrap(true);
    return toolbar;
  }

  private Button button(String id, String key, Runnable action) {
    Button button = new Button(getTranslation(key), click -> action.run());
    button.setId(id);
    return button;
  }

  private void withContent(Consumer<String> action) {
    canvas.content(action, error -> fail(getTranslation("models.readFailed", error)));
  }

  /**
   * Puts other content in the editor (e.g. the repository file); saving and deploying stay based on
   * what was loaded.
   */
  private void showContent(String content, String source) {
    canvas.show(content, ms -> {}, error -> fail(getTranslation("models.loadFailed", error)));
    showState(source);
  }

  private void saveDraft() {
    withContent(
        content -> {
          try {
            ModelDraft draft = drafts.save(ref, content, comment.getValue(), base.draftVersion());
            base = new EditBase(draft.version(), base.deployedVersion());
            showState("draft");
            success(getTranslation("models.saved", draft.version()));
          } catch (ModelConflictException conflict) {
            new ConflictDialog(conflict, this::downloadMine, this::reload).open();
          }
        });
  }

  private void validate() {
    withContent(
        content -> {
          List<ModelProblem> found = publisher.validate(ref, content);
          showProblems(found);
          if (found.isEmpty()) {
            success(getTranslation("models.valid"));
          }
        });
  }

  private void deploy() {
    withContent(
        content -> {
          try {
            ModelVersion version = publisher.deploy(ref, content, comment.getValue(), base);
            base = new EditBase(null, version.engineVersion());
            showProblems(List.of());
            showState("deployed");
            comment.clear();
            success(getTranslation("models.deployed.done", version.engineVersion()));
          } catch (ModelRefusedException refused) {
            showProblems(refused.problems());
            fail(getTranslation("models.refused"));
          } catch (ModelConflictException conflict) {
            new ConflictDialog(conflict, this::downloadMine, this::reload).open();
          } catch (ClientException unreachable) {
            log.warn("Deploying {} failed", ref, unreachable);
            fail(getTranslation("models.engineFailed", unreachable.getMessage()));
          }
        });
  }

  private void download() {
    downloadMine();
  }

  private void downloadMine() {
    canvas.download(ref.resourceName());
  }

  private void reload() {
    getUI().ifPresent(ui -> ui.getPage().reload());
  }

  private void showState(String source) {
    String draft =
        base.draftVersion() == null
            ? getTranslation("models.state.noDraft")
            : getTranslation("models.state.draft", base.draftVersion());
    String deployed =
        base.deployedVersion() == 0
            ? getTranslation("models.notDeployed")
            : getTranslation("models.state.deployed", base.deployedVersion());
    state.setText(
        deployed + " · " + draft + " · " + getTranslation("models.state.source." + source));
  }

  private void showProblems(List<ModelProblem> found) {
    problems.removeAll();
    if (!found.isEmpty()) {
      Paragraph heading = new Paragraph(getTranslation("models.problems", found.size()));
      heading.addClassName("model-problems-heading");
      UnorderedList list = new UnorderedList();
      for (ModelProblem problem : found) {
        ListItem item =
            new ListItem(
                (problem.elementId() == null ? "" : problem.elementId() + ": ")
                    + problem.message());
        item.addClassName("model-problem");
        if (problem.elementId() != null) {
          item.getElement().setAttribute("data-element", problem.elementId());
        }
        list.add(item);
      }
      problems.add(heading, list);
    }
    if (canvas != null) {
      canvas.markProblems(found);
    }
  }

  private static void success(String message) {
    Notification.show(message, 4000, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  private static void fail(String message) {
    Notification.show(message, 8000, Notification.Position.MIDDLE)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  @Override
  public String getPageTitle() {
    return ref == null ? getTranslation("nav.models") : ref.resourceName();
  }
}
