package io.partnerflow.app.enablement.catalogue;

/** One module of a course version, in order; bodies are Markdown. */
public record CourseModule(
    long id, int position, String titleEn, String titleZh, String bodyEn, String bodyZh) {

  public String title(String language) {
    return Languages.isChinese(language) ? titleZh : titleEn;
  }

  public String body(String language) {
    return Languages.isChinese(language) ? bodyZh : bodyEn;
  }
}
