package app.textbridge.core.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import app.textbridge.core.protocol.Role;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageCodec;
import app.textbridge.core.protocol.message.MessageType;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each desktop is told, by the capabilities in its hello (§9.1, §9.9). */
class StatusJsonTest {
  private static final Set<String> NONE = Collections.emptySet();
  private static final Set<String> ALL =
      new HashSet<>(Arrays.asList("send", "send.mms", "send.waiting"));

  private static SendRecord record(SendState state, FailureReason reason, String detail) {
    return SendRecord.accepted(
            "key-status-00000001", Collections.singletonList("+1555"), "d", null, 5)
        .toBuilder()
        .state(state, reason, detail)
        .build();
  }

  private static JsonObject body(SendRecord r, Set<String> caps) throws Exception {
    JsonObject o = StatusJson.of(r, caps);
    MessageCodec.encode(Message.reply(MessageType.SEND_STATUS, "r1", o), Role.PHONE);
    return o;
  }

  @Test
  void theMmsReasonsReachOnlyDesktopsWithSendMms() throws Exception {
    for (FailureReason mms :
        new FailureReason[] {
          FailureReason.MMS_TOO_LARGE,
          FailureReason.MMS_UNSUPPORTED,
          FailureReason.ATTACHMENT_MISSING
        }) {
      SendRecord r = record(SendState.FAILED, mms, "9 bytes over");
      assertEquals(mms.wire, body(r, ALL).get("reason").getAsString());
      assertEquals("9 bytes over", body(r, ALL).get("detail").getAsString());
      JsonObject older = body(r, NONE);
      assertEquals("generic_failure", older.get("reason").getAsString());
      assertEquals(mms.wire + ": 9 bytes over", older.get("detail").getAsString());
    }
    JsonObject noDetail = body(record(SendState.FAILED, FailureReason.MMS_UNSUPPORTED, null), NONE);
    assertEquals("mms_unsupported", noDetail.get("detail").getAsString());
    JsonObject other = body(record(SendState.FAILED, FailureReason.NO_SERVICE, "x"), NONE);
    assertEquals("no_service", other.get("reason").getAsString(), "older reasons go to everyone");
  }

  @Test
  void waitingForUserReachesOnlyDesktopsWithSendWaiting() throws Exception {
    SendRecord r = record(SendState.WAITING_FOR_USER, null, null);
    assertEquals("waiting_for_user", body(r, ALL).get("state").getAsString());
    JsonObject older = body(r, NONE);
    assertEquals("accepted", older.get("state").getAsString());
    assertFalse(older.has("reason"));
  }
}
