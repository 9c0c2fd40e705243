package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/**
 * One thing wrong with an edit: the field (a path such as {@code quiz.questions[2].options}) and
 * the message key in i18n/enablement-catalogue.properties with its arguments.
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) {

  public FieldProblem {
    arguments = List.copyOf(arguments);
  }

  static FieldProblem of(String field, String messageKey, Object... arguments) {
    return new FieldProblem(field, messageKey, List.of(arguments));
  }
}
