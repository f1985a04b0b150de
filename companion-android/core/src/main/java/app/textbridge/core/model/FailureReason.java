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
  SHORT_CODE_BLOCKED("short_code_blocked");

  public final String wire;

  FailureReason(String wire) {
    this.wire = wire;
  }

  public static FailureReason fromWire(String s) {
    for (FailureReason r : values()) if (r.wire.equals(s)) return r;
    throw new IllegalArgumentException("reason " + s);
  }
}
