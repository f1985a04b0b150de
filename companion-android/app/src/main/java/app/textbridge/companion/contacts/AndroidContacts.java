package app.textbridge.companion.contacts;

import android.content.ContentResolver;
import android.database.ContentObserver;
import android.database.Cursor;
import android.database.SQLException;
import android.net.Uri;
import android.os.Handler;
import android.provider.ContactsContract;
import android.provider.ContactsContract.CommonDataKinds.Phone;
import android.provider.ContactsContract.Contacts;
import app.textbridge.core.model.Contact;
import app.textbridge.core.model.ContactPage;
import app.textbridge.core.port.ContactsSource;
import app.textbridge.core.port.EventLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's {@link ContactsSource} over ContactsContract (PORTS.md, PROTOCOL.md §9.8): contacts
 * with at least one phone number, by _id, a page at a time (the provider's LIMIT parameter), their
 * numbers from one Phone query per page, thumbnails only when asked. Ids are {@code c:<_id>}.
 * Without READ_CONTACTS the phone simply has no contacts to offer (the user chose that).
 */
public final class AndroidContacts implements ContactsSource {
  private static final long SETTLE_MS = 2_000; // a contacts sync writes in bursts
  private static final String WITH_PHONE = Contacts.HAS_PHONE_NUMBER + " = 1";
  private final ContentResolver resolver;
  private final Handler handler;
  private final EventLog log;
  private ContentObserver observer;

  public AndroidContacts(ContentResolver resolver, Handler handler, EventLog log) {
    this.resolver = resolver;
    this.handler = handler;
    this.log = log;
  }

  @Override
  public int count() throws IOException {
    try (Cursor c =
        resolver.query(Contacts.CONTENT_URI, new String[] {Contacts._ID}, WITH_PHONE, null, null)) {
      return c == null ? 0 : c.getCount();
    } catch (SecurityException e) {
      log.warn("contacts", "READ_CONTACTS not allowed: no contacts offered");
      return 0;
    } catch (SQLException | IllegalArgumentException e) {
      throw new IOException("contacts count failed", e);
    }
  }

  @Override
  public ContactPage page(String afterKey, int limit, boolean photos) throws IOException {
    long after = afterKey == null ? 0 : parseId(afterKey);
    if (after < 0) {
      return new ContactPage(new ArrayList<Contact>(), null);
    }
    Uri uri =
        Contacts.CONTENT_URI
            .buildUpon()
            .appendQueryParameter(ContactsContract.LIMIT_PARAM_KEY, Integer.toString(limit + 1))
            .build();
    String[] projection = {
      Contacts._ID, Contacts.DISPLAY_NAME_PRIMARY, Contacts.PHOTO_THUMBNAIL_URI
    };
    Map<Long, String[]> heads = new LinkedHashMap<>();
    try (Cursor c =
        resolver.query(
            uri,
            projection,
            WITH_PHONE + " AND " + Contacts._ID + " > ?",
            new String[] {Long.toString(after)},
            Contacts._ID + " ASC")) {
      while (c != null && c.moveToNext() && heads.size() <= limit) {
        heads.put(c.getLong(0), new String[] {c.getString(1), c.getString(2)});
      }
    } catch (SecurityException e) {
      log.warn("contacts", "READ_CONTACTS not allowed: no contacts offered");
      return new ContactPage(new ArrayList<Contact>(), null);
    } catch (SQLException | IllegalArgumentException e) {
      throw new IOException("contacts page failed", e);
    }
    boolean more = heads.size() > limit;
    List<Long> ids = new ArrayList<>(heads.keySet());
    if (more) {
      ids = ids.subList(0, limit);
    }
    Map<Long, List<Contact.Number>> numbers =
        ids.isEmpty()
            ? new LinkedHashMap<Long, List<Contact.Number>>()
            : PhoneNumbers.of(resolver, ids);
    List<Contact> out = new ArrayList<>();
    for (Long id : ids) {
      List<Contact.Number> list = numbers.get(id);
      if (list == null || list.isEmpty()) {
        continue; // its last number was deleted since the contacts query
      }
      String[] head = heads.get(id);
      String name =
          head[0] == null || head[0].trim().isEmpty() ? list.get(0).number : head[0].trim();
      byte[] photo =
          photos && head[1] != null ? Thumbnails.load(resolver, Uri.parse(head[1])) : null;
      out.add(new Contact("c:" + id, name, list, photo));
    }
    return new ContactPage(out, more && !ids.isEmpty() ? "c:" + ids.get(ids.size() - 1) : null);
  }

  @Override
  public synchronized void setChangeListener(Runnable onChanged) {
    if (observer != null) {
      resolver.unregisterContentObserver(observer);
      observer = null;
    }
    if (onChanged == null) {
      return;
    }
    Runnable settled = onChanged;
    observer =
        new ContentObserver(handler) {
          @Override
          public void onChange(boolean selfChange) {
            handler.removeCallbacks(settled);
            handler.postDelayed(settled, SETTLE_MS);
          }
        };
    try {
      resolver.registerContentObserver(Contacts.CONTENT_URI, true, observer);
    } catch (SecurityException e) {
      log.warn("contacts", "cannot observe contacts: " + e.getClass().getSimpleName());
    }
  }

  /** "c:311" → 311; -1 for anything else. */
  static long parseId(String key) {
    String n = key.startsWith("c:") ? key.substring(2) : key;
    return n.matches("[0-9]{1,18}") ? Long.parseLong(n) : -1;
  }

  /** Phone rows of a page of contacts, grouped by contact, duplicates dropped. */
  static final class PhoneNumbers {
    private PhoneNumbers() {}

    static Map<Long, List<Contact.Number>> of(ContentResolver resolver, List<Long> contactIds)
        throws IOException {
      StringBuilder in = new StringBuilder();
      for (Long id : contactIds) {
        in.append(in.length() == 0 ? "" : ",").append(id);
      }
      Map<Long, List<Contact.Number>> out = new LinkedHashMap<>();
      String[] projection = {Phone.CONTACT_ID, Phone.NUMBER, Phone.TYPE, Phone.LABEL};
      try (Cursor c =
          resolver.query(
              Phone.CONTENT_URI,
              projection,
              Phone.CONTACT_ID + " IN (" + in + ")",
              null,
              Phone.CONTACT_ID + ", " + Phone.IS_SUPER_PRIMARY + " DESC, " + Phone._ID)) {
        while (c != null && c.moveToNext()) {
          String number = c.isNull(1) ? null : c.getString(1).trim();
          if (number == null || number.isEmpty() || number.length() > 64) {
            continue;
          }
          List<Contact.Number> list = out.get(c.getLong(0));
          if (list == null) {
            list = new ArrayList<>();
            out.put(c.getLong(0), list);
          }
          if (list.size() < 20 && !contains(list, number)) {
            int type = c.isNull(2) ? Phone.TYPE_OTHER : c.getInt(2);
            String label = type == Phone.TYPE_CUSTOM && !c.isNull(3) ? c.getString(3) : null;
            list.add(new Contact.Number(number, type(type), label));
          }
        }
      } catch (SecurityException | SQLException | IllegalArgumentException e) {
        throw new IOException("contact numbers failed", e);
      }
      return out;
    }

    private static boolean contains(List<Contact.Number> list, String number) {
      String digits = number.replaceAll("[^0-9+]", "");
      for (Contact.Number n : list) {
        if (n.number.replaceAll("[^0-9+]", "").equals(digits)) {
          return true;
        }
      }
      return false;
    }

    static String type(int phoneType) {
      switch (phoneType) {
        case Phone.TYPE_MOBILE:
          return "mobile";
        case Phone.TYPE_HOME:
        case Phone.TYPE_FAX_HOME:
          return "home";
        case Phone.TYPE_WORK:
        case Phone.TYPE_WORK_MOBILE:
        case Phone.TYPE_FAX_WORK:
        case Phone.TYPE_WORK_PAGER:
        case Phone.TYPE_COMPANY_MAIN:
          return "work";
        default:
          return "other";
      }
    }
  }
}
