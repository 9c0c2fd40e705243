package io.partnerflow.app.modeling;

/**
 * One model as the engine knows it after a deployment.
 *
 * @param kind process, decision or form
 * @param id the process, decision or form id
 * @param version the engine's version; unchanged content keeps its version
 * @param key the engine's key of this version
 */
public record DeployedModel(Kind kind, String id, int version, long key, String resourceName) {

  /** What a model file defines. */
  public enum Kind {
    PROCESS,
    DECISION,
    FORM
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + " " + id + " v" + version + " (" + resourceName + ")";
  }
}
