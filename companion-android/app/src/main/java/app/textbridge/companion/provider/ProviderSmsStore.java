package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.net.Uri;
import app.textbridge.core.model.Addresses;
import app.textbridge.core.model.HistoryPosition;
import app.textbridge.core.model.PartData;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.ThreadPosition;
import app.textbridge.core.model.ThreadSummary;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.SmsStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core's {@link SmsStore} over the phone's Telephony provider (PORTS.md SmsStore): sms and mms
 * merged in history order, conversations from the threads table, MMS parts through their content
 * URIs. Read-only: a non-default SMS app cannot write the provider since Android 4.4. Every cursor
 * is closed; every row is read on its own (one odd OEM row never sinks a page). Change
 * notifications come from {@link ProviderWatcher}, which owns the listener: the core sets it here,
 * through the port, and this class passes it straight on.
 */
public final class ProviderSmsStore implements SmsStore {
  private final ContentResolver resolver;
  private final EventLog log;
  private final Schema schema;
  private final MmsRows mms;
  private final HistoryReader reader;
  private final ThreadLister threads;
  private final PartReader parts;
  private volatile long generation;
  private volatile ProviderWatcher watcher;

  public ProviderSmsStore(ContentResolver resolver, OwnNumbers own, EventLog log) {
    this.resolver = resolver;
    this.log = log;
    this.schema = new Schema(resolver, log);
    this.mms = new MmsRows(resolver, schema, own, log);
    this.reader = new HistoryReader(mms, log);
    this.threads = new ThreadLister(resolver, log);
    this.parts = new PartReader(resolver, schema);
  }

  @Override
  public List<SmsRecord> history(HistoryPosition after, int limit) throws IOException {
    String smsWhere = after == null ? null : Telephony2.DATE + " <= " + after.date;
    String mmsWhere =
        Telephony2.MMS_MESSAGES
            + (after == null
                ? ""
                : " AND " + Telephony2.DATE + " <= " + Math.floorDiv(after.date, 1000L));
    return merged(true, smsWhere, mmsWhere, after, limit);
  }

  @Override
  public long count() throws IOException {
    return countOf(Telephony2.SMS, null) + countOf(Telephony2.MMS, Telephony2.MMS_MESSAGES);
  }

  @Override
  public List<ThreadSummary> threads(ThreadPosition after, int limit) throws IOException {
    return threads.page(after, limit, generation);
  }

  @Override
  public List<SmsRecord> newestInThread(long threadId, int limit) throws IOException {
    String where = Telephony2.THREAD_ID + " = " + threadId;
    return merged(true, where, Telephony2.MMS_MESSAGES + " AND " + where, null, limit);
  }

  @Override
  public Optional<SmsRecord> get(String id) throws IOException {
    int colon = id.indexOf(':');
    String kind = colon < 0 ? "" : id.substring(0, colon);
    String n = colon < 0 ? "" : id.substring(colon + 1);
    if (!n.matches("[0-9]{1,18}") || !(kind.equals("sms") || kind.equals("mms"))) {
      return Optional.empty();
    }
    List<SmsRecord> found = byIds(kind.equals("sms"), new long[] {Long.parseLong(n)});
    return found.isEmpty() ? Optional.<SmsRecord>empty() : Optional.of(found.get(0));
  }

  /** Records for these row ids of one table (the watcher's added and changed rows). */
  List<SmsRecord> byIds(boolean sms, long[] ids) throws IOException {
    List<SmsRecord> out = new ArrayList<>();
    for (int from = 0; from < ids.length; from += 400) {
      StringBuilder in = new StringBuilder();
      for (int i = from; i < Math.min(ids.length, from + 400); i++) {
        in.append(i == from ? "" : ",").append(ids[i]);
      }
      String where = Telephony2.ID + " IN (" + in + ")";
      out.addAll(
          sms
              ? merged(true, where, null, null, Integer.MAX_VALUE)
              : merged(
                  false, null, Telephony2.MMS_MESSAGES + " AND " + where, null, Integer.MAX_VALUE));
    }
    return out;
  }

  @Override
  public Optional<PartData> readPart(String partId, long offset, int length) throws IOException {
    return parts.read(partId, offset, length);
  }

