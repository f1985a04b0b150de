package app.textbridge.core.mms;

/**
 * Why an MMS could not be built or encoded. The caller (the send queue, and the Android layer
 * before it hands bytes to SmsManager) needs to tell "scale the pictures down and try again" from
 * "this recipient can never get an MMS", so every refusal carries a {@link Problem}. Messages name
 * the position of a bad recipient or part, never its value: they may end up in the event log, which
 * keeps no numbers or bodies.
 */
public final class MmsException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the request. */
  public enum Problem {
    /** No text and no attachment. */
    EMPTY_MESSAGE,
    /** No recipient at all. */
    NO_RECIPIENTS,
    /** More recipients than the limit the request was built with. */
    TOO_MANY_RECIPIENTS,
    /** A recipient that is neither a phone number nor an e-mail address. */
    INVALID_RECIPIENT,
    /** An attachment without data, with a malformed MIME type, or of a type the encoder owns. */
    INVALID_PART,
    /** Missing, empty, too long, or not printable ASCII. */
    INVALID_TRANSACTION_ID,
    /** A subject with a NUL character (it would end the WSP string early). */
    INVALID_SUBJECT,
    /**
     * The encoded PDU is larger than the carrier's limit: {@link #size()} against {@link #limit()}.
     */
    TOO_LARGE
  }

  private final Problem problem;
  private final long size;
  private final long limit;

  MmsException(Problem problem, String detail) {
    this(problem, detail, -1, -1);
  }

  private MmsException(Problem problem, String detail, long size, long limit) {
    super(problem + ": " + detail);
    this.problem = problem;
    this.size = size;
    this.limit = limit;
  }

  static MmsException tooLarge(long size, long limit) {
    return new MmsException(
        Problem.TOO_LARGE, size + " bytes encoded, the limit is " + limit, size, limit);
  }

  public Problem problem() {
    return problem;
  }

  /** For {@link Problem#TOO_LARGE}: the PDU's size in bytes; otherwise -1. */
  public long size() {
    return size;
  }

  /** For {@link Problem#TOO_LARGE}: the limit it was checked against; otherwise -1. */
  public long limit() {
    return limit;
  }
}
