package io.partnerflow.engine.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code partnerflow.engine.*}. */
@ConfigurationProperties(prefix = "partnerflow.engine")
public class EngineProperties {

  /** Whether the embedded engine runs in this JVM and serves /v2 on the app's port. */
  private boolean enabled = true;

  private final Api api = new Api();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Api getApi() {
    return api;
  }

  /**
   * The one credential that may call /v2 (HTTP Basic); the embedded client uses it too. Without a
   * password, a random one is generated at every start that only the in-process client knows (see
   * {@link EngineClientEnvironmentPostProcessor}).
   */
  public static class Api {
    /** PARTNERFLOW_ENGINE_API_USERNAME; generated when no password is configured. */
    private String username;

    /** PARTNERFLOW_ENGINE_API_PASSWORD; generated at every start when unset. */
    private String password;

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }
  }
}
