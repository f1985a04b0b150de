package app.textbridge.companion.provider;

import android.content.ContentProvider;
import android.content.ContentValues;
import android.content.UriMatcher;
import android.content.pm.ProviderInfo;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteQueryBuilder;
import android.net.Uri;
import android.os.ParcelFileDescriptor;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import org.robolectric.Robolectric;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowContentResolver;

/**
 * A stand-in for the phone's SmsProvider, MmsProvider and MmsSmsProvider with AOSP's table and
 * column names (telephony's MmsSmsDatabaseHelper) and its URI layout: content://sms[/#],
 * content://mms[/#], content://mms/#/addr, content://mms/part[/#] (openFile on the part's _data),
 * content://mms-sms/conversations?simple=true (which, like AOSP, ignores the sort order). Unknown
 * columns fail the query with SQLite's "no such column", as a real OEM provider does. {@code oem =
 * true} leaves out date_sent and sub_id, as some OEM builds do.
 */
public final class FakeTelephonyProvider extends ContentProvider {
  private static final UriMatcher MATCHER = new UriMatcher(UriMatcher.NO_MATCH);
  private static final int SMS = 1;
  private static final int SMS_ID = 2;
  private static final int MMS = 3;
  private static final int MMS_ID = 4;
  private static final int MMS_ADDR = 5;
  private static final int PARTS = 6;
  private static final int PART_ID = 7;
  private static final int CONVERSATIONS = 8;

  static {
    MATCHER.addURI("sms", null, SMS);
    MATCHER.addURI("sms", "#", SMS_ID);
    MATCHER.addURI("mms", null, MMS);
    MATCHER.addURI("mms", "#", MMS_ID);
    MATCHER.addURI("mms", "#/addr", MMS_ADDR);
    MATCHER.addURI("mms", "part", PARTS);
    MATCHER.addURI("mms", "part/#", PART_ID);
    MATCHER.addURI("mms-sms", "conversations", CONVERSATIONS);
  }

  SQLiteDatabase db;
  private File partDir;

  /** Registers a fresh provider for the three Telephony authorities. */
  public static FakeTelephonyProvider install(boolean oem) {
    ProviderInfo info = new ProviderInfo();
    info.authority = "sms;mms;mms-sms";
    info.grantUriPermissions = true;
    FakeTelephonyProvider p =
        Robolectric.buildContentProvider(FakeTelephonyProvider.class).create(info).get();
    p.createTables(oem);
    for (String authority : new String[] {"sms", "mms", "mms-sms"}) {
      ShadowContentResolver.registerProviderInternal(authority, p);
    }
    return p;
  }

  @Override
  public boolean onCreate() {
    db = SQLiteDatabase.create(null);
    partDir = new File(RuntimeEnvironment.getApplication().getCacheDir(), "fake-parts");
    partDir.mkdirs();
    return true;
  }

  private void createTables(boolean oem) {
    db.execSQL(
        "CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, person INTEGER,"
            + " date INTEGER, "
            + (oem ? "" : "date_sent INTEGER DEFAULT 0, ")
            + "protocol INTEGER, read INTEGER DEFAULT 0, status INTEGER DEFAULT -1, type INTEGER,"
            + " reply_path_present INTEGER, subject TEXT, body TEXT, service_center TEXT, locked INTEGER DEFAULT 0,"
            + (oem ? "" : " sub_id INTEGER DEFAULT -1,")
            + " error_code INTEGER DEFAULT 0, creator TEXT,"
            + " seen INTEGER DEFAULT 0)");
    db.execSQL(
        "CREATE TABLE pdu (_id INTEGER PRIMARY KEY, thread_id INTEGER, date INTEGER,"
            + (oem ? "" : " date_sent INTEGER DEFAULT 0,")
            + " msg_box INTEGER, read INTEGER DEFAULT 0,"
            + " m_id TEXT, sub TEXT, ct_t TEXT, m_type INTEGER, m_size INTEGER, st INTEGER,"
            + (oem ? "" : " sub_id INTEGER DEFAULT -1,")
            + " text_only INTEGER DEFAULT 0, seen INTEGER DEFAULT 0)");
    db.execSQL(
        "CREATE TABLE part (_id INTEGER PRIMARY KEY, mid INTEGER, seq INTEGER DEFAULT 0, ct TEXT,"
            + " name TEXT, chset INTEGER, cd TEXT, fn TEXT, cid TEXT, cl TEXT, ctt_s INTEGER, ctt_t TEXT,"
            + " _data TEXT, text TEXT)");
    db.execSQL(
        "CREATE TABLE addr (_id INTEGER PRIMARY KEY, msg_id INTEGER, contact_id INTEGER,"
            + " address TEXT, type INTEGER, charset INTEGER)");
    db.execSQL(
        "CREATE TABLE threads (_id INTEGER PRIMARY KEY, date INTEGER DEFAULT 0,"
            + " message_count INTEGER DEFAULT 0, recipient_ids TEXT, snippet TEXT, snippet_cs INTEGER DEFAULT 0,"
            + " read INTEGER DEFAULT 1, archived INTEGER DEFAULT 0, type INTEGER DEFAULT 0,"
            + " error INTEGER DEFAULT 0, has_attachment INTEGER DEFAULT 0)");
  }

