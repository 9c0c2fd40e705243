package io.partnerflow.app.contract.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads contract templates: {@code <directory>/<id>.<language>.md}, falling back to the copies
 * built into the app ({@code classpath:contracts/}). Each file starts with front matter naming at
 * least {@code version} and {@code title}. Files are read at each use, so an edited template
 * applies to the next document without a restart, and the version recorded is the one rendered.
 */
@Component
public class ContractTemplates {

  /** The languages a template exists in. */
  public static final Set<String> LANGUAGES = Set.of("en", "zh");

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final ContractDocumentProperties properties;

  ContractTemplates(ContractDocumentProperties properties) {
    this.properties = properties;
  }

  /** The template in that language; refused when there is no such file or it is malformed. */
  public ContractTemplate load(String id, String language) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ContractTemplateException("Not a template id: '" + id + "'");
    }
    if (!LANGUAGES.contains(language)) {
      throw new ContractTemplateException(
          "Templates exist in " + LANGUAGES + ", not in '" + language + "'");
    }
    String name = id + "." + language + ".md";
    Resource file = file(name);
    if (!file.exists()) {
      throw new ContractTemplateException(
          "No contract template " + name + " in " + properties.directory() + " nor built in");
    }
    try (InputStream in = file.getInputStream()) {
      return parse(id, language, new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new ContractTemplateException("Cannot read contract template " + name, e);
    }
  }

  private Resource file(String name) {
    Path path = Path.of(properties.directory(), name);
    return Files.isReadable(path)
        ? new FileSystemResource(path)
        : new ClassPathResource("contracts/" + name);
  }

  /** Splits front matter ({@code key: value} lines between two {@code ---}) from the body. */
  static ContractTemplate parse(String id, String language, String text, String name) {
    String normalized = text.replace("\r\n", "\n").replace("\uFEFF", "");
    if (!normalized.startsWith("---\n")) {
      throw new ContractTemplateException(name + ": must start with front matter (---)");
    }
    int end = normalized.indexOf("\n---\n", 3);
    if (end < 0) {
      throw new ContractTemplateException(name + ": front matter is not closed (---)");
    }
    Map<String, String> front = new LinkedHashMap<>();
    for (String line : normalized.substring(4, end).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 1) {
        throw new ContractTemplateException(
            name + ": front matter line is not 'key: value': " + line);
      }
      front.put(line.substring(0, colon).trim(), unquote(line.substring(colon + 1).trim()));
    }
    String version = front.get("version");
    String title = front.get("title");
    if (version == null || version.isBlank() || title == null || title.isBlank()) {
      throw new ContractTemplateException(name + ": front matter needs 'version' and 'title'");
    }
    return new ContractTemplate(id, language, version, title, normalized.substring(end + 5));
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
