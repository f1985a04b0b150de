package app.textbridge.companion.send;

import android.content.ContentValues;
import android.content.Context;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.util.Log;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.SmsSender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Where radio reports go: straight to the core's report sink while the engine runs (on the engine's
 * executor, off the main thread), else into the radio_reports table until the engine attaches and
 * drains it. Attach-then-drain and deliver-or-store are under one lock, so a report is never both
 * missed by the drain and skipped by the live path.
 */
public final class ReportRelay {
  private static final String TAG = "TextbridgeSend";
  private static final Object LOCK = new Object();
  private static SmsSender.ReportSink sink;
  private static Executor executor;

  private ReportRelay() {}

  static void deliver(Context context, RadioReport report) {
    synchronized (LOCK) {
      if (sink != null) {
        SmsSender.ReportSink target = sink;
        executor.execute(() -> report.deliverTo(target));
        return;
      }
      store(CompanionDatabase.get(context).getWritableDatabase(), report);
    }
  }

  /** The engine is up: reports go to {@code target}; those stored meanwhile are handed over now. */
  public static void attach(Context context, SmsSender.ReportSink target, Executor on) {
    synchronized (LOCK) {
      sink = target;
      executor = on;
      SQLiteDatabase db = CompanionDatabase.get(context).getWritableDatabase();
      List<RadioReport> stored = new ArrayList<>();
      try (Cursor c =
          db.query(
              "radio_reports",
              new String[] {
                "send_key", "recipient", "part", "sub_id", "outcome", "reason", "detail"
              },
              null,
              null,
              null,
              null,
              "id")) {
        while (c.moveToNext()) {
          stored.add(
              new RadioReport(
                  c.getString(0),
                  c.getInt(1),
                  c.getInt(2),
                  c.getInt(3),
                  RadioReport.Outcome.valueOf(c.getString(4).toUpperCase(java.util.Locale.ROOT)),
                  c.isNull(5) ? null : FailureReason.fromWire(c.getString(5)),
                  c.isNull(6) ? null : c.getString(6)));
        }
      }
      db.delete("radio_reports", null, null);
      if (!stored.isEmpty()) {
        Log.i(TAG, stored.size() + " radio reports arrived while mirroring was stopped");
      }
      for (RadioReport r : stored) {
        on.execute(() -> r.deliverTo(target));
      }
    }
  }

  public static void detach() {
    synchronized (LOCK) {
      sink = null;
      executor = null;
    }
  }

  private static void store(SQLiteDatabase db, RadioReport r) {
    ContentValues v = new ContentValues();
    v.put("send_key", r.key);
    v.put("recipient", r.recipient);
    v.put("part", r.part);
    v.put("sub_id", r.subId);
    v.put("outcome", r.outcome.name().toLowerCase(java.util.Locale.ROOT));
    v.put("reason", r.reason == null ? null : r.reason.wire);
    v.put("detail", r.detail);
    db.insertOrThrow("radio_reports", null, v);
  }
}
