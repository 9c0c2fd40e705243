package io.partnerflow.app.contract.document;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders in one pass: a value is inserted as plain text (Markdown
 * neutralised, see {@link MarkdownText#escape}) and never read again for placeholders. A
 * placeholder without a value fails loudly, naming every such placeholder, rather than leaving a
 * gap in a contract.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

  private Placeholders() {}

  static String fill(String templateName, String text, Map<String, String> values) {
    TreeSet<String> unknown = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        unknown.add(matcher.group(1));
        matcher.appendReplacement(filled, "");
      } else {
        matcher.appendReplacement(filled, Matcher.quoteReplacement(MarkdownText.escape(value)));
      }
    }
    matcher.appendTail(filled);
    if (!unknown.isEmpty()) {
      throw new ContractTemplateException(
          templateName
              + ": unknown placeholder(s) "
              + unknown
              + "; known are "
              + new TreeSet<>(values.keySet()));
    }
    if (filled.indexOf("{{") >= 0) {
      throw new ContractTemplateException(
          templateName + ": '{{' that is not a placeholder {{name}}");
    }
    return filled.toString();
  }
}
