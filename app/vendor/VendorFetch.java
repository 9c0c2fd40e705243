package io.partnerflow.vendor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches the browser libraries named in {@code vendor.lock} from the npm registry at build time,
 * checks each tarball against its pinned integrity hash, and unpacks the kept files (plus the
 * package's licence) into the build's resources. Needs only the JDK: the build runs it as a
 * single-file program ({@code java VendorFetch.java LOCK OUT CACHE}), so no Node or npm is needed.
 *
 * <p>Tarballs are cached by name and version; a cached file is checked like a downloaded one, so a
 * repeated build is offline and a corrupted cache is fetched again. A package whose output is
 * already in place for the same manifest entry is not unpacked again.
 */
public final class VendorFetch {

  static final String DEFAULT_REGISTRY = "https://registry.npmjs.org";
  static final String DEFAULT_TARGET = "META-INF/resources/vendor/{package}/{version}";
  private static final String STAMP = ".vendor-entry";

  private final Path outputRoot;
  private final Path cache;
  private final Downloader downloader;

  VendorFetch(Path outputRoot, Path cache, Downloader downloader) {
    this.outputRoot = outputRoot;
    this.cache = cache;
    this.downloader = downloader;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: java VendorFetch.java <vendor.lock> <output dir> <cache dir>");
      System.exit(2);
    }
    String registry = System.getProperty("vendor.registry", DEFAULT_REGISTRY);
    try {
      List<Entry> entries = Manifest.parse(Files.readString(Path.of(args[0])), args[0]);
      VendorFetch fetch =
          new VendorFetch(Path.of(args[1]), Path.of(args[2]), new HttpDownloader(registry));
      for (Entry entry : entries) {
        fetch.install(entry);
      }
    } catch (VendorException e) {
      System.err.println("[vendor] " + e.getMessage());
      System.exit(1);
    }
  }

  /** Puts one package's kept files and licence in its target directory. */
  void install(Entry entry) throws IOException {
    Path target = outputRoot.resolve(entry.target()).normalize();
    if (!target.startsWith(outputRoot.normalize())) {
      throw new VendorException(entry + ": target " + entry.target() + " leaves the output dir");
    }
    String stamp = entry.stamp();
    Path stampFile = target.resolve(STAMP);
    if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
      return; // unpacked by an earlier build from the same manifest entry
    }
    byte[] tarball = tarball(entry);
    deleteTree(target);
    Files.createDirectories(target);
    Unpacked unpacked = unpack(entry, tarball, target);
    for (String keep : entry.keep()) {
      if (!unpacked.matchedPatterns().contains(keep)) {
        throw new VendorException(entry + ": keep pattern '" + keep + "' matched no file");
      }
    }
    if (unpacked.licences() == 0) {
      throw new VendorException(
          entry + ": the package has no LICENSE file; name one with 'license = <path>'");
    }
    Files.writeString(stampFile, stamp);
    System.out.println(
        "[vendor] " + entry + ": " + unpacked.files() + " files -> " + outputRoot.relativize(target));
  }

  /** The verified tarball, from the cache or the registry. */
  byte[] tarball(Entry entry) throws IOException {
    Path cached = cache.resolve(entry.fileName());
    if (Files.isRegularFile(cached)) {
      byte[] bytes = Files.readAllBytes(cached);
      if (Integrity.matches(entry.integrity(), bytes)) {
        return bytes;
      }
      System.out.println("[vendor] " + cached + " does not match its integrity; fetching again");
    }
    byte[] bytes = downloader.download(entry);
    if (!Integrity.matches(entry.integrity(), bytes)) {
      throw new VendorException(
          entry
              + ": downloaded tarball does not match the pinned integrity "
              + entry.integrity()
              + " (got "
              + Integrity.compute(entry.integrity(), bytes)
              + "); the registry served other content than vendor.lock expects, so nothing was"
              + " unpacked");
    }
    Files.createDirectories(cache);
    Path partial = Files.createTempFile(cache, entry.fileName(), ".part");
    Files.write(partial, bytes);
    Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return bytes;
  }

  private Unpacked unpack(Entry entry, byte[] tarball, Path target) throws IOException {
    Map<String, PathMatcher> matchers = new LinkedHashMap<>();
    for (String keep : entry.keep()) {
      matchers.put(keep, FileSystems.getDefault().getPathMatcher("glob:" + keep));
    }
    List<String> matched = new ArrayList<>();
    int files = 0;
    int licences = 0;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tarball))) {
      for (TarEntry file : Tar.files(in)) {
        String path = stripRoot(file.name());
        if (path.isEmpty()) {
          continue;
        }
        Path relative = Path.of(path).normalize();
        if (relative.isAbsolute() || relative.startsWith("..")) {
          throw new VendorException(entry + ": tarball entry " + file.name() + " leaves the package");
        }
        boolean licence = entry.isLicence(path);
        boolean kept = false;
        for (Map.Entry<String, PathMatcher> m : matchers.entrySet()) {
          if (m.getValue().matches(relative)) {
            kept = true;
            if (!matched.contains(m.getKey())) {
              matched.add(m.getKey());
            }
          }
        }
        if (!kept && !licence) {
          continue;
        }
        Path out = target.resolve(licence && !kept ? relative.getFileName() : relative);
        Files.createDirectories(out.getParent());
        Files.write(out, kept ? entry.rewrite(path, file.content()) : file.content());
        files++;
        if (licence) {
          licences++;
        }
      }
    }
    return new Unpacked(files, licences, matched);
  }

  /** npm tarballs hold the package in one top directory, usually {@code package/}. */
  private static String stripRoot(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(slash + 1);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private record Unpacked(int files, int licences, List<String> matchedPatterns) {}

  /** A problem the build must stop for, with a message that says what to do. */
  static final class VendorException extends RuntimeException {
    VendorException(String message) {
      super(message);
    }
  }

  /** One package of the manifest. */
  record Entry(
      String name,
      String version,
      String integrity,
      List<String> keep,
      String targetPattern,
      List<String> licences,
      Map<String, String> rewrites) {

    String target() {
      return targetPattern.replace("{package}", name).replace("{version}", version);
    }

    /** {@code @scope/name} is served as {@code name-version.tgz} under the scoped path. */
    String tarballPath() {
      String unscoped = name.substring(name.lastIndexOf('/') + 1);
      return name + "/-/" + unscoped + "-" + version + ".tgz";
    }

    String fileName() {
      return name.replace('/', '+') + "-" + version + ".tgz";
    }

    boolean isLicence(String path) {
      if (!licences.isEmpty()) {
        return licences.contains(path);
      }
      return !path.contains("/") && path.toUpperCase(Locale.ROOT).matches("LICEN[CS]E(\\..*)?");
    }

    /** Points bare ES module imports at other vendored files (browsers cannot resolve them). */
    byte[] rewrite(String path, byte[] content) {
      if (rewrites.isEmpty() || !(path.endsWith(".js") || path.endsWith(".mjs"))) {
        return content;
      }
      String text = new String(content, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> r : rewrites.entrySet()) {
        String from = Pattern.quote(r.getKey());
        text =
            text.replaceAll(
                "(from\\s*|import\\s*\\(?\\s*)(['\"])" + from + "\\2",
                "$1$2" + java.util.regex.Matcher.quoteReplacement(r.getValue()) + "$2");
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What the output was made from: a changed entry unpacks again. */
    String stamp() {
      return String.join(
          "\n",
          name,
          version,
          integrity,
          String.valueOf(keep),
          targetPattern,
          String.valueOf(licences),
          String.valueOf(rewrites));
    }

    @Override
    public String toString() {
      return name + "@" + version;
    }
  }

  /**
   * Reads {@code vendor.lock}: one block per package, {@code [name@version]} followed by {@code
   * key = value} lines; {@code #} starts a comment.
   */
  static final class Manifest {

    static List<Entry> parse(String text, String source) {
      List<Entry> entries = new ArrayList<>();
      Builder current = null;
      int lineNumber = 0;
      for (String raw : text.split("\\R")) {
        lineNumber++;
        String line = raw.replaceFirst("\\s+#.*$", "").strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String where = source + ":" + lineNumber + ": ";
        if (line.startsWith("[") && line.endsWith("]")) {
          if (current != null) {
            entries.add(current.build());
          }
          String id = line.substring(1, line.length() - 1).strip();
          int at = id.lastIndexOf('@');
          if (at <= 0 || at == id.length() - 1) {
            throw new VendorException(where + "expected [package@version], got " + line);
          }
          current = new Builder(id.substring(0, at), id.substring(at + 1), where);
          continue;
        }
        int eq = line.indexOf('=');
        if (current == null || eq < 0) {
          throw new VendorException(where + "expected 'key = value' inside a [package@version]");
        }
        current.set(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), where);
      }
      if (current != null) {
        entries.add(current.build());
      }
      return entries;
    }

    private static final class Builder {
      private final String name;
      private final String version;
      private final String where;
      private String integrity;
      private String target = DEFAULT_TARGET;
      private final List<String> keep = new ArrayList<>();
      private final List<String> licences = new ArrayList<>();
      private final Map<String, String> rewrites = new LinkedHashMap<>();

      Builder(String name, String version, String where) {
        this.name = name;
        this.version = version;
        this.where = where;
      }

      void set(String key, String value, String where) {
        switch (key) {
          case "integrity" -> integrity = value;
          case "keep" -> keep.addAll(List.of(value.split("\\s+")));
          case "target" -> target = value;
          case "license" -> licences.add(value);
          case "rewrite" -> {
            String[] parts = value.split("\\s*->\\s*");
            if (parts.length != 2) {
              throw new VendorException(where + "expected 'rewrite = module -> path'");
            }
            rewrites.put(parts[0], parts[1]);
          }
          default ->
              throw new VendorException(
                  where + "unknown key '" + key + "' (integrity, keep, target, license, rewrite)");
        }
      }

      Entry build() {
        if (integrity == null || !integrity.contains("-")) {
          throw new VendorException(where + name + "@" + version + " needs 'integrity = sha512-…'");
        }
        if (keep.isEmpty()) {
          throw new VendorException(where + name + "@" + version + " keeps no file ('keep = …')");
        }
        return new Entry(
            name,
            version,
            integrity,
            List.copyOf(keep),
            target,
            List.copyOf(licences),
            Map.copyOf(rewrites));
      }
    }
  }

  /** Subresource-integrity strings as npm publishes them: {@code sha512-<base64>}. */
  static final class Integrity {

    static boolean matches(String integrity, byte[] content) {
      String expected = integrity.substring(integrity.indexOf('-') + 1);
      String actual = compute(integrity, content);
      return MessageDigest.isEqual(
          Base64.getDecoder().decode(expected),
          Base64.getDecoder().decode(actual.substring(actual.indexOf('-') + 1)));
    }

    static String compute(String integrity, byte[] content) {
      String algorithm = integrity.substring(0, integrity.indexOf('-')).toLowerCase(Locale.ROOT);
      String javaName =
          switch (algorithm) {
            case "sha512" -> "SHA-512";
            case "sha384" -> "SHA-384";
            case "sha256" -> "SHA-256";
            default ->
                throw new VendorException(
                    "integrity algorithm " + algorithm + " is not accepted (use sha512)");
          };
      try {
        byte[] digest = MessageDigest.getInstance(javaName).digest(content);
        return algorithm + "-" + Base64.getEncoder().encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  record TarEntry(String name, byte[] content) {}

  /** The regular files of a POSIX (ustar/pax) tar stream, which is what npm publishes. */
  static final class Tar {

    static List<TarEntry> files(InputStream in) throws IOException {
      List<TarEntry> files = new ArrayList<>();
      byte[] header = new byte[512];
      String longName = null;
      while (readFully(in, header)) {
        if (isZero(header)) {
          break;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        byte[] content = new byte[Math.toIntExact(size)];
        if (!readFully(in, content) && size > 0) {
          throw new VendorException("tarball ends inside " + name);
        }
        long padding = (512 - size % 512) % 512;
        in.skipNBytes(padding);
        switch (type) {
          case 'x' -> longName = paxPath(content);
          case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
          case '0', '\0', '7' -> {
            files.add(new TarEntry(longName != null ? longName : name, content));
            longName = null;
          }
          default -> longName = null; // directories, links and global headers are not kept
        }
      }
      return files;
    }

    private static String paxPath(byte[] content) {
      String records = new String(content, StandardCharsets.UTF_8);
      for (String record : records.split("\n")) {
        int space = record.indexOf(' ');
        if (space > 0 && record.startsWith("path=", space + 1)) {
          return record.substring(space + 1 + "path=".length());
        }
      }
      return null;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
      int read = in.readNBytes(buffer, 0, buffer.length);
      return read == buffer.length;
    }

    private static boolean isZero(byte[] block) {
      for (byte b : block) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    private static String text(byte[] header, int offset, int length) {
      int end = offset;
      while (end < offset + length && header[end] != 0) {
        end++;
      }
      return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
      String value = text(header, offset, length).strip();
      return value.isEmpty() ? 0 : Long.parseLong(value, 8);
    }
  }

  /** Where tarballs come from; tests pass their own. */
  interface Downloader {
    byte[] download(Entry entry) throws IOException;
  }

  /** The npm registry over HTTPS (proxies as set by the JDK's standard properties). */
  static final class HttpDownloader implements Downloader {
    private final String registry;
    private final HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .proxy(ProxySelector.getDefault())
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    HttpDownloader(String registry) {
      this.registry = registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
    }

    @Override
    public byte[] download(Entry entry) throws IOException {
      URI uri = URI.create(registry + "/" + entry.tarballPath());
      System.out.println("[vendor] downloading " + uri);
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3)).GET().build();
      try {
        HttpResponse<InputStream> response =
            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
          if (response.statusCode() != 200) {
            throw new VendorException(
                entry + ": " + uri + " answered HTTP " + response.statusCode());
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          body.transferTo(bytes);
          return bytes.toByteArray();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while downloading " + uri, e);
      } catch (IOException e) {
        throw new VendorException(
            entry
                + ": cannot download "
                + uri
                + " ("
                + e
                + "); the build needs the npm registry once, later builds use "
                + "the cache");
      }
    }
  }
}
