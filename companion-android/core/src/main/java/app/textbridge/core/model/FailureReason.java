package app.textbridge.core.model;

/** Why a send failed (send.status reason, PROTOCOL.md §9.9). */
public enum FailureReason {
  GENERIC_FAILURE("generic_failure"),
  RADIO_OFF("radio_off"),
  NO_SERVICE("no_service"),
  NULL_PDU("null_pdu"),
  /** Android's send-rate prompt was declined or not answered (RESULT_ERROR_LIMIT_EXCEEDED). */
  LIMIT_EXCEEDED("limit_exceeded"),
  NO_PERMISSION("no_permission"),
  INVALID_ADDRESS("invalid_address"),
  SIM_UNAVAILABLE("sim_unavailable"),
  GROUP_UNSUPPORTED("group_unsupported"),
  BODY_TOO_LONG("body_too_long"),
  SHORT_CODE_BLOCKED("short_code_blocked"),
  // The MMS reasons go only to desktops listing send.mms; others get generic_failure.
  /** The encoded MMS is over the SIM's limit (hello.sims[].mmsMaxBytes). */
  MMS_TOO_LARGE("mms_too_large"),
  /** No MMS here: send.mms not listed, or no mobile data for MMS right now. */
  MMS_UNSUPPORTED("mms_unsupported"),
  /** A referenced upload the phone does not hold complete. */
  ATTACHMENT_MISSING("attachment_missing");

  public final String wire;

  FailureReason(String wire) {
    this.wire = wire;
  }

  public static FailureReason fromWire(String s) {
    for (FailureReason r : values()) if (r.wire.equals(s)) return r;
    throw new IllegalArgumentException("reason " + s);
  }
}
