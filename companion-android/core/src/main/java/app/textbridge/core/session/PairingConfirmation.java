package app.textbridge.core.session;

import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.crypto.Nacl;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.pairing.Identity;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.PairingPrompt;
import app.textbridge.core.port.PhoneListener;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import com.google.gson.JsonObject;
import java.io.IOException;

/**
 * The user's confirmation of a new pairing (PROTOCOL.md §5.3): PROMPTED → ACCEPTED | REJECTED |
 * TIMED_OUT | ABANDONED. Nothing is stored before ACCEPTED; rejection and the 120 s timeout send
 * {@code pair.result {accepted:false}} and close with 4007.
 */
public final class PairingConfirmation implements PairingPrompt.Decision {
  enum State {
    PROMPTED,
    ACCEPTED,
    REJECTED,
    TIMED_OUT,
    ABANDONED
  }

  private final Session session;
  private final HandshakeResult result;
  private final Identity identity;
  private final PairingPrompt prompt;
  private final Clock clock;
  private final EventLog log;
  private final PhoneListener listener;
  private final String requestId = Bytes.hex(Nacl.randomBytes(8));
  private State state = State.PROMPTED;
  private Scheduler.Cancellable timer;

  public PairingConfirmation(
      Session session,
      HandshakeResult result,
      Identity identity,
      PairingPrompt prompt,
      Clock clock,
      EventLog log,
      PhoneListener listener) {
    this.session = session;
    this.result = result;
    this.identity = identity;
    this.prompt = prompt;
    this.clock = clock;
    this.log = log;
    this.listener = listener;
  }

  public void start(Scheduler scheduler, long timeoutMs) {
    timer = scheduler.schedule(timeoutMs, this::timedOut);
    listener.pairingPending(result.sas, result.remotePayload.name);
    prompt.show(new PairingPrompt.Request(requestId, result.sas, result.remotePayload.name), this);
  }

  @Override
  public void accept() {
    if (!move(State.ACCEPTED)) return;
    try {
      identity.add(
          new PairedDesktop(
              result.remoteStatic(),
              result.remotePayload.name,
              result.remotePayload.id,
              clock.nowMillis()));
    } catch (IOException e) {
      log.warn("pairing", "could not store the desktop: " + e.getClass().getSimpleName());
      answer(false, null);
      session.close(CloseCode.PAIRING_NOT_CONFIRMED, "storage failed");
      listener.pairingFinished(result.remotePayload.name, false);
      return;
    }
    answer(true, null);
    listener.pairingFinished(result.remotePayload.name, true);
    session.markPaired();
  }

  @Override
  public void reject() {
    if (!move(State.REJECTED)) return;
    refuse("user_rejected");
  }

  private void timedOut() {
    if (!move(State.TIMED_OUT)) return;
    prompt.dismiss(requestId);
    refuse("timeout");
  }

  /** The connection went away first. */
  public void abandon() {
    if (move(State.ABANDONED)) {
      prompt.dismiss(requestId);
      listener.pairingFinished(result.remotePayload.name, false);
    }
  }

  private void refuse(String reason) {
    answer(false, reason);
    session.close(CloseCode.PAIRING_NOT_CONFIRMED, reason);
    listener.pairingFinished(result.remotePayload.name, false);
  }

  private void answer(boolean accepted, String reason) {
    JsonObject body = new JsonObject();
    body.addProperty("accepted", accepted);
    if (reason != null) body.addProperty("reason", reason);
    session.send(Message.of(MessageType.PAIR_RESULT, body));
  }

  private synchronized boolean move(State next) {
    if (state != State.PROMPTED) return false;
    if (next != State.ABANDONED && !session.isOpen()) return false;
    state = next;
    if (timer != null) timer.cancel();
    return true;
  }
}
