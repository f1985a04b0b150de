package app.textbridge.companion.provider;

import android.content.ContentValues;
import android.net.Uri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.robolectric.RuntimeEnvironment;

/**
 * What the default SMS app and the system do to the provider, for tests: rows written straight into
 * the fake provider's tables, then the notifications the real providers send.
 */
public final class Phone {
  public final FakeTelephonyProvider provider;

  public Phone(FakeTelephonyProvider provider) {
    this.provider = provider;
  }

  public static Phone install(boolean oem) {
    return new Phone(FakeTelephonyProvider.install(oem));
  }

  /** An sms row; {@code address} may be null (an odd OEM row). Returns its _id. */
  public long sms(
      long thread, String address, long date, int type, String body, int read, Integer subId) {
    ContentValues v = new ContentValues();
    v.put("thread_id", thread);
    v.put("address", address);
    v.put("date", date);
    v.put("type", type);
    v.put("body", body);
    v.put("read", read);
    if (subId != null) {
      v.put("sub_id", subId);
    }
    long id = provider.db.insertOrThrow("sms", null, v);
    touchThread(thread, date);
    return id;
  }

  /** An mms row (date in seconds, as the provider keeps it). */
  public long mms(long thread, long dateSeconds, int box, int mType) {
    ContentValues v = new ContentValues();
    v.put("thread_id", thread);
    v.put("date", dateSeconds);
    v.put("msg_box", box);
    v.put("m_type", mType);
    v.put("read", 1);
    long id = provider.db.insertOrThrow("pdu", null, v);
    touchThread(thread, dateSeconds * 1000);
    return id;
  }

  public void addr(long mmsId, String address, int type) {
    ContentValues v = new ContentValues();
    v.put("msg_id", mmsId);
    v.put("address", address);
    v.put("type", type);
    provider.db.insertOrThrow("addr", null, v);
  }

  public long textPart(long mmsId, String text) {
    ContentValues v = new ContentValues();
    v.put("mid", mmsId);
    v.put("ct", "text/plain");
    v.put("text", text);
    return provider.db.insertOrThrow("part", null, v);
  }

  /** A binary part stored as a file; {@code ct} may be null (an odd row). */
  public long filePart(long mmsId, String ct, String name, byte[] data) throws IOException {
    ContentValues v = new ContentValues();
    v.put("mid", mmsId);
    v.put("ct", ct);
    v.put("name", name);
    long id = provider.db.insertOrThrow("part", null, v);
    ContentValues d = new ContentValues();
    d.put("_data", provider.storePartFile(id, data));
    provider.db.update("part", d, "_id = " + id, null);
    return id;
  }

  public void smil(long mmsId) {
    ContentValues v = new ContentValues();
    v.put("mid", mmsId);
    v.put("ct", "application/smil");
    v.put("seq", -1);
    v.put("text", "<smil/>");
    provider.db.insertOrThrow("part", null, v);
  }

  public void updateSms(long id, String column, Object value) {
    ContentValues v = new ContentValues();
    if (value == null) {
      v.putNull(column);
    } else if (value instanceof Integer) {
      v.put(column, (Integer) value);
    } else {
      v.put(column, value.toString());
    }
    provider.db.update("sms", v, "_id = " + id(id), null);
  }

  public void updateMms(long id, String column, Object value) {
    ContentValues v = new ContentValues();
    if (value instanceof Integer) {
      v.put(column, (Integer) value);
    } else {
      v.put(column, value.toString());
    }
    provider.db.update("pdu", v, "_id = " + id, null);
  }

  public void deleteSms(long id) {
    provider.db.delete("sms", "_id = " + id, null);
  }

  /**
   * The notifications SmsProvider sends after a write (content://sms/#, then content://mms-sms/).
   */
  public void notifySms(long id) {
    RuntimeEnvironment.getApplication()
        .getContentResolver()
        .notifyChange(Uri.parse("content://sms/" + id), null);
    RuntimeEnvironment.getApplication()
        .getContentResolver()
        .notifyChange(Uri.parse("content://mms-sms/"), null);
  }

  private void touchThread(long thread, long dateMillis) {
    provider.db.execSQL(
        "INSERT OR IGNORE INTO threads(_id, date, message_count) VALUES (?, 0, 0)",
        new Object[] {thread});
    provider.db.execSQL(
        "UPDATE threads SET date = MAX(date, ?), message_count = message_count + 1 WHERE _id = ?",
        new Object[] {dateMillis, thread});
  }

  private static long id(long id) {
    return id;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
