package io.partnerflow.app.recruitment.application;

/** No {@code partner-recruitment} process with a start form is deployed: nobody can apply. */
public class ApplicationsClosedException extends RuntimeException {

  public ApplicationsClosedException() {
    super("Applications are closed: process partner-recruitment is not deployed");
  }
}
