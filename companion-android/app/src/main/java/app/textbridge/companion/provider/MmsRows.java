package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.provider.Telephony;
import app.textbridge.core.model.Addresses;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.EventLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code content://mms} rows → {@link SmsRecord}s. Quirks handled here: MMS dates are in seconds
 * (SMS dates are milliseconds); participants live in {@code content://mms/<id>/addr}, where the
 * user's own line appears as a real number or as "insert-address-token"; a notification_ind row
 * (not downloaded yet) has no parts at all. An MMS with no text part has an empty body.
 */
final class MmsRows {
  /**
   * Participants never change for a given row: cache them (keyed by id and date, as ids can be
   * reused).
   */
  private static final int CACHE = 2000;

  private final ContentResolver resolver;
  private final Schema schema;
  private final OwnNumbers own;
  private final EventLog log;
  private final Map<Long, Participants> cache =
      new LinkedHashMap<Long, Participants>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Participants> eldest) {
          return size() > CACHE;
        }
      };

  MmsRows(ContentResolver resolver, Schema schema, OwnNumbers own, EventLog log) {
    this.resolver = resolver;
    this.schema = schema;
    this.log = log;
    this.own = own;
  }

  /** The columns of one mms row, read before its parts and addresses. */
  static final class Base {
    final long id;
    final Long threadId;
    final long dateMillis;
    final Long dateSentMillis;
    final SmsRecord.Box box;
    final boolean read;
    final Integer subId;

    Base(
        long id,
        Long threadId,
        long dateMillis,
        Long dateSentMillis,
        SmsRecord.Box box,
        boolean read,
        Integer subId) {
      this.id = id;
      this.threadId = threadId;
      this.dateMillis = dateMillis;
      this.dateSentMillis = dateSentMillis;
      this.box = box;
      this.read = read;
      this.subId = subId;
    }
  }

  static Row row(Cursor c) {
    return new Row(
        c,
        Telephony2.ID,
        Telephony2.THREAD_ID,
        Telephony2.DATE,
        Telephony2.DATE_SENT,
        Telephony2.MMS_BOX,
        Telephony2.READ,
        Telephony2.SUB_ID);
  }

  static Base base(Row r) throws BadRowException {
    Long id = r.getLong(Telephony2.ID);
    if (id == null) {
      throw new BadRowException("mms row without _id");
    }
    SmsRecord.Box box = box(r.getLong(Telephony2.MMS_BOX));
    if (box == null) {
      throw new BadRowException("mms:" + id + " has msg_box " + r.getLong(Telephony2.MMS_BOX));
    }
    Long sent = r.getLong(Telephony2.DATE_SENT);
    return new Base(
        id,
        r.getLong(Telephony2.THREAD_ID),
        r.getLong(Telephony2.DATE, 0) * 1000,
        sent == null || sent <= 0 ? null : sent * 1000,
        box,
        r.getLong(Telephony2.READ, 0) != 0,
        SmsRows.subId(r.getLong(Telephony2.SUB_ID)));
  }

  static SmsRecord.Box box(Long msgBox) {
    if (msgBox == null) {
      return null;
    }
    switch (msgBox.intValue()) {
      case Telephony.Mms.MESSAGE_BOX_INBOX:
        return SmsRecord.Box.INBOX;
      case Telephony.Mms.MESSAGE_BOX_SENT:
        return SmsRecord.Box.SENT;
      case Telephony.Mms.MESSAGE_BOX_DRAFTS:
        return SmsRecord.Box.DRAFT;
      case Telephony.Mms.MESSAGE_BOX_OUTBOX:
        return SmsRecord.Box.OUTBOX;
      case Telephony.Mms.MESSAGE_BOX_FAILED:
        return SmsRecord.Box.FAILED;
      default:
        return null;
    }
  }

  /**
   * Full records for these rows, in the same order; a row that cannot be read is logged and left
   * out.
   */
  List<SmsRecord> build(List<Base> rows) throws ProviderException {
    List<Long> ids = new ArrayList<>();
    for (Base b : rows) {
      ids.add(b.id);
    }
    Map<Long, MmsParts.Content> parts =
        ids.isEmpty()
            ? Collections.<Long, MmsParts.Content>emptyMap()
            : MmsParts.read(resolver, schema, ids, log);
    List<SmsRecord> out = new ArrayList<>();
    for (Base b : rows) {
      try {
        out.add(record(b, parts.get(b.id)));
      } catch (BadRowException e) {
        log.warn("provider", e.getMessage() + ": skipped");
      } catch (RuntimeException e) {
        log.warn("provider", "mms:" + b.id + " skipped: " + e.getClass().getSimpleName());
      }
    }
    return out;
  }

  private SmsRecord record(Base b, MmsParts.Content content)
      throws BadRowException, ProviderException {
    Participants p = participants(b);
    if (p.addresses.isEmpty()) {
      throw new BadRowException("mms:" + b.id + " has no usable address");
    }
    String body = content == null ? "" : content.body.toString();
    if (body.length() > SmsRows.MAX_BODY) {
      body = body.substring(0, SmsRows.MAX_BODY);
    }
    return new SmsRecord(
        "mms:" + b.id,
        SmsRecord.Kind.MMS,
        b.threadId,
        b.box,
        p.addresses,
        sender(b, p),
        b.dateMillis,
        b.dateSentMillis,
        body,
        b.read,
        SmsRecord.DeliveryStatus.NONE,
        b.subId,
        content == null ? Collections.emptyList() : content.parts);
  }

  /**
   * Incoming needs a sender (a null sender means outgoing, §8); FROM may be missing on odd rows.
   */
  private static String sender(Base b, Participants p) {
    if (b.box != SmsRecord.Box.INBOX) {
      return null;
    }
    return p.sender != null ? p.sender : p.addresses.get(0);
  }

  private static final class Participants {
    final long date;
    final List<String> addresses;
    final String sender;

    Participants(long date, List<String> addresses, String sender) {
      this.date = date;
      this.addresses = addresses;
      this.sender = sender;
    }
  }

  private synchronized Participants participants(Base b) throws ProviderException {
    Participants cached = cache.get(b.id);
    if (cached != null && cached.date == b.dateMillis) {
      return cached;
    }
    Participants p = queryParticipants(b);
    if (!p.addresses.isEmpty()) {
      cache.put(b.id, p); // an empty list may just mean "not written yet" (a young MMS)
    }
    return p;
  }

  /** Forgets what is cached for these rows (a new MMS whose addresses may still be arriving). */
  synchronized void forget(long[] ids) {
    for (long id : ids) {
      cache.remove(id);
    }
  }

  private Participants queryParticipants(Base b) throws ProviderException {
    String from = null;
    boolean sawToken = false;
    List<String> to = new ArrayList<>();
    List<String> cc = new ArrayList<>();
    try (Cursor c =
        resolver.query(Telephony2.mmsAddr(b.id), Telephony2.ADDR_PROJECTION, null, null, null)) {
      if (c == null) {
        throw new ProviderException("no cursor for mms addresses", null);
      }
      Row r = new Row(c, Telephony2.ADDR_ADDRESS, Telephony2.ADDR_TYPE);
      while (c.moveToNext()) {
        String a = Addresses.clean(r.getString(Telephony2.ADDR_ADDRESS));
        Long type = r.getLong(Telephony2.ADDR_TYPE);
        if (a != null && a.equalsIgnoreCase(Telephony2.INSERT_ADDRESS_TOKEN)) {
          sawToken = true;
          continue;
        }
        if (a == null || type == null) {
          continue;
        }
        if (type == Telephony2.ADDR_FROM) {
          from = a;
        } else if (type == Telephony2.ADDR_TO) {
          to.add(a);
        } else if (type == Telephony2.ADDR_CC || type == Telephony2.ADDR_BCC) {
          cc.add(a);
        }
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw new ProviderException("mms address query failed", e);
    } catch (SecurityException e) {
      throw new ProviderException("not allowed to read mms addresses", e);
    }
    Set<String> mine = own.numbers();
    List<String> others = new ArrayList<>();
    if (b.box == SmsRecord.Box.INBOX) {
      if (from != null) {
        others.add(from);
      }
      // Incoming: our own line is among the recipients, as a number or as the token. Without
      // either, a single recipient and no cc can only be us (a one-to-one MMS).
      boolean onlyUs = mine.isEmpty() && !sawToken && to.size() == 1 && cc.isEmpty();
      if (!onlyUs) {
        addOthers(others, to, mine);
        addOthers(others, cc, mine);
      }
    } else {
      addOthers(others, to, mine);
      addOthers(others, cc, mine);
    }
    List<String> capped = others.size() > 50 ? others.subList(0, 50) : others;
    return new Participants(b.dateMillis, new ArrayList<>(capped), from);
  }

  private static void addOthers(List<String> out, List<String> candidates, Set<String> mine) {
    for (String a : candidates) {
      if (!Addresses.containsSame(mine, a) && !Addresses.containsSame(out, a)) {
        out.add(a);
      }
    }
  }
}
