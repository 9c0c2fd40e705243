package io.partnerflow.app.recruitment.application;

/** The form's time-to-fill ticket was refused ({@link FormTickets}); nothing was stored. */
public class FormTicketException extends RuntimeException {

  /** Why: too fast for a person, or a ticket that is missing, altered or too old. */
  public enum Reason {
    TOO_FAST,
    INVALID,
    EXPIRED
  }

  private final Reason reason;

  public FormTicketException(Reason reason) {
    super("Application form ticket refused: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
