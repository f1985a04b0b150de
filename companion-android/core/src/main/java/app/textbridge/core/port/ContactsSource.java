package app.textbridge.core.port;

import app.textbridge.core.model.ContactPage;
import java.io.IOException;

/**
 * The phone's contacts (Android: ContactsContract, fixed projections; only contacts with at least
 * one phone number). Read-only.
 */
public interface ContactsSource {
  /** Number of contacts {@link #page} returns in total. */
  int count() throws IOException;

  /**
   * Up to {@code limit} contacts after the contact whose id is {@code afterKey} (null: from the
   * start), in a stable order the source chooses (Android: by _id). The page's {@code nextKey} is
   * non-null while more follow (the core resumes after the last contact it actually sent). Photos
   * (JPEG thumbnails) are loaded only when {@code photos} is true.
   */
  ContactPage page(String afterKey, int limit, boolean photos) throws IOException;

  /** Registers the single "contacts changed" callback (null removes it). */
  void setChangeListener(Runnable onChanged);
}
