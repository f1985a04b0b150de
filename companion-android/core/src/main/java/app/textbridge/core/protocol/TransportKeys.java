package app.textbridge.core.protocol;

/** The two frame keys of a session, from Split() (PROTOCOL.md §5.1). */
public final class TransportKeys {
  private final byte[] desktopToPhone;
  private final byte[] phoneToDesktop;

  public TransportKeys(byte[] desktopToPhone, byte[] phoneToDesktop) {
    this.desktopToPhone = desktopToPhone.clone();
    this.phoneToDesktop = phoneToDesktop.clone();
  }

  public byte[] desktopToPhone() {
    return desktopToPhone.clone();
  }

  public byte[] phoneToDesktop() {
    return phoneToDesktop.clone();
  }
}
