package app.textbridge.runner;

import app.textbridge.core.model.SimCard;
import app.textbridge.core.support.MemorySmsStore;
import java.util.ArrayList;
import java.util.List;

/** A loaded history: the store, contacts, SIMs and device as the history file describes them. */
final class History {
  final MemorySmsStore store = new MemorySmsStore();
  final MemoryContacts contacts = new MemoryContacts();
  final List<SimCard> sims = new ArrayList<>();
  String deviceName = "Demo phone";
  String deviceModel;
  String deviceRegion;
  long messages;
}
