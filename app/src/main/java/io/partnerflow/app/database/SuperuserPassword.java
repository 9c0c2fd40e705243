package io.partnerflow.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the embedded cluster's superuser, generated when the cluster is created and kept
 * beside its data directory ({@code <data-directory>.password}, readable by its owner only), so
 * that another local user cannot connect as superuser while the platform runs.
 */
final class SuperuserPassword {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /**
   * Password authentication (SCRAM) for every connection, local socket and TCP; nothing is trusted.
   */
  static final String PG_HBA =
      """
      # written by Partnerflow at every start: every connection needs the superuser's password
      # (kept in the .password file beside this data directory)
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      host    all   all   ::1/128        scram-sha-256
      """;

  private final Path file;

  SuperuserPassword(Path dataDirectory) {
    this.file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
  }

  Path file() {
    return file;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /** A fresh random password in the file (replacing an old one): for a new cluster. */
  String generate() {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try {
      Files.deleteIfExists(file);
      Files.createDirectories(file.getParent());
      createOwnerOnly();
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the database password to " + file, e);
    }
    return password;
  }

  String read() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the database password from " + file, e);
    }
  }

  /** Replaces the cluster's pg_hba.conf with password authentication only. */
  static void requirePasswords(Path dataDirectory) {
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDirectory, e);
    }
  }

  private void createOwnerOnly() throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      // e.g. Windows: the file inherits the folder's access list
      Files.createFile(file);
    }
  }
}
