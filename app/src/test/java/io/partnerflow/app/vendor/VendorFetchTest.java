package io.partnerflow.app.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's vendor step ({@code app/vendor/VendorFetch.java}) run exactly as the build runs it,
 * as a single-file program, against a local stand-in of the npm registry that serves tarballs made
 * here.
 */
class VendorFetchTest {

  private static final Path PROGRAM = Path.of("vendor/VendorFetch.java").toAbsolutePath();

  @TempDir Path dir;
  private HttpServer registry;
  private final Map<String, byte[]> tarballs = new LinkedHashMap<>();
  private final AtomicInteger downloads = new AtomicInteger();

  @BeforeEach
  void startRegistry() throws IOException {
    registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry.createContext(
        "/",
        exchange -> {
          byte[] body = tarballs.get(exchange.getRequestURI().getPath());
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    registry.start();
  }

  @AfterEach
  void stopRegistry() {
    registry.stop(0);
  }

  @Test
  void shouldUnpackOnlyTheKeptFilesAndTheLicence() throws Exception {
    // given
    byte[] tgz =
        tgz(
            Map.of(
                "package/LICENSE", "MIT licence text",
                "package/package.json", "{}",
                "package/dist/lib.min.js", "window.Lib = 1;",
                "package/dist/lib.development.js", "window.Lib = 'dev';",
                "package/dist/assets/lib.css", "body{}",
                "package/dist/assets/font/lib.woff2", "font"));
    tarballs.put("/demo-lib/-/demo-lib-1.2.3.tgz", tgz);
    Path lock =
        lock(
            """
            [demo-lib@1.2.3]
            integrity = %s
            keep = dist/lib.min.js
            keep = dist/assets/**
            """
                .formatted(integrity(tgz)));

    // when
    Run run = fetch(lock);

    // then
    assertThat(run.exit()).as(run.output()).isZero();
    Path target = dir.resolve("out/META-INF/resources/vendor/demo-lib/1.2.3");
    assertThat(files(target))
        .containsExactlyInAnyOrder(
            "LICENSE", "dist/lib.min.js", "dist/assets/lib.css", "dist/assets/font/lib.woff2");
    assertThat(target.resolve("LICENSE")).hasContent("MIT licence text");
  }

  @Test
  void shouldRefuseATarballThatDoesNotMatchItsIntegrity() throws Exception {
    // given: the registry serves other bytes than the lock pins
    byte[] pinned = tgz(Map.of("package/LICENSE", "MIT", "package/lib.js", "good"));
    byte[] served = tgz(Map.of("package/LICENSE", "MIT", "package/lib.js", "tampered"));
    tarballs.put("/demo-lib/-/demo-lib-1.0.0.tgz", served);
    Path lock =
        lock(
            """
            [demo-lib@1.0.0]
            integrity = %s
            keep = lib.js
            """
                .formatted(integrity(pinned)));

    // when
    Run run = fetch(lock);

    // then: the build fails, says why, and neither unpacks nor caches anything
    assertThat(run.exit()).isNotZero();
    assertThat(run.output())
        .contains("demo-lib@1.0.0")
        .contains("does not match the pinned integrity");
    assertThat(dir.resolve("out/META-INF/resources/vendor/demo-lib/1.0.0/lib.js")).doesNotExist();
    assertThat(dir.resolve("cache/demo-lib-1.0.0.tgz")).doesNotExist();
  }

  @Test
  void shouldUseTheCacheAndAPrivateTargetForScopedPackages() throws Exception {
    // given: a scoped package bound for a directory outside META-INF/resources
    byte[] tgz = tgz(Map.of("package/LICENSE.md", "OFL", "package/fonts/Sans.ttf", "glyphs"));
    tarballs.put("/@fonts/sans/-/sans-2.0.0.tgz", tgz);
    Path lock =
        lock(
            """
            [@fonts/sans@2.0.0]
            integrity = %s  # checked on every build
            keep = fonts/*.ttf
            target = fonts/{package}/{version}
            """
                .formatted(integrity(tgz)));

    // when: built, then cleaned and built again
    assertThat(fetch(lock).exit()).isZero();
    deleteTree(dir.resolve("out"));
    Run second = fetch(lock);

    // then
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(downloads).hasValue(1);
    assertThat(dir.resolve("out/fonts/@fonts/sans/2.0.0/fonts/Sans.ttf")).hasContent("glyphs");
    assertThat(dir.resolve("out/fonts/@fonts/sans/2.0.0/LICENSE.md")).hasContent("OFL");
  }

  @Test
  void shouldFailOnAKeepPatternThatMatchesNothing() throws Exception {
    byte[] tgz = tgz(Map.of("package/LICENSE", "MIT", "package/dist/lib.js", "x"));
    tarballs.put("/demo-lib/-/demo-lib-1.0.0.tgz", tgz);
    Path lock =
        lock(
            """
            [demo-lib@1.0.0]
            integrity = %s
            keep = dist/lib.min.js
            """
                .formatted(integrity(tgz)));

    Run run = fetch(lock);

    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("keep pattern 'dist/lib.min.js' matched no file");
  }

  @Test
  void shouldPointBareModuleImportsAtVendoredFiles() throws Exception {
    byte[] tgz =
        tgz(
            Map.of(
                "package/LICENSE",
                "MIT",
                "package/dist/index.esm.js",
                "import { forEach } from 'min-dash';\nexport const x = 1;"));
    tarballs.put("/differ/-/differ-3.0.0.tgz", tgz);
    Path lock =
        lock(
            """
            [differ@3.0.0]
            integrity = %s
            keep = dist/index.esm.js
            rewrite = min-dash -> ../../../min-dash/5.1.0/dist/index.js
            """
                .formatted(integrity(tgz)));

    Run run = fetch(lock);

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(dir.resolve("out/META-INF/resources/vendor/differ/3.0.0/dist/index.esm.js"))
        .content()
        .startsWith("import { forEach } from '../../../min-dash/5.1.0/dist/index.js';");
  }

  private record Run(int exit, String output) {}

  private Run fetch(Path lock) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dvendor.registry=http://127.0.0.1:" + registry.getAddress().getPort(),
                PROGRAM.toString(),
                lock.toString(),
                dir.resolve("out").toString(),
                dir.resolve("cache").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  private Path lock(String text) throws IOException {
    return Files.writeString(dir.resolve("vendor.lock"), text);
  }

  private static String integrity(byte[] content) throws Exception {
    return "sha512-"
        + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(content));
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      List<String> names = new ArrayList<>();
      paths
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(name -> !name.startsWith(".vendor"))
          .forEach(names::add);
      return names;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }

  /** A gzipped ustar archive, as npm publishes packages. */
  private static byte[] tgz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, file.getKey());
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
          header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
          sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        gzip.write(header);
        gzip.write(content);
        gzip.write(new byte[(512 - content.length % 512) % 512]);
      }
      gzip.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, header, offset, ascii.length);
  }
}
