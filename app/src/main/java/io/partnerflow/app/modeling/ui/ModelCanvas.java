package io.partnerflow.app.modeling.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.page.Page;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.modeling.ModelProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bpmn.io modeler in the page: camunda-bpmn-js for processes, camunda-dmn-js for decisions,
 * form-js's editor for forms, loaded from the vendored files and driven through {@code
 * modeling/modeler.js}.
 */
class ModelCanvas extends Div {

  static final String BPMN = "vendor/camunda-bpmn-js/5.35.0/dist/";
  static final String DMN = "vendor/camunda-dmn-js/3.8.3/dist/";
  static final String FORM = "vendor/@bpmn-io/form-js/1.23.0/dist/";

  private final Kind kind;

  ModelCanvas(Kind kind) {
    this.kind = kind;
    setId("model-canvas");
    addClassName("pf-modeler");
    Div canvas = new Div();
    canvas.addClassName("pf-canvas");
    Div properties = new Div();
    properties.addClassName("pf-properties");
    add(canvas, properties);
  }

  /** Adds the modeler's scripts and styles to the page (once per page). */
  static void load(Page page, Kind kind) {
    page.addStyleSheet("context://modeling/modeler.css");
    if (kind == Kind.FORM) {
      for (String css :
          new String[] {
            "form-js.css", "form-js-editor.css", "properties-panel.css", "draggle.css"
          }) {
        page.addStyleSheet("context://" + FORM + "assets/" + css);
      }
      page.addJavaScript("context://" + FORM + "form-editor.umd.js");
      page.addJavaScript("context://modeling/modeler.js");
      return;
    }
    String base = kind == Kind.DECISION ? DMN : BPMN;
    page.addStyleSheet("context://" + base + "assets/camunda-cloud-modeler.css");
    page.addJavaScript("context://" + base + "camunda-cloud-modeler.production.min.js");
    page.addJavaScript("context://modeling/modeler.js");
  }

  /** Shows the model; the callback gets the milliseconds the modeler took, or an error. */
  void show(String xml, Consumer<Integer> rendered, Consumer<String> failed) {
    String language = UI.getCurrent() == null ? "en" : getLocale().toLanguageTag();
    getElement()
        .executeJs(
            "return window.partnerflowModeler.create(this, $0, $1, $2)", kind.name(), xml, language)
        .then(Integer.class, rendered::accept, failed::accept);
  }

  /** The model as the operator edited it. */
  void content(Consumer<String> xml, Consumer<String> failed) {
    getElement()
        .executeJs("return window.partnerflowModeler.xml(this)")
        .then(String.class, xml::accept, failed::accept);
  }

  void markProblems(List<ModelProblem> problems) {
    List<Map<String, String>> marks =
        problems.stream()
            .map(
                problem -> {
                  Map<String, String> mark = new LinkedHashMap<>();
                  mark.put("id", problem.elementId());
                  mark.put("message", problem.message());
                  return mark;
                })
            .toList();
    try {
      getElement()
          .executeJs(
              "return window.partnerflowModeler.markProblems(this, JSON.parse($0))",
              new ObjectMapper().writeValueAsString(marks));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  void download(String fileName) {
    getElement().executeJs("return window.partnerflowModeler.download(this, $0)", fileName);
  }
}
