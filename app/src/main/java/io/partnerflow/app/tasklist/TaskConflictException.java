package io.partnerflow.app.tasklist;

/** The task changed under the user: someone else claimed or completed it meanwhile. */
public class TaskConflictException extends RuntimeException {

  public TaskConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
