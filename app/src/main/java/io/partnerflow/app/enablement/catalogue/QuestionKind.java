package io.partnerflow.app.enablement.catalogue;

/** How many options of a question are correct: exactly one, or one or more. */
public enum QuestionKind {
  SINGLE,
  MULTIPLE
}
