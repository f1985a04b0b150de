package app.textbridge.companion.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.MmsSender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An MMS result sink that writes each result as one line: "sent k sub 2 mms:12", "failed k sub 2
 * mms_unsupported (…)".
 */
final class RecordingMmsSink implements MmsSender.ResultSink {
  final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void mmsSent(String key, int subId, String messageId) {
    lines.add("sent " + key + " sub " + subId + " " + messageId);
  }

  @Override
  public void mmsFailed(
      String key, int subId, FailureReason reason, String detail, String messageId) {
    lines.add("failed " + key + " sub " + subId + " " + reason.wire + " (" + detail + ")");
  }
}
