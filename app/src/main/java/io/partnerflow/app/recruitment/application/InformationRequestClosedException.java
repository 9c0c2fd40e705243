package io.partnerflow.app.recruitment.application;

/**
 * The information task the applicant answered is no longer open (answered, withdrawn, or not theirs
 * — one answer for all, so nothing is revealed).
 */
public class InformationRequestClosedException extends RuntimeException {

  public InformationRequestClosedException() {
    super("The information request is no longer open");
  }
}
