package io.partnerflow.engine.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the app's Camunda client at the embedded engine (loopback REST, basic auth) unless the
 * user configured the client explicitly. Does nothing when the engine is disabled.
 *
 * <p>Without a configured {@code partnerflow.engine.api.password} the /v2 credential is generated
 * here, at every start, from {@link SecureRandom}: only this JVM's client knows it, so no
 * installation shares a credential with another.
 */
public class EngineClientEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  /** After the config files (application.yaml, profiles) have been read. */
  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 100;
  }

  static final String PROPERTY_SOURCE = "partnerflowEngineClient";
  static final String USERNAME = "partnerflow.engine.api.username";
  static final String PASSWORD = "partnerflow.engine.api.password";
  static final String SERVER_PORT = "partnerflowEngineServerPort";
  static final String GENERATED_CREDENTIAL = "partnerflowEngineGeneratedCredential";

  /** Username of the generated credential; the password is what keeps it secret. */
  static final String GENERATED_USERNAME = "embedded-client";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("partnerflow.engine.enabled", Boolean.class, true)) {
      return;
    }
    int port = environment.getProperty("server.port", Integer.class, 8080);
    if (port == 0) {
      // the client must know the port before the server picks one, so pick it up front
      port = freePort();
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource(SERVER_PORT, Map.of("server.port", port)));
    }
    if (!StringUtils.hasText(environment.getProperty(PASSWORD))) {
      generateCredential(environment);
    }
    String username = environment.getProperty(USERNAME);
    String password = environment.getProperty(PASSWORD);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("camunda.client.mode", "self-managed");
    defaults.put("camunda.client.rest-address", "http://127.0.0.1:" + port);
    // the client builds a gRPC channel object but never uses it with REST preferred
    defaults.put("camunda.client.grpc-address", "http://127.0.0.1:26500");
    defaults.put("camunda.client.prefer-rest-over-grpc", "true");
    defaults.put("camunda.client.auth.method", "basic");
    defaults.put("camunda.client.auth.username", username);
    defaults.put("camunda.client.auth.password", password);
    defaults.keySet().removeIf(environment::containsProperty);
    if (!defaults.isEmpty()) {
      // lowest precedence: anything the user set anywhere wins
      environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }
  }

  /**
   * A random password (and a username, unless one is configured) for this start, put before every
   * other property source so that a blank value in a config file cannot hide it.
   */
  private static void generateCredential(ConfigurableEnvironment environment) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Map<String, Object> credential = new LinkedHashMap<>();
    String username = environment.getProperty(USERNAME);
    credential.put(USERNAME, StringUtils.hasText(username) ? username : GENERATED_USERNAME);
    credential.put(PASSWORD, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource(GENERATED_CREDENTIAL, credential));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }
}
