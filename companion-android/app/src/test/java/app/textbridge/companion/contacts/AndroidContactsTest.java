package app.textbridge.companion.contacts;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import android.content.ContentProvider;
import android.content.ContentValues;
import android.content.pm.ProviderInfo;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.net.Uri;
import android.os.Handler;
import android.os.Looper;
import android.os.ParcelFileDescriptor;
import app.textbridge.core.model.Contact;
import app.textbridge.core.model.ContactPage;
import app.textbridge.core.support.StderrLog;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** Paged contacts with numbers and thumbnails, and PhoneLookup, from a fake ContactsProvider. */
@RunWith(RobolectricTestRunner.class)
public class AndroidContactsTest {
  /** ContactsProvider2's URIs and column names, for what the app reads. */
  public static final class FakeContacts extends ContentProvider {
    SQLiteDatabase db;

    @Override
    public boolean onCreate() {
      db = SQLiteDatabase.create(null);
      db.execSQL(
          "CREATE TABLE contacts (_id INTEGER PRIMARY KEY, display_name TEXT, has_phone_number INTEGER,"
              + " photo_thumb_uri TEXT)");
      db.execSQL(
          "CREATE TABLE phones (_id INTEGER PRIMARY KEY, contact_id INTEGER, data1 TEXT, data2 INTEGER,"
              + " data3 TEXT, is_super_primary INTEGER DEFAULT 0)");
      return true;
    }

    @Override
    public Cursor query(
        Uri uri, String[] projection, String selection, String[] args, String sort) {
      java.util.List<String> path = uri.getPathSegments();
      if (path.get(0).equals("contacts")) {
        String limit = uri.getQueryParameter("limit");
        return db.query("contacts", projection, selection, args, null, null, sort, limit);
      }
      if (path.get(0).equals("data") && path.get(1).equals("phones")) {
        return db.query("phones", projection, selection, args, null, null, sort);
      }
      if (path.get(0).equals("phone_lookup")) {
        String digits = path.get(1).replaceAll("[^0-9]", "");
        return db.rawQuery(
            "SELECT c.display_name FROM contacts c JOIN phones p ON p.contact_id = c._id"
                + " WHERE replace(replace(p.data1, ' ', ''), '+', '') LIKE ?",
            new String[] {"%" + digits.substring(Math.max(0, digits.length() - 9))});
      }
      throw new IllegalArgumentException(uri.toString());
    }

    @Override
    public ParcelFileDescriptor openFile(Uri uri, String mode) throws FileNotFoundException {
      return ParcelFileDescriptor.open(
          new File(
              RuntimeEnvironment.getApplication().getCacheDir(),
              "photo-" + uri.getPathSegments().get(1)),
          ParcelFileDescriptor.MODE_READ_ONLY);
    }

    @Override
    public String getType(Uri uri) {
      return null;
    }

    @Override
    public Uri insert(Uri uri, ContentValues values) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int delete(Uri uri, String s, String[] a) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int update(Uri uri, ContentValues v, String s, String[] a) {
      throw new UnsupportedOperationException();
    }
  }

  private static FakeContacts install() {
    ProviderInfo info = new ProviderInfo();
    info.authority = "com.android.contacts";
    return Robolectric.buildContentProvider(FakeContacts.class).create(info).get();
  }

  private static void contact(
      FakeContacts p, long id, String name, boolean photo, String... numbers) throws IOException {
    p.db.execSQL(
        "INSERT INTO contacts VALUES (?, ?, ?, ?)",
        new Object[] {
          id,
          name,
          numbers.length > 0 ? 1 : 0,
          photo ? "content://com.android.contacts/contacts/" + id + "/photo" : null
        });
    for (String n : numbers) {
      p.db.execSQL(
          "INSERT INTO phones(contact_id, data1, data2) VALUES (?, ?, 2)", new Object[] {id, n});
    }
    if (photo) {
      try (FileOutputStream out =
          new FileOutputStream(
              new File(RuntimeEnvironment.getApplication().getCacheDir(), "photo-" + id))) {
        out.write(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3});
      }
    }
  }

  @Test
  public void pagesWithNumbersAndSmallJpegThumbnails() throws Exception {
    FakeContacts p = install();
    contact(p, 3, "Ada Lovelace", true, "+44 7700 900123", "+447700900123", "020 7946 0000");
    contact(p, 5, "No Number", false);
    contact(p, 8, null, false, "+15550100");
    contact(p, 9, "Grace Hopper", false, "+15550199");
    AndroidContacts source =
        new AndroidContacts(
            RuntimeEnvironment.getApplication().getContentResolver(),
            new Handler(Looper.getMainLooper()),
            new StderrLog(true));
    assertEquals(3, source.count());

    ContactPage first = source.page(null, 2, true);
    assertEquals(2, first.contacts.size());
    Contact ada = first.contacts.get(0);
    assertEquals("c:3", ada.id);
    assertEquals("the same number twice is listed once", 2, ada.numbers.size());
    assertEquals("mobile", ada.numbers.get(0).type);
    assertArrayEquals(
        new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3}, ada.photoJpeg);
    assertEquals(
        "a contact without a name is shown by its number", "+15550100", first.contacts.get(1).name);
    assertEquals("c:8", first.nextKey);

    ContactPage rest = source.page(first.nextKey, 2, false);
    assertEquals(1, rest.contacts.size());
    assertEquals("Grace Hopper", rest.contacts.get(0).name);
    assertNull(rest.nextKey);

    ContactLookup lookup =
        new ContactLookup(RuntimeEnvironment.getApplication().getContentResolver());
    assertEquals("Ada Lovelace", lookup.name("07700 900123"));
    assertNull(lookup.name("+15559999999"));
  }
}
