package io.partnerflow.engine.problem;

/**
 * A rejected request. The HTTP status and title travel with it so that commands stay free of web
 * types; the api package turns it into an RFC 9457 problem detail.
 */
public class EngineException extends RuntimeException {

  private final int status;
  private final String title;

  public EngineException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** 400: the request is malformed or names something that cannot be used. */
  public static EngineException invalid(String detail) {
    return new EngineException(400, "INVALID_ARGUMENT", detail);
  }

  /** 404: no entity with this key. */
  public static EngineException notFound(String what, long key) {
    return new EngineException(404, "NOT_FOUND", "%s with key '%d' not found".formatted(what, key));
  }

  /** 404 with a free-text detail. */
  public static EngineException notFound(String detail) {
    return new EngineException(404, "NOT_FOUND", detail);
  }

  /** 403: the operation is switched off on this engine. */
  public static EngineException forbidden(String detail) {
    return new EngineException(403, "FORBIDDEN", detail);
  }

  /** 409: the entity exists but is in a state that does not allow the operation. */
  public static EngineException invalidState(String detail) {
    return new EngineException(409, "INVALID_STATE", detail);
  }
}
