package io.partnerflow.app.enablement.catalogue.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.enablement.catalogue.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The editor's fields by the server's field paths ({@code quiz.questions[1].options}), so a refused
 * save marks exactly the fields at fault. A path with no field of its own (e.g. a list) gets a
 * message element registered for it.
 */
final class FieldProblems {

  private final Map<String, HasValidation> fields = new LinkedHashMap<>();
  private final Map<String, Span> messages = new LinkedHashMap<>();

  void field(String path, HasValidation field) {
    fields.put(path, field);
  }

  /** A message line for a path without an input (a list of options, the whole quiz). */
  Span message(String path) {
    Span span = new Span();
    span.getStyle().set("color", "var(--lumo-error-text-color)");
    span.getStyle().set("font-size", "var(--lumo-font-size-s)");
    span.setVisible(false);
    span.setId("problem-" + path.replaceAll("[^A-Za-z0-9]+", "-"));
    messages.put(path, span);
    return span;
  }

  void clear() {
    fields.values().forEach(field -> field.setInvalid(false));
    messages.values().forEach(span -> span.setVisible(false));
  }

  /** Marks the fields; returns the problems no field or message took, as text. */
  List<String> show(List<FieldProblem> problems, Function<FieldProblem, String> translate) {
    clear();
    List<String> unplaced = new ArrayList<>();
    for (FieldProblem problem : problems) {
      String text = translate.apply(problem);
      HasValidation field = fields.get(problem.field());
      Span message = messages.get(problem.field());
      if (field != null) {
        field.setErrorMessage(text);
        field.setInvalid(true);
      } else if (message != null) {
        message.setText(text);
        message.setVisible(true);
      } else {
        unplaced.add(problem.field() + ": " + text);
      }
    }
    return unplaced;
  }

  static <T extends Component & HasValidation> T registered(
      FieldProblems problems, String path, T field) {
    problems.field(path, field);
    return field;
  }
}
