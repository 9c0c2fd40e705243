package io.partnerflow.app.enablement.learning.worker;

import java.util.Map;

/**
 * One course of one person in the enablement process: the element of its multi-instance (variable
 * {@code assignment}).
 */
record Assignment(long enrolmentId, long userId, String username, String courseCode, String title) {

  Map<String, Object> asVariable() {
    return Map.of(
        "enrolmentId", enrolmentId,
        "userId", userId,
        "username", username,
        "courseCode", courseCode,
        "title", title);
  }

  static Assignment of(Map<?, ?> variable) {
    if (variable == null || !(variable.get("enrolmentId") instanceof Number enrolment)) {
      throw new IllegalStateException("The job sees no variable assignment with an enrolmentId");
    }
    return new Assignment(
        enrolment.longValue(),
        ((Number) variable.get("userId")).longValue(),
        String.valueOf(variable.get("username")),
        String.valueOf(variable.get("courseCode")),
        String.valueOf(variable.get("title")));
  }
}
