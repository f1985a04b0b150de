package app.textbridge.core.send;

import app.textbridge.core.model.SendRecord;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.Peer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions waiting for news of each key, with the request id to answer (the latest request of
 * each session). Every desktop is told what its capabilities let it understand ({@link
 * StatusJson}). Used under the send queue's lock.
 */
final class StatusWaiters {
  private final Map<String, List<Waiter>> waiters = new HashMap<>();

  private static final class Waiter {
    final Peer peer;
    final String ref;

    Waiter(Peer peer, String ref) {
      this.peer = peer;
      this.ref = ref;
    }
  }

  void attach(String key, Peer peer, String ref) {
    List<Waiter> list = waiters.computeIfAbsent(key, k -> new ArrayList<Waiter>());
    list.removeIf(w -> w.peer == peer);
    list.add(new Waiter(peer, ref));
  }

  void forget(Peer peer) {
    for (List<Waiter> list : waiters.values()) list.removeIf(w -> w.peer == peer);
  }

  /** Tells every waiter; a final state ends the waiting unless a row link may still follow. */
  void tell(SendRecord r, boolean moreToCome) {
    List<Waiter> list = waiters.get(r.key);
    if (list == null) return;
    for (Waiter w : list) {
      // A desktop that cannot be told about the wait would only hear "accepted" again.
      if (StatusJson.visibleState(r.state, w.peer.capabilities()) != r.state) continue;
      reply(w.peer, w.ref, r);
    }
    if (r.state.isFinal() && !moreToCome) waiters.remove(r.key);
  }

  static void reply(Peer peer, String ref, SendRecord r) {
    peer.send(Message.reply(MessageType.SEND_STATUS, ref, StatusJson.of(r, peer.capabilities())));
  }
}
