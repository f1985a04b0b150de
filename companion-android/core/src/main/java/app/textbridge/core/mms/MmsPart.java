package app.textbridge.core.mms;

import java.util.Arrays;

/**
 * One body part of an m-send-req as it goes on the wire: its MIME type, the file name it is known
 * by (its Content-Location, its Name parameter, and the {@code src} the SMIL points at), its
 * Content-ID and its bytes. The request builds these (the SMIL part, the attachments, the text
 * part), so that the encoder and the size estimate work from exactly the same list.
 */
public final class MmsPart {
  private final String mimeType;
  private final String name;
  private final int charset;
  private final byte[] data;

  MmsPart(String mimeType, String name, int charset, byte[] data) {
    this.mimeType = mimeType;
    this.name = name;
    this.charset = charset;
    this.data = data;
  }

  /** Lower-case type/subtype, no parameters ("image/jpeg"). */
  public String mimeType() {
    return mimeType;
  }

  /** The part's file name: ASCII letters, digits, '.', '_' and '-' only, unique in the message. */
  public String name() {
    return name;
  }

  /**
   * The Content-ID, with its angle brackets: the name without its extension, as Android's Messaging
   * app makes it ("photo.jpg" is "&lt;photo&gt;", the SMIL part is "&lt;smil&gt;").
   */
  public String contentId() {
    int dot = name.lastIndexOf('.');
    return "<" + (dot > 0 ? name.substring(0, dot) : name) + ">";
  }

  /** IANA MIBenum of the charset parameter: 106 (UTF-8) for the message's text part, else 0. */
  public int charset() {
    return charset;
  }

  public int dataLength() {
    return data.length;
  }

  /** A copy of the part's bytes. */
  public byte[] data() {
    return data.clone();
  }

  /** The bytes themselves, for the encoder (never handed out). */
  byte[] rawData() {
    return data;
  }

  @Override
  public String toString() {
    return "MmsPart{" + mimeType + ", " + name + ", " + data.length + " bytes}";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MmsPart)) return false;
    MmsPart p = (MmsPart) o;
    return mimeType.equals(p.mimeType)
        && name.equals(p.name)
        && charset == p.charset
        && Arrays.equals(data, p.data);
  }

  @Override
  public int hashCode() {
    return (mimeType.hashCode() * 31 + name.hashCode()) * 31 + Arrays.hashCode(data);
  }
}
