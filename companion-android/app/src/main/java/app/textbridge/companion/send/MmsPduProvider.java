package app.textbridge.companion.send;

import android.content.ContentProvider;
import android.content.ContentValues;
import android.database.Cursor;
import android.net.Uri;
import android.os.ParcelFileDescriptor;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Serves the PDUs of {@link PduOutbox} to the platform's MMS service, which reads an outgoing MMS
 * only from a content URI. The app has no AndroidX, so no FileProvider: this one does the little
 * that is needed, read-only, one flat folder, by name.
 *
 * <p>Not exported: nothing may ask it for anything unless it was granted a URI. It allows grants
 * (manifest {@code grantUriPermissions}) because {@code SmsManager.sendMultimediaMessage} does not
 * read the file in our process: Android's MmsServiceBroker grants the phone process (where the MMS
 * service runs) and the carrier's messaging app read access to this URI on our behalf, which works
 * only for a provider that permits grants. The service revokes the grant when it is done.
 *
 * <p>Every request names one path segment, checked undecoded against the outbox's own name pattern
 * ({@code <key>.pdu}, letters, digits, '_' and '-'), so there is no way to name a path outside the
 * folder.
 */
public final class MmsPduProvider extends ContentProvider {
  static final String AUTHORITY = "app.textbridge.companion.mmspdu";
  static final String MIME = "application/vnd.wap.mms-message";

  static Uri uriFor(String name) {
    return new Uri.Builder().scheme("content").authority(AUTHORITY).appendPath(name).build();
  }

  @Override
  public boolean onCreate() {
    return true;
  }

  @Override
  public ParcelFileDescriptor openFile(Uri uri, String mode) throws FileNotFoundException {
    if (!"r".equals(mode)) {
      throw new FileNotFoundException("read-only");
    }
    File file = fileFor(uri);
    if (file == null || !file.isFile()) {
      throw new FileNotFoundException("no such PDU");
    }
    return ParcelFileDescriptor.open(file, ParcelFileDescriptor.MODE_READ_ONLY);
  }

  @Override
  public String getType(Uri uri) {
    return nameOf(uri) == null ? null : MIME;
  }

  /** The outbox file a URI names, or null for any URI this provider did not hand out. */
  private File fileFor(Uri uri) {
    String name = nameOf(uri);
    if (name == null) {
      return null;
    }
    PduOutbox outbox = new PduOutbox(getContext());
    File file = outbox.fileNamed(name);
    try {
      // Belt and braces after the name check: the file must sit directly in the outbox.
      File parent = file.getCanonicalFile().getParentFile();
      return outbox.folder().getCanonicalFile().equals(parent) ? file : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String nameOf(Uri uri) {
    if (uri == null || !AUTHORITY.equals(uri.getAuthority())) {
      return null;
    }
    // The raw path, never decoded: an outbox name needs no escapes, so "/<name>" is the only
    // form accepted (no empty segments, no %2F or %2E, nothing Uri would normalise away).
    String path = uri.getEncodedPath();
    if (path == null
        || !path.startsWith("/")
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      return null;
    }
    String name = path.substring(1);
    return PduOutbox.isName(name) ? name : null;
  }

  // Nothing else: the MMS service only opens the file.

  @Override
  public Cursor query(
      Uri uri, String[] projection, String selection, String[] selectionArgs, String sortOrder) {
    return null;
  }

  @Override
  public Uri insert(Uri uri, ContentValues values) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public int delete(Uri uri, String selection, String[] selectionArgs) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public int update(Uri uri, ContentValues values, String selection, String[] selectionArgs) {
    throw new UnsupportedOperationException("read-only");
  }
}
