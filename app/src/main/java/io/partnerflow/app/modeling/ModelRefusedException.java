package io.partnerflow.app.modeling;

import java.util.List;

/** The model fails the checks deployment applies; nothing was deployed. */
public class ModelRefusedException extends RuntimeException {

  private final transient List<ModelProblem> problems;

  ModelRefusedException(List<ModelProblem> problems) {
    super("The model was refused: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }
}
