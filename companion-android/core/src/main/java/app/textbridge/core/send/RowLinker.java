package app.textbridge.core.send;

import app.textbridge.core.model.Addresses;
import app.textbridge.core.model.SendRecord;
import app.textbridge.core.model.SendState;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which provider row came from which send key. The system writes the rows of what the phone sends
 * (a non-default SMS app cannot), so a row is matched to a recent request of the same kind with the
 * same body digest and a matching address, closest in time; an MMS result may also name its row.
 * Used under the send queue's lock; {@link #keyFor} may be read from any thread.
 */
final class RowLinker {
  private final Clock clock;
  private final long windowMs;
  private final Map<String, String> links = new ConcurrentHashMap<>();

  /** Keys whose provider row may still appear (within the link window). */
  private final Map<String, SendRecord> linkable = new LinkedHashMap<>();

  RowLinker(Clock clock, long windowMs) {
    this.clock = clock;
    this.windowMs = windowMs;
  }

  String keyFor(String messageId) {
    return links.get(messageId);
  }

  void link(String messageId, String key) {
    links.put(messageId, key);
  }

  /** Keeps the latest copy of {@code r}, as long as a row of it may still come. */
  void remember(SendRecord r) {
    linkable.remove(r.key);
    boolean fresh = clock.nowMillis() - r.requestedAt <= windowMs;
    if (fresh && r.messageIds.size() < Digests.rowsExpected(r) && r.state != SendState.UNKNOWN) {
      linkable.put(r.key, r);
    }
    while (linkable.size() > 1000) linkable.remove(linkable.keySet().iterator().next());
  }

  boolean mayStillLink(String key) {
    return linkable.containsKey(key);
  }

  /** The send an outgoing row belongs to, or null. */
  SendRecord match(SmsRecord row) {
    if (!row.isOutgoing() || row.box == SmsRecord.Box.INBOX || row.box == SmsRecord.Box.DRAFT) {
      return null;
    }
    if (links.containsKey(row.id)) return null;
    String d = Digests.of(row);
    SendRecord best = null;
    for (SendRecord r : linkable.values()) {
      if (!r.bodyDigest.equals(d) || r.messageIds.size() >= Digests.rowsExpected(r)) continue;
      if (Math.abs(row.date - r.requestedAt) > windowMs) continue;
      if (!anyAddressMatches(r, row)) continue;
      if (best == null
          || Math.abs(row.date - r.requestedAt) < Math.abs(row.date - best.requestedAt)) {
        best = r;
      }
    }
    return best;
  }

  private static boolean anyAddressMatches(SendRecord r, SmsRecord row) {
    for (String to : r.recipients) {
      for (String a : row.addresses) if (Addresses.same(to, a)) return true;
    }
    return false;
  }
}
