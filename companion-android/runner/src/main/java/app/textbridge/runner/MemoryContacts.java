package app.textbridge.runner;

import app.textbridge.core.model.Contact;
import app.textbridge.core.model.ContactPage;
import app.textbridge.core.port.ContactsSource;
import java.util.ArrayList;
import java.util.List;

/** Contacts from the history file, in file order; the key is the contact id. */
final class MemoryContacts implements ContactsSource {
  private final List<Contact> contacts = new ArrayList<>();
  private volatile Runnable listener;

  synchronized void add(Contact c) {
    contacts.add(c);
  }

  @Override
  public synchronized int count() {
    return contacts.size();
  }

  @Override
  public synchronized ContactPage page(String afterKey, int limit, boolean photos) {
    int start = 0;
    if (afterKey != null) {
      start = contacts.size();
      for (int i = 0; i < contacts.size(); i++) {
        if (contacts.get(i).id.equals(afterKey)) {
          start = i + 1;
          break;
        }
      }
    }
    List<Contact> out = new ArrayList<>();
    for (int i = start; i < contacts.size() && out.size() < limit; i++) {
      Contact c = contacts.get(i);
      out.add(photos ? c : new Contact(c.id, c.name, c.numbers, null));
    }
    boolean more = start + out.size() < contacts.size();
    return new ContactPage(out, more ? out.get(out.size() - 1).id : null);
  }

  @Override
  public void setChangeListener(Runnable onChanged) {
    listener = onChanged;
  }

  void changed() {
    Runnable l = listener;
    if (l != null) l.run();
  }
}
