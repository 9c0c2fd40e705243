package io.partnerflow.app.modeling;

import io.partnerflow.app.modeling.DeployedModel.Kind;
import java.util.Optional;

/**
 * A model as the workspace names it: its kind and id. The resource it is deployed as is the id with
 * the kind's extension, as in {@code bpmn/} and {@code forms/} ({@code <process-id>.bpmn}).
 */
public record ModelRef(Kind kind, String id) {

  public ModelRef {
    if (kind == null || id == null || !id.matches("[A-Za-z_][A-Za-z0-9_.-]{0,200}")) {
      throw new IllegalArgumentException("Not a model id: " + id);
    }
  }

  public String resourceName() {
    return id + kind.extension();
  }

  /** The model a file name stands for, e.g. {@code partner-recruitment.bpmn}. */
  public static Optional<ModelRef> ofResourceName(String fileName) {
    return Kind.ofFileName(fileName)
        .map(
            kind ->
                new ModelRef(
                    kind, fileName.substring(0, fileName.length() - kind.extension().length())));
  }

  @Override
  public String toString() {
    return resourceName();
  }
}
