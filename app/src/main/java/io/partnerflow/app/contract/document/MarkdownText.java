package io.partnerflow.app.contract.document;

/**
 * Markdown escaping of values filled into a template: a partner's name such as {@code "# Fees
 * waived"} or one with a line break must stay text inside its sentence, never become a heading, a
 * list or a new paragraph.
 */
final class MarkdownText {

  /** ASCII punctuation that Markdown may read as syntax; a backslash makes it literal. */
  private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~";

  private MarkdownText() {}

  /** Line breaks and other control characters become spaces; syntax characters are escaped. */
  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    boolean space = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        space = escaped.length() > 0;
        continue;
      }
      if (space) {
        escaped.append(' ');
        space = false;
      }
      if (SPECIAL.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /** Removes the backslashes of escaped punctuation: what is shown. */
  static String unescape(String text) {
    StringBuilder plain = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
        plain.append(text.charAt(++i));
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > 32;
  }
}
