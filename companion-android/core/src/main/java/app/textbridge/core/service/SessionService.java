package app.textbridge.core.service;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.pairing.Identity;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.PhoneListener;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.Session;
import app.textbridge.core.sync.ChangeJournal;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The messages about a paired session itself rather than requests on it: {@code ack} (the desktop's
 * sync position, PROTOCOL.md §9.7, or its answer to our {@code unpair}) and {@code unpair} in
 * either direction (§9.12). The core (the user's unpair, a session closing) and the dispatcher (the
 * desktop's messages) share one instance, so neither reaches into the other.
 */
public final class SessionService {
  private final Identity identity;
  private final ChangeJournal journal;
  private final Scheduler scheduler;
  private final Clock clock;
  private final PhoneListener listener;
  private final long unpairAckWaitMs;

  /** Run when the last desktop is forgotten: the identity changed, so the advert must too. */
  private final Runnable readvertise;

  /** Told the key of every desktop forgotten, for what belongs to it elsewhere (its uploads). */
  private final Consumer<String> forgotten;

  /** Sessions we sent {@code unpair} to, and that request's id, until they ack or close. */
  private final Map<Session, String> unpairing = new ConcurrentHashMap<>();

  private final AtomicInteger unpairIds = new AtomicInteger();

  public SessionService(
      Identity identity,
      ChangeJournal journal,
      Scheduler scheduler,
      Clock clock,
      PhoneListener listener,
      long unpairAckWaitMs,
      Runnable readvertise,
      Consumer<String> forgotten) {
    this.identity = identity;
    this.journal = journal;
    this.scheduler = scheduler;
    this.clock = clock;
    this.listener = listener;
    this.unpairAckWaitMs = unpairAckWaitMs;
    this.readvertise = readvertise;
    this.forgotten = forgotten;
  }

  /**
   * The phone's user unpairs a desktop: forget it, then tell each of its open sessions, which close
   * once the desktop acks or after {@code unpairAckWaitMs}, whichever comes first.
   */
  public void unpair(String desktopKeyHex, Collection<Session> live) throws IOException {
    forgetDesktop(desktopKeyHex);
    for (Session s : live) {
      if (!desktopKeyHex.equals(s.desktopKeyHex()) || !s.isPaired()) continue;
      String id = "u" + unpairIds.incrementAndGet();
      unpairing.put(s, id);
      s.send(Message.request(MessageType.UNPAIR, id, new JsonObject()));
      scheduler.schedule(unpairAckWaitMs, () -> s.close(CloseCode.UNPAIRED, "unpaired"));
    }
  }

  /** An {@code ack}: the answer to our unpair closes the session, a watermark is recorded. */
  public void acked(Session s, Message m) throws IOException {
    String waiting = unpairing.get(s);
    if (waiting != null && waiting.equals(m.ref)) {
      s.close(CloseCode.UNPAIRED, "unpaired");
      return;
    }
    JsonObject b = m.body();
    if (b.has("watermark")) {
      List<String> paired = new ArrayList<>();
      for (PairedDesktop d : identity.desktops()) paired.add(Bytes.hex(d.publicKey()));
      journal.ack(s.desktopKeyHex(), b.get("watermark").getAsString(), clock.nowMillis(), paired);
    }
  }

  /** The desktop unpaired us: forget it, ack, and close. */
  public void unpairedByDesktop(Session s, Message m) throws IOException {
    forgetDesktop(s.desktopKeyHex());
    s.send(Message.reply(MessageType.ACK, m.id, new JsonObject()));
    s.close(CloseCode.UNPAIRED, "unpaired by the desktop");
  }

  /** The session ended: an unpair still waiting for its ack has nothing left to wait for. */
  public void closed(Session s) {
    unpairing.remove(s);
  }

  private void forgetDesktop(String keyHex) throws IOException {
    PairedDesktop d = identity.find(Bytes.unhex(keyHex));
    boolean last = identity.remove(Bytes.unhex(keyHex));
    journal.forget(keyHex);
    forgotten.accept(keyHex);
    if (d != null) listener.unpaired(d.name);
    if (last) readvertise.run();
  }
}