  @Override
  public Optional<Integer> lastSubIdWith(String address) throws IOException {
    String[] projection = schema.sms();
    if (!schema.has(projection, Telephony2.SUB_ID)) {
      return Optional.empty();
    }
    String digits = Addresses.digits(address);
    String where;
    String[] args;
    if (digits.length() >= 7) {
      // The provider stores numbers as they came ("+44 7700 900123", "07700900123"): match
      // on the tail with LIKE, then check each candidate properly.
      where = Telephony2.SMS_ADDRESS + " LIKE ?";
      args = new String[] {"%" + digits.substring(digits.length() - 4)};
    } else {
      where = Telephony2.SMS_ADDRESS + " = ?";
      args = new String[] {address};
    }
    try (Cursor c =
        resolver.query(
            Telephony2.SMS,
            new String[] {Telephony2.SMS_ADDRESS, Telephony2.SUB_ID},
            where,
            args,
            Telephony2.DATE + " DESC")) {
      if (c == null) {
        throw new ProviderException("no cursor for sms", null);
      }
      for (int seen = 0; seen < 200 && c.moveToNext(); seen++) {
        if (c.isNull(0)
            || c.isNull(1)
            || c.getLong(1) < 0
            || !Addresses.same(c.getString(0), address)) {
          continue;
        }
        return Optional.of(c.getInt(1));
      }
    } catch (SQLException | IllegalArgumentException e) {
      schema.reset();
      throw new ProviderException("sim lookup failed", e);
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read sms", e);
    }
    return Optional.empty();
  }

  /** Hands the listener to the watcher; the core sets it once, after the watcher exists. */
  @Override
  public void setListener(Listener listener) {
    ProviderWatcher w = watcher;
    if (w == null) {
      throw new IllegalStateException("no ProviderWatcher watches this store yet");
    }
    w.setListener(listener);
  }

  /** Called by the watcher's constructor: one watcher per store. */
  void watchedBy(ProviderWatcher w) {
    if (watcher != null) {
      throw new IllegalStateException("this store already has a ProviderWatcher");
    }
    watcher = w;
  }

  /** Drops cached MMS participants of these rows (read again from the provider next time). */
  void forgetMms(long[] ids) {
    mms.forget(ids);
  }

  /**
   * The provider changed: cached derivations (threads on OEMs without the threads view) are stale.
   */
  void changed() {
    generation++;
  }

  /**
   * sms rows (when {@code readSms}) and mms rows (when {@code mmsWhere} is set) in history order.
   */
  private List<SmsRecord> merged(
      boolean readSms, String smsWhere, String mmsWhere, HistoryPosition after, int limit)
      throws ProviderException {
    Cursor sms = null;
    Cursor mmsCursor = null;
    try {
      if (readSms) {
        sms = query(Telephony2.SMS, schema.sms(), smsWhere);
      }
      if (mmsWhere != null) {
        mmsCursor = query(Telephony2.MMS, schema.mms(), mmsWhere);
      }
      return reader.read(
          sms == null ? null : new OrderedRows(sms, "sms:", 1, after, log),
          mmsCursor == null ? null : new OrderedRows(mmsCursor, "mms:", 1000, after, log),
          limit);
    } finally {
      if (sms != null) {
        sms.close();
      }
      if (mmsCursor != null) {
        mmsCursor.close();
      }
    }
  }

  private Cursor query(Uri uri, String[] projection, String where) throws ProviderException {
    try {
      Cursor c = resolver.query(uri, projection, where, null, Telephony2.DATE + " DESC");
      if (c == null) {
        throw new ProviderException("no cursor for " + uri, null);
      }
      return c;
    } catch (SQLException | IllegalArgumentException e) {
      schema.reset();
      throw new ProviderException("query of " + uri + " failed", e);
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read " + uri, e);
    }
  }

  private long countOf(Uri uri, String where) throws ProviderException {
    try (Cursor c = resolver.query(uri, new String[] {Telephony2.ID}, where, null, null)) {
      if (c == null) {
        throw new ProviderException("no cursor for " + uri, null);
      }
      return c.getCount();
    } catch (SQLException | IllegalArgumentException e) {
      throw new ProviderException("count of " + uri + " failed", e);
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read " + uri, e);
    }
  }
}
