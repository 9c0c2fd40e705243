package io.partnerflow.app.tasklist;

/** An assignment, delegation or change the rules refuse; the message is a translation key. */
public class TaskActionRefusedException extends RuntimeException {

  public TaskActionRefusedException(String messageKey) {
    super(messageKey);
  }
}
