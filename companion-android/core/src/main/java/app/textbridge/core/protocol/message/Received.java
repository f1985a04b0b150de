package app.textbridge.core.protocol.message;

/**
 * The outcome of decoding one frame's plaintext: a message, or one of the two "refuse but continue"
 * cases of PROTOCOL.md §8 (answered with an {@code error} message).
 */
public final class Received {
  public enum Kind {
    MESSAGE,
    UNKNOWN_TYPE,
    UNSUPPORTED_VERSION
  }

  public final Kind kind;

  /** The message (MESSAGE only). */
  public final Message message;

  /** The type name as sent (all kinds). */
  public final String type;

  /** The envelope id, null when absent (all kinds). */
  public final String id;

  private Received(Kind kind, Message message, String type, String id) {
    this.kind = kind;
    this.message = message;
    this.type = type;
    this.id = id;
  }

  static Received message(Message m) {
    return new Received(Kind.MESSAGE, m, m.type.wire, m.id);
  }

  static Received unknownType(String type, String id) {
    return new Received(Kind.UNKNOWN_TYPE, null, type, id);
  }

  static Received unsupportedVersion(String type, String id) {
    return new Received(Kind.UNSUPPORTED_VERSION, null, type, id);
  }
}
