package app.textbridge.companion.contacts;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.net.Uri;
import android.provider.ContactsContract.PhoneLookup;

/**
 * A number's contact name by PhoneLookup, which matches the way the phone's own apps do (country
 * code, trunk prefix and formatting ignored). Used on the phone itself (the send notices name the
 * recipient); the desktop gets names from contacts.batch.
 */
public final class ContactLookup {
  private final ContentResolver resolver;

  public ContactLookup(ContentResolver resolver) {
    this.resolver = resolver;
  }

  /** The display name, or null (no such contact, no permission, an alphanumeric sender). */
  public String name(String number) {
    if (number == null || number.trim().isEmpty()) {
      return null;
    }
    Uri uri = Uri.withAppendedPath(PhoneLookup.CONTENT_FILTER_URI, Uri.encode(number.trim()));
    try (Cursor c =
        resolver.query(uri, new String[] {PhoneLookup.DISPLAY_NAME}, null, null, null)) {
      if (c != null && c.moveToFirst() && !c.isNull(0)) {
        return c.getString(0);
      }
    } catch (SecurityException | SQLException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }
}
