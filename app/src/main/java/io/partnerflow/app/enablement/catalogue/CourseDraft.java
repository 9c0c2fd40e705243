package io.partnerflow.app.enablement.catalogue;

import java.util.List;

/**
 * A course version's content as the editor or the importer writes it. A module with an id keeps its
 * row (and its files); one without is new; the draft's modules not listed are removed.
 */
public record CourseDraft(
    String titleEn,
    String titleZh,
    String summaryEn,
    String summaryZh,
    Integer estimatedMinutes,
    List<Module> modules,
    QuizDraft quiz) {

  public CourseDraft {
    modules = modules == null ? List.of() : List.copyOf(modules);
  }

  /** A module in order; {@code id} null for a new one. */
  public record Module(Long id, String titleEn, String titleZh, String bodyEn, String bodyZh) {}
}
