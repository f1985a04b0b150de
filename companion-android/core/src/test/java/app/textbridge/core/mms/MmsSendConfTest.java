package app.textbridge.core.mms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The MMSC's answer read from hand-written m-send-conf bytes (OMA-TS-MMS_ENC §6.1.2, §7.3). */
class MmsSendConfTest {
  private static byte[] pdu(Object... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : pieces) {
      if (p instanceof Integer) out.write((Integer) p);
      else out.writeBytes(((String) p).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** X-Mms-Message-Type m-send-conf, X-Mms-Transaction-ID "T1", X-Mms-MMS-Version 1.2. */
  private static final Object[] HEAD = {0x8C, 0x81, 0x98, "T1", 0, 0x8D, 0x92};

  private static byte[] conf(Object... rest) {
    Object[] all = new Object[HEAD.length + rest.length];
    System.arraycopy(HEAD, 0, all, 0, HEAD.length);
    System.arraycopy(rest, 0, all, HEAD.length, rest.length);
    return pdu(all);
  }

  @Test
  void okIsReadAfterTheUsualHeaders() {
    assertEquals(0x80, MmsSendConf.responseStatus(conf(0x92, 0x80, 0x8B, "msg-1", 0)));
  }

  @Test
  void aRefusalIsFoundBehindAResponseTextAndALongValue() {
    // X-Mms-Response-Text as Value-length Charset(UTF-8) Text; an unknown header 0xA0 whose
    // value uses Length-quote + uintvar (0x81 0x00 = 128 octets); then the status.
    byte[] longValue = new byte[128];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(conf(0x93, 5, 0xEA, "bad", 0, 0xA0, 31, 0x81, 0x00));
    out.writeBytes(longValue);
    out.writeBytes(pdu(0x92, 0xE3));
    assertEquals(0xE3, MmsSendConf.responseStatus(out.toByteArray()));
  }

  @Test
  void anythingElseIsUnknown() {
    assertEquals(-1, MmsSendConf.responseStatus(null));
    assertEquals(-1, MmsSendConf.responseStatus(new byte[0]));
    assertEquals(-1, MmsSendConf.responseStatus(conf()), "no status header");
    assertEquals(-1, MmsSendConf.responseStatus(conf(0x92)), "cut short");
    assertEquals(-1, MmsSendConf.responseStatus(pdu(0x8C, 0x80, 0x92, 0x80)), "an m-send-req");
    assertEquals(-1, MmsSendConf.responseStatus(conf(0x93, 30, 0xEA, "x")), "value runs off");
    assertEquals(-1, MmsSendConf.responseStatus(conf("X-Text", 0, 0x92, 0x80)), "text header");
  }
}
