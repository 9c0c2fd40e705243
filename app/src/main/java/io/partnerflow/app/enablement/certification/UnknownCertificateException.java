package io.partnerflow.app.enablement.certification;

/** No certificate has the verification code asked for (whatever its form): the page answers 404. */
public class UnknownCertificateException extends RuntimeException {

  public UnknownCertificateException() {
    super("No certificate has this verification code");
  }
}
