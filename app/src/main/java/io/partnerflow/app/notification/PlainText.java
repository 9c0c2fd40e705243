package io.partnerflow.app.notification;

/** A plain-text alternative of a notice's simple HTML, for mail clients that show no HTML. */
final class PlainText {

  private PlainText() {}

  static String of(String html) {
    String text =
        html.replaceAll("(?i)<br\\s*/?>", "\n")
            .replaceAll("(?i)</(p|blockquote|div|li)>", "\n\n")
            .replaceAll("(?i)<a\\s+href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2")
            .replaceAll("<[^>]+>", "");
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }
}
