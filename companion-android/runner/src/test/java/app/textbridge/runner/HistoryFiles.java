package app.textbridge.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Deterministic history files for tests (FORMAT.md). */
final class HistoryFiles {
  private HistoryFiles() {}

  static String generate(int messages, int threads) {
    JsonObject doc = BuiltinHistory.document();
    JsonArray list = new JsonArray();
    for (int n = 1; n <= messages; n++) {
      int t = n % threads + 1;
      String addr = "+1555010" + String.format("%04d", t);
      list.add(
          BuiltinHistory.sms(
              n,
              t,
              addr,
              n % 3 != 0,
              1_600_000_000_000L + n * 60_000L,
              "Message " + n + " in thread " + t));
    }
    doc.add("messages", list);
    return doc.toString();
  }
}
