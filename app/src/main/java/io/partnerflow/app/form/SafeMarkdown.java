package io.partnerflow.app.form;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small Markdown subset of form text components turned into HTML that is safe to show: every
 * character of the source is HTML-escaped first, then only the tags made here are added (headings,
 * paragraphs, lists, bold, italic, code, and links to http(s)/mailto/relative targets). Raw HTML in
 * the source appears as text.
 */
public final class SafeMarkdown {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
  private static final Pattern SAFE_URL = Pattern.compile("^(https?://|mailto:|/|#)[^\"'<>]*$");

  private SafeMarkdown() {}

  /** One {@code <div>} (Vaadin's Html component needs a single root element). */
  public static String toHtml(String markdown) {
    StringBuilder html = new StringBuilder("<div>");
    String openList = null;
    StringBuilder paragraph = new StringBuilder();
    for (String line : (markdown == null ? "" : markdown).split("\\R", -1)) {
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      String list = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
      if (line.isBlank() || heading.matches() || list != null) {
        flush(html, paragraph);
      }
      if (openList != null && !openList.equals(list)) {
        html.append("</").append(openList).append('>');
        openList = null;
      }
      if (heading.matches()) {
        int level = Math.min(6, heading.group(1).length() + 2);
        html.append("<h").append(level).append('>').append(inline(heading.group(2)));
        html.append("</h").append(level).append('>');
      } else if (list != null) {
        if (openList == null) {
          html.append('<').append(list).append('>');
          openList = list;
        }
        String item = (bullet.matches() ? bullet : numbered).group(1);
        html.append("<li>").append(inline(item)).append("</li>");
      } else if (!line.isBlank()) {
        paragraph.append(paragraph.length() == 0 ? "" : "<br>").append(inline(line.trim()));
      }
    }
    flush(html, paragraph);
    if (openList != null) {
      html.append("</").append(openList).append('>');
    }
    return html.append("</div>").toString();
  }

  /** Plain text without any markup characters, e.g. for a tooltip or a log. */
  public static String toPlainText(String markdown) {
    String text = markdown == null ? "" : markdown;
    text = LINK.matcher(text).replaceAll("$1");
    return text.replaceAll("(?m)^#{1,6}\\s+", "").replaceAll("[*_`]", "").trim();
  }

  private static void flush(StringBuilder html, StringBuilder paragraph) {
    if (paragraph.length() > 0) {
      html.append("<p>").append(paragraph).append("</p>");
      paragraph.setLength(0);
    }
  }

  private static String inline(String raw) {
    String text = escape(raw);
    text = text.replaceAll("`([^`]+)`", "<code>$1</code>");
    text = text.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
    text = text.replaceAll("__([^_]+)__", "<strong>$1</strong>");
    text = text.replaceAll("(?<![\\w*])\\*([^*]+)\\*(?![\\w*])", "<em>$1</em>");
    text = text.replaceAll("(?<![\\w_])_([^_]+)_(?![\\w_])", "<em>$1</em>");
    Matcher link = LINK.matcher(text);
    StringBuilder out = new StringBuilder();
    while (link.find()) {
      String url = link.group(2).replace("&amp;", "&");
      String replacement =
          SAFE_URL.matcher(url).matches()
              ? "<a href=\""
                  + escape(url)
                  + "\" rel=\"noopener noreferrer\">"
                  + link.group(1)
                  + "</a>"
              : link.group(1);
      link.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    link.appendTail(out);
    return out.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
