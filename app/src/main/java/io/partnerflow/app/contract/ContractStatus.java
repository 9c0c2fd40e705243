package io.partnerflow.app.contract;

/** Where a contract stands; the contract-signing process moves it along. */
public enum ContractStatus {
  /** Rendered and out for the partner's signature. */
  AWAITING_SIGNATURE,
  /** Signed by the partner; countersignature next. */
  SIGNED,
  /** Legal has been asked to countersign. */
  AWAITING_COUNTERSIGNATURE,
  /** Countersigned by legal or the platform; sealing next. */
  COUNTERSIGNED,
  /** The partner declined; the partner manager decides. */
  DECLINED,
  /** Legal sent it back to the partner manager. */
  CHANGES_REQUESTED,
  /** Not signed in time; the partner manager decides. */
  EXPIRED,
  /** Signed, countersigned, sealed and running from its effective date to its end date. */
  IN_FORCE,
  /** Stopped before it came into force. */
  CANCELLED
}
