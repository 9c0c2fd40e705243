package io.partnerflow.app.enablement.learning;

import java.util.List;

/**
 * A module of the person's course version; the body and files only when it is not locked.
 *
 * @param bodyEn Markdown, null when locked
 */
public record ModuleView(
    long id,
    int position,
    String titleEn,
    String titleZh,
    ModuleState state,
    String bodyEn,
    String bodyZh,
    List<CourseFileRef> files) {

  public ModuleView {
    files = List.copyOf(files);
  }

  public String title(boolean chinese) {
    return chinese && titleZh != null && !titleZh.isBlank() ? titleZh : titleEn;
  }

  public String body(boolean chinese) {
    return chinese && bodyZh != null && !bodyZh.isBlank() ? bodyZh : bodyEn;
  }
}
