package io.partnerflow.app.tasklist;

/** A filter the list cannot apply as given; the message key tells the user how to narrow it. */
public class TaskFilterException extends RuntimeException {

  public TaskFilterException(String messageKey) {
    super(messageKey);
  }
}
