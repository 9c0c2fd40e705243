package io.partnerflow.app.enablement.catalogue;

import java.util.List;
import java.util.stream.Collectors;

/** An edit the server refuses, with every problem found (nothing of it was saved). */
public class CatalogueValidationException extends RuntimeException {

  private final List<FieldProblem> problems;

  public CatalogueValidationException(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(problem -> problem.field() + ": " + problem.messageKey())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public CatalogueValidationException(FieldProblem problem) {
    this(List.of(problem));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
