package app.textbridge.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A page of contacts and the source's key to continue after it (null when exhausted). */
public final class ContactPage {
  public final List<Contact> contacts;
  public final String nextKey;

  public ContactPage(List<Contact> contacts, String nextKey) {
    this.contacts = Collections.unmodifiableList(new ArrayList<>(contacts));
    this.nextKey = nextKey;
  }
}
