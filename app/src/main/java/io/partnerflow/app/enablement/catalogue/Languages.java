package io.partnerflow.app.enablement.catalogue;

/** The catalogue holds English and Chinese; any language starting with "zh" reads Chinese. */
final class Languages {

  private Languages() {}

  static boolean isChinese(String language) {
    return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh");
  }
}
