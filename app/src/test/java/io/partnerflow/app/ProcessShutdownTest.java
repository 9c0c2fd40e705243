package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a running platform (what Ctrl+C and orchestrators send): the app drains and stops,
 * then its embedded PostgreSQL stops cleanly, and nothing is logged as an ERROR.
 */
class ProcessShutdownTest {

  @Test
  void shouldStopTheAppBeforeItsDatabaseWithoutErrors() throws Exception {
    // given: the platform in a JVM of its own, on its own data directory
    Path directory = Path.of("target", "shutdown-" + UUID.randomUUID()).toAbsolutePath();
    Files.createDirectories(directory);
    Path log = directory.resolve("platform.log");
    Path data = directory.resolve("postgres");
    Process platform =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    PartnerflowApplication.class.getName(),
                    "--spring.profiles.active=test,demo",
                    "--partnerflow.embedded-postgres.data-directory=" + data,
                    "--partnerflow.embedded-postgres.clean-on-start=false"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> !platform.isAlive() || Files.readString(log).contains("is ready at"));
      assertThat(platform.isAlive()).as(Files.readString(log)).isTrue();
      assertThat(data.resolve("postmaster.pid")).exists();
      Matcher ready =
          Pattern.compile("ready at http://localhost:(\\d+)/").matcher(Files.readString(log));
      assertThat(ready.find()).isTrue();
      URI health = URI.create("http://127.0.0.1:" + ready.group(1) + "/actuator/health");
      Thread load = new Thread(() -> askForHealth(health, platform), "health-load");
      load.setDaemon(true);
      load.start();

      // when: it is told to stop while requests that use the database keep coming
      Thread.sleep(500);
      platform.destroy();

      // then
      assertThat(platform.waitFor(2, TimeUnit.MINUTES)).isTrue();
      String output = Files.readString(log);
      // (the database stopping under the running app shows as PSQLException "terminating
      // connection due to administrator command")
      assertThat(output)
          .doesNotContain(" ERROR ")
          .doesNotContain("PSQLException")
          .doesNotContain("administrator command");
      assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();
      load.join(10_000);
    } finally {
      platform.destroyForcibly();
    }
  }

  /** Health checks ask the database; they go on until the platform is gone. */
  private static void askForHealth(URI health, Process platform) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (platform.isAlive()) {
      try {
        http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
      } catch (Exception refusedWhileStopping) {
        // the server no longer accepts: expected during shutdown
      }
    }
  }
}
