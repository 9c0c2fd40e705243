package io.partnerflow.app.contract;

/** The verdict on an uploaded PDF. */
public enum SealCheck {
  /** Byte for byte a sealed document the platform stored, and its seal verifies. */
  VALID,
  /** Carries the platform's seal or names a stored contract, but its bytes changed since. */
  MODIFIED,
  /** Not a document this installation stored. */
  UNKNOWN
}
