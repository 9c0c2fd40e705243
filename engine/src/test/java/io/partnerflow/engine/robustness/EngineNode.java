package io.partnerflow.engine.robustness;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An engine in a child JVM ({@link EngineNodeMain}) on a fixed port and a given database, which a
 * test can start, kill with SIGKILL and start again. Its output goes to {@code
 * target/robustness/<name>-<n>.log} (one file per start).
 */
final class EngineNode implements AutoCloseable {

  static final String USERNAME = "partnerflow";
  static final String PASSWORD = "partnerflow";

  /** What {@link Process#exitValue()} reports on Linux for a JVM killed by SIGKILL (128 + 9). */
  static final int KILLED_BY_SIGKILL = 137;

  private static final Path LOG_DIRECTORY = Path.of("target", "robustness");

  private final String name;
  private final String jdbcUrl;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<CamundaClient> clients = new ArrayList<>();
  private Process process;
  private Path log;
  private int starts;

  EngineNode(String name, String jdbcUrl, int port) {
    this.name = name;
    this.jdbcUrl = jdbcUrl;
    this.port = port;
  }

  /** A port nobody listens on now (the node keeps it across restarts). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /** Launches the child JVM (does not wait for it: see {@link #awaitReady}). */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    starts++;
    try {
      Files.createDirectories(LOG_DIRECTORY);
      log = LOG_DIRECTORY.resolve(name + "-" + starts + ".log");
      Files.deleteIfExists(log);
      process =
          new ProcessBuilder(command())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              // stdin stays a pipe: the child halts when it closes (the test JVM died)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start engine node " + name, e);
    }
  }

  private List<String> command() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-cp",
        System.getProperty("java.class.path"),
        EngineNodeMain.class.getName(),
        "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl);
  }

  /**
   * Waits until {@code GET /v2/topology} answers 200 (the schema is migrated and the API serves);
   * fails at once when the child JVM has exited.
   */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest topology =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/topology"))
            .header("Authorization", basicAuthorization())
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Engine node %s exited with %d before it was ready; see %s"
                .formatted(name, process.exitValue(), log.toAbsolutePath()));
      }
      try {
        if (http.send(topology, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(100);
    }
    throw new IllegalStateException(
        "Engine node %s was not ready within %s; see %s"
            .formatted(name, timeout, log.toAbsolutePath()));
  }

  /**
   * Kills the child JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown
   * hook, no graceful stop, open transactions and HTTP requests cut off. Returns its exit value.
   */
  synchronized int kill() {
    if (process == null) {
      return -1;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Engine node " + name + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /** A new client for this node's address (valid across restarts: the port stays). */
  synchronized CamundaClient newClient() {
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .grpcAddress(URI.create("http://127.0.0.1:26500"))
            .preferRestOverGrpc(true)
            .credentialsProvider(
                CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .username(USERNAME)
                    .password(PASSWORD)
                    .applyEnvironmentOverrides(false)
                    .build())
            .defaultRequestTimeout(Duration.ofSeconds(15))
            .numJobWorkerExecutionThreads(4)
            .build();
    clients.add(client);
    return client;
  }

  /** Closes the clients (and their workers) and kills the JVM if it still runs. */
  @Override
  public synchronized void close() {
    clients.forEach(CamundaClient::close);
    clients.clear();
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
