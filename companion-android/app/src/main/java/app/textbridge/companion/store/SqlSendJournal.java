package app.textbridge.companion.store;

import android.content.ContentValues;
import android.database.Cursor;
import android.database.SQLException;
import android.database.sqlite.SQLiteDatabase;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import app.textbridge.core.port.SendJournal;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The send journal (PORTS.md SendJournal, PROTOCOL.md §9.9) in the companion database. Each call is
 * one committed transaction with synchronous=FULL, so a key the core inserted before calling the
 * sender survives a process death or a service restart: a repeated key is then found and never sent
 * again, and a key never handed to the radio is turned into {@code unknown} by the core's recovery.
 * The body is never stored, only the core's digest of it.
 */
public final class SqlSendJournal implements SendJournal {
  /** Records untouched this long are dropped (PORTS.md: "drop final records after a few weeks"). */
  static final long KEEP_MILLIS = 60L * 24 * 3600 * 1000;

  private static final String[] COLUMNS = {
    "send_key",
    "recipients",
    "body_digest",
    "sub_id",
    "requested_at",
    "state",
    "reason",
    "detail",
    "handed",
    "parts",
    "part_states",
    "message_ids",
    "updated_at"
  };
  private final CompanionDatabase db;

  public SqlSendJournal(CompanionDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<SendRecord> find(String key) throws IOException {
    try (Cursor c =
        db.getReadableDatabase()
            .query("send_journal", COLUMNS, "send_key = ?", new String[] {key}, null, null, null)) {
      return c.moveToFirst() ? Optional.of(read(c)) : Optional.<SendRecord>empty();
    } catch (SQLException | IllegalArgumentException e) {
      throw new StoreException("send journal read failed", e);
    }
  }

  @Override
  public boolean insert(SendRecord record) throws IOException {
    try {
      long row =
          db.getWritableDatabase()
              .insertWithOnConflict(
                  "send_journal", null, values(record), SQLiteDatabase.CONFLICT_IGNORE);
      return row != -1;
    } catch (SQLException e) {
      throw new StoreException("send journal insert failed", e);
    }
  }

  @Override
  public void update(SendRecord record) throws IOException {
    int n;
    try {
      n =
          db.getWritableDatabase()
              .update("send_journal", values(record), "send_key = ?", new String[] {record.key});
    } catch (SQLException e) {
      throw new StoreException("send journal update failed", e);
    }
    if (n != 1) {
      throw new StoreException("send journal has no such key", null);
    }
  }

  @Override
  public List<SendRecord> updatedSince(long sinceMillis) throws IOException {
    List<SendRecord> out = new ArrayList<>();
    try {
      SQLiteDatabase w = db.getWritableDatabase();
      w.delete(
          "send_journal",
          "updated_at < ?",
          new String[] {Long.toString(System.currentTimeMillis() - KEEP_MILLIS)});
      try (Cursor c =
          w.query(
              "send_journal",
              COLUMNS,
              "updated_at >= ?",
              new String[] {Long.toString(sinceMillis)},
              null,
              null,
              "updated_at")) {
        while (c.moveToNext()) {
          out.add(read(c));
        }
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw new StoreException("send journal scan failed", e);
    }
    return out;
  }

  private static ContentValues values(SendRecord r) {
    ContentValues v = new ContentValues();
    v.put("send_key", r.key);
    v.put("recipients", strings(r.recipients));
    v.put("body_digest", r.bodyDigest);
    v.put("sub_id", r.subId);
    v.put("requested_at", r.requestedAt);
    v.put("state", r.state.wire);
    v.put("reason", r.reason == null ? null : r.reason.wire);
    v.put("detail", r.detail);
    v.put("handed", r.handedToRadio ? 1 : 0);
    StringBuilder parts = new StringBuilder();
    for (int p : r.partsPerRecipient()) {
      parts.append(parts.length() == 0 ? "" : ",").append(p);
    }
    v.put("parts", parts.toString());
    StringBuilder states = new StringBuilder();
    for (byte b : r.partStates()) {
      states.append((char) ('0' + b));
    }
    v.put("part_states", states.toString());
    v.put("message_ids", strings(r.messageIds));
    v.put("updated_at", r.updatedAt);
    return v;
  }

  private static SendRecord read(Cursor c) {
    String partsText = c.getString(9);
    String[] split = partsText.isEmpty() ? new String[0] : partsText.split(",");
    int[] parts = new int[split.length];
    for (int i = 0; i < split.length; i++) {
      parts[i] = Integer.parseInt(split[i]);
    }
    String st = c.getString(10);
    byte[] states = new byte[st.length()];
    for (int i = 0; i < states.length; i++) {
      states[i] = (byte) (st.charAt(i) - '0');
    }
    return new SendRecord(
        c.getString(0),
        list(c.getString(1)),
        c.getString(2),
        c.isNull(3) ? null : c.getInt(3),
        c.getLong(4),
        SendState.fromWire(c.getString(5)),
        c.isNull(6) ? null : FailureReason.fromWire(c.getString(6)),
        c.isNull(7) ? null : c.getString(7),
        c.getInt(8) == 1,
        parts,
        states,
        list(c.getString(11)),
        c.getLong(12));
  }

  private static String strings(List<String> values) {
    JsonArray a = new JsonArray();
    for (String s : values) {
      a.add(s);
    }
    return a.toString();
  }

  private static List<String> list(String json) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
      out.add(e.getAsString());
    }
    return out;
  }
}
