/**
 * Learning: enrolments on course versions, progress through modules in order, and attempts at
 * quizzes graded on the server ({@link io.partnerflow.app.enablement.learning.QuizAttempts}, also
 * used for certification exams). Reads the catalogue only through its {@code CatalogueService}.
 */
package io.partnerflow.app.enablement.learning;
