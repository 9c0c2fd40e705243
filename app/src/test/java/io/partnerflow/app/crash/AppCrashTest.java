package io.partnerflow.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.FileSystemUtils;

/**
 * Kills the platform with SIGKILL while applications are being submitted and approved, starts it
 * again on the same database and checks that nothing was lost or done twice: every acknowledged
 * application ends in exactly one process instance and one partner, no notice is queued twice and
 * no review task is lost. The platform runs in a JVM of its own ({@link CrashDriver}).
 */
class AppCrashTest {

  private static final int APPLICATIONS = 24;

  @Test
  // a child that never reaches the kill point must fail the test, not hold the build
  @Timeout(value = 12, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void shouldFinishEveryApplicationExactlyOnceAfterTheAppIsKilledMidLoad() throws Exception {
    // given: a fresh data directory and the platform under load
    Path data = Paths.get(System.getProperty("partnerflow.test.target", "target"), "crash-test");
    FileSystemUtils.deleteRecursively(data);
    Files.createDirectories(data);
    Process load = start("load", data, APPLICATIONS);
    int acknowledged;
    try (BufferedReader out = reader(load)) {
      // when: killed right after a review was approved, while its workers run
      acknowledged = readUntilKillPoint(out);
      load.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).as("applications acknowledged before the kill").isPositive();

    // then: a restart on the same data finishes every application exactly once
    Process verify = start("verify", data, acknowledged);
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = reader(verify)) {
      CompletableFuture<Void> reading =
          CompletableFuture.runAsync(
              () ->
                  out.lines()
                      .peek(line -> System.out.println("[verify] " + line))
                      .forEach(lines::add));
      boolean ended = verify.waitFor(6, TimeUnit.MINUTES);
      if (!ended) {
        verify.destroyForcibly();
      }
      reading.get(30, TimeUnit.SECONDS);
    }
    List<String> verdict =
        lines.stream()
            .filter(
                line ->
                    line.startsWith(CrashDriver.VERIFY_OK)
                        || line.startsWith(CrashDriver.VERIFY_FAILED))
            .toList();
    assertThat(verdict)
        .as("verdict of the restarted platform (see %s)", data)
        .containsExactly(CrashDriver.VERIFY_OK);
  }

  /** Reads progress until at least a third is submitted and two reviews are approved. */
  private static int readUntilKillPoint(BufferedReader out) throws IOException {
    int submitted = 0;
    int approved = 0;
    String line;
    while ((line = out.readLine()) != null) {
      System.out.println("[load] " + line);
      if (line.startsWith(CrashDriver.SUBMITTED_LINE)) {
        submitted = Integer.parseInt(line.substring(CrashDriver.SUBMITTED_LINE.length()).trim());
      } else if (line.startsWith(CrashDriver.APPROVED_LINE)) {
        approved = Integer.parseInt(line.substring(CrashDriver.APPROVED_LINE.length()).trim());
        if (approved >= 2 && submitted >= APPLICATIONS / 3) {
          return submitted;
        }
      }
    }
    throw new IllegalStateException("the platform ended before the kill point; see its log");
  }

  private static Process start(String mode, Path data, int applications) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-XX:TieredStopAtLevel=1",
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            CrashDriver.class.getName(),
            mode,
            data.resolve("postgres").toAbsolutePath().toString(),
            Integer.toString(applications));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }
}
