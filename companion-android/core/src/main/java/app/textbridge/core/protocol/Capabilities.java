package app.textbridge.core.protocol;

/** The hello capabilities of protocol 1 (PROTOCOL.md §9.1). */
public final class Capabilities {
  private Capabilities() {}

  public static final String SYNC = "sync";
  public static final String SEND = "send";
  public static final String CONTACTS = "contacts";
  public static final String MMS_FETCH = "mms.fetch";

  /** Phone: sends MMS and takes uploads. Desktop: understands the MMS failure reasons. */
  public static final String SEND_MMS = "send.mms";

  /** Phone, only with {@link #SEND_MMS}: several recipients go as one group MMS. */
  public static final String SEND_GROUP = "send.group";

  /** Desktop: understands the send state waiting_for_user. */
  public static final String SEND_WAITING = "send.waiting";
}
