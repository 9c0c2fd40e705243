package io.partnerflow.app.enablement.catalogue;

/** What a quiz closes: a course, or a certification's exam. */
public enum QuizKind {
  COURSE,
  EXAM
}
