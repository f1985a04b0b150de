package app.textbridge.companion.send;

import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsSender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A report sink that writes each report as one line: "sent k 0/1 sub 2", "failed k 0/0 radio_off
 * …".
 */
final class RecordingSink implements SmsSender.ReportSink {
  final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void partSent(String key, int recipient, int part, int subId) {
    lines.add("sent " + key + " " + recipient + "/" + part + " sub " + subId);
  }

  @Override
  public void partDelivered(String key, int recipient, int part, int subId) {
    lines.add("delivered " + key + " " + recipient + "/" + part + " sub " + subId);
  }

  @Override
  public void partFailed(
      String key, int recipient, int part, int subId, FailureReason reason, String detail) {
    lines.add(
        "failed " + key + " " + recipient + "/" + part + " " + reason.wire + " (" + detail + ")");
  }
}
