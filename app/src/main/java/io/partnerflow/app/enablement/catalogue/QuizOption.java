package io.partnerflow.app.enablement.catalogue;

/** One answer option; {@code correct} never leaves the server before a submission. */
public record QuizOption(long id, int position, String textEn, String textZh, boolean correct) {

  public String text(String language) {
    return Languages.isChinese(language) ? textZh : textEn;
  }
}
