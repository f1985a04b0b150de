package app.textbridge.core.model;

/** What a paired desktop last acknowledged: the journal sequence and when ("last synced"). */
public final class DesktopSyncState {
  /** Hex of the desktop's static public key. */
  public final String desktopKeyHex;

  public final long ackedSeq;
  public final long ackedAt;

  public DesktopSyncState(String desktopKeyHex, long ackedSeq, long ackedAt) {
    this.desktopKeyHex = desktopKeyHex;
    this.ackedSeq = ackedSeq;
    this.ackedAt = ackedAt;
  }
}
