package app.textbridge.companion.send;

import android.content.ContentValues;
import android.content.Context;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.util.Log;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.MmsSender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Where MMS results go, as {@link ReportRelay} does for SMS: straight to the core's result sink
 * while the engine runs (on the engine's executor), else into the mms_results table until the
 * engine attaches and drains it. One lock covers attach-then-drain and deliver-or-store, so a
 * result is never both missed by the drain and skipped by the live path.
 */
public final class MmsResultRelay {
  private static final String TAG = "TextbridgeSend";
  private static final Object LOCK = new Object();
  private static MmsSender.ResultSink sink;
  private static Executor executor;

  private MmsResultRelay() {}

  static void deliver(Context context, MmsResult result) {
    synchronized (LOCK) {
      if (sink != null) {
        MmsSender.ResultSink target = sink;
        executor.execute(() -> result.deliverTo(target));
        return;
      }
      store(CompanionDatabase.get(context).getWritableDatabase(), result);
    }
  }

  /** The engine is up: results go to {@code target}; those stored meanwhile are handed over now. */
  public static void attach(Context context, MmsSender.ResultSink target, Executor on) {
    synchronized (LOCK) {
      sink = target;
      executor = on;
      SQLiteDatabase db = CompanionDatabase.get(context).getWritableDatabase();
      List<MmsResult> stored = new ArrayList<>();
      try (Cursor c =
          db.query(
              "mms_results",
              new String[] {"send_key", "sub_id", "outcome", "reason", "detail", "message_id"},
              null,
              null,
              null,
              null,
              "id")) {
        while (c.moveToNext()) {
          String messageId = c.isNull(5) ? null : c.getString(5);
          stored.add(
              "sent".equals(c.getString(2))
                  ? MmsResult.sent(c.getString(0), c.getInt(1), messageId)
                  : MmsResult.failed(
                      c.getString(0),
                      c.getInt(1),
                      reason(c.isNull(3) ? null : c.getString(3)),
                      c.isNull(4) ? null : c.getString(4),
                      messageId));
        }
      }
      db.delete("mms_results", null, null);
      if (!stored.isEmpty()) {
        Log.i(TAG, stored.size() + " MMS results arrived while mirroring was stopped");
      }
      for (MmsResult r : stored) {
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

  /** A reason stored by an older build that this one no longer knows still ends the send. */
  private static FailureReason reason(String wire) {
    try {
      return FailureReason.fromWire(wire);
    } catch (IllegalArgumentException | NullPointerException e) {
      return FailureReason.GENERIC_FAILURE;
    }
  }

  private static void store(SQLiteDatabase db, MmsResult r) {
    ContentValues v = new ContentValues();
    v.put("send_key", r.key);
    v.put("sub_id", r.subId);
    v.put("outcome", r.sent ? "sent" : "failed");
    v.put("reason", r.reason == null ? null : r.reason.wire);
    v.put("detail", r.detail);
    v.put("message_id", r.messageId);
    db.insertOrThrow("mms_results", null, v);
  }
}
