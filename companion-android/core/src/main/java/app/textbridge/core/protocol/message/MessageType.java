package app.textbridge.core.protocol.message;

import app.textbridge.core.protocol.Role;

/** Every message type of protocol 1 (PROTOCOL.md §9): wire name, who may send it, body schema. */
public enum MessageType {
  HELLO("hello", null, Bodies.HELLO),
  PAIR_RESULT("pair.result", Role.PHONE, Bodies.PAIR_RESULT),
  SYNC_SUBSCRIBE("sync.subscribe", Role.DESKTOP, Bodies.SYNC_SUBSCRIBE),
  SYNC_CHANGES("sync.changes", Role.PHONE, Bodies.SYNC_CHANGES),
  SYNC_REQUEST("sync.request", Role.DESKTOP, Bodies.SYNC_REQUEST),
  SYNC_BATCH("sync.batch", Role.PHONE, Bodies.SYNC_BATCH),
  MESSAGE_NEW("message.new", Role.PHONE, Bodies.MESSAGE_PUSH),
  MESSAGE_CHANGED("message.changed", Role.PHONE, Bodies.MESSAGE_PUSH),
  MESSAGE_DELETED("message.deleted", Role.PHONE, Bodies.MESSAGE_DELETED),
  ACK("ack", null, Bodies.ACK),
  CONTACTS_REQUEST("contacts.request", Role.DESKTOP, Bodies.CONTACTS_REQUEST),
  CONTACTS_BATCH("contacts.batch", Role.PHONE, Bodies.CONTACTS_BATCH),
  CONTACTS_CHANGED("contacts.changed", Role.PHONE, Bodies.EMPTY),
  SEND_REQUEST("send.request", Role.DESKTOP, Bodies.SEND_REQUEST),
  SEND_STATUS("send.status", Role.PHONE, Bodies.SEND_STATUS),
  ATTACHMENT_REQUEST("attachment.request", Role.DESKTOP, Bodies.ATTACHMENT_REQUEST),
  ATTACHMENT_CHUNK("attachment.chunk", Role.PHONE, Bodies.ATTACHMENT_CHUNK),
  // New types are checked strictly from the start, so they can insist on their id and ref.
  ATTACHMENT_UPLOAD("attachment.upload", Role.DESKTOP, Bodies.ATTACHMENT_UPLOAD, Needs.ID),
  ATTACHMENT_STORED("attachment.stored", Role.PHONE, Bodies.ATTACHMENT_STORED, Needs.REF),
  PING("ping", null, Bodies.TS),
  PONG("pong", null, Bodies.TS),
  UNPAIR("unpair", null, Bodies.EMPTY),
  ERROR("error", null, Bodies.ERROR);

  /** Body schema version of every type in protocol 1. */
  public static final int TYPE_VERSION = 1;

  /** An envelope field a type cannot do without; for the rest id and ref stay optional (§8). */
  public enum Needs {
    NOTHING,
    ID,
    REF
  }

  public final String wire;

  /** The only role that may send it, or null for both. */
  public final Role sender;

  final Schema body;

  public final Needs needs;

  MessageType(String wire, Role sender, Schema body) {
    this(wire, sender, body, Needs.NOTHING);
  }

  MessageType(String wire, Role sender, Schema body, Needs needs) {
    this.wire = wire;
    this.sender = sender;
    this.body = body;
    this.needs = needs;
  }

  /** Whether an envelope with this id and ref (null when absent) has what this type needs. */
  public boolean hasNeeded(String id, String ref) {
    switch (needs) {
      case ID:
        return id != null;
      case REF:
        return ref != null;
      default:
        return true;
    }
  }

  public boolean maySend(Role role) {
    return sender == null || sender == role;
  }

  /** The type with this wire name, or null when protocol 1 does not define it. */
  public static MessageType fromWire(String wire) {
    for (MessageType t : values()) if (t.wire.equals(wire)) return t;
    return null;
  }
}