  @Override
  public Cursor query(
      Uri uri, String[] projection, String selection, String[] args, String sortOrder) {
    SQLiteQueryBuilder qb = new SQLiteQueryBuilder();
    switch (MATCHER.match(uri)) {
      case SMS_ID:
        qb.appendWhere("_id = " + uri.getLastPathSegment());
      // fall through
      case SMS:
        qb.setTables("sms");
        break;
      case MMS_ID:
        qb.appendWhere("_id = " + uri.getLastPathSegment());
      // fall through
      case MMS:
        qb.setTables("pdu");
        break;
      case MMS_ADDR:
        qb.setTables("addr");
        qb.appendWhere("msg_id = " + uri.getPathSegments().get(0));
        break;
      case PART_ID:
        qb.appendWhere("_id = " + uri.getLastPathSegment());
      // fall through
      case PARTS:
        qb.setTables("part");
        break;
      case CONVERSATIONS:
        if (!"true".equals(uri.getQueryParameter("simple"))) {
          throw new IllegalArgumentException("only the simple view is faked");
        }
        // MmsSmsProvider.getSimpleConversations ignores the caller's sort order.
        return db.query("threads", projection, selection, args, null, null, " date DESC");
      default:
        throw new IllegalArgumentException("Unknown URI " + uri);
    }
    return qb.query(db, projection, selection, args, null, null, sortOrder);
  }

  @Override
  public ParcelFileDescriptor openFile(Uri uri, String mode) throws FileNotFoundException {
    if (MATCHER.match(uri) != PART_ID) {
      throw new FileNotFoundException(uri.toString());
    }
    try (Cursor c =
        db.rawQuery(
            "SELECT _data FROM part WHERE _id = ?", new String[] {uri.getLastPathSegment()})) {
      if (!c.moveToFirst() || c.isNull(0)) {
        throw new FileNotFoundException(uri.toString());
      }
      return ParcelFileDescriptor.open(
          new File(c.getString(0)), ParcelFileDescriptor.MODE_READ_ONLY);
    }
  }

  /** Writes a part's bytes where MmsProvider would (its _data file). */
  String storePartFile(long partId, byte[] data) throws IOException {
    File f = new File(partDir, "PART_" + partId);
    try (FileOutputStream out = new FileOutputStream(f)) {
      out.write(data);
    }
    return f.getPath();
  }

  @Override
  public String getType(Uri uri) {
    return null;
  }

  @Override
  public Uri insert(Uri uri, ContentValues values) {
    throw new UnsupportedOperationException("a non-default SMS app cannot write the provider");
  }

  @Override
  public int delete(Uri uri, String selection, String[] args) {
    throw new UnsupportedOperationException("a non-default SMS app cannot write the provider");
  }

  @Override
  public int update(Uri uri, ContentValues values, String selection, String[] args) {
    throw new UnsupportedOperationException("a non-default SMS app cannot write the provider");
  }
}
