package app.textbridge.companion.engine;

import android.content.Context;
import app.textbridge.companion.contacts.ContactLookup;
import app.textbridge.companion.send.SendStallNotice;
import app.textbridge.companion.service.AppState;
import app.textbridge.companion.service.MirrorService;
import app.textbridge.companion.service.StatusListeners;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.crypto.Bytes;
import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.model.SendState;
import app.textbridge.core.port.PhoneListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's {@link PhoneListener}, feeding what the user sees: the service notification (which
 * computer is connected), and {@link AppState} (paired computers keyed by their public key, last
 * sync time from the desktops' acks, §9.7), and the send notice when a text waits for the answer to
 * Android's send-rate prompt. The key storage is the source of truth for pairings; AppState is a
 * copy the activity can read without the engine.
 */
final class StatusBridge implements PhoneListener {
  private final Context context;
  private final List<String> connected = new ArrayList<>();
  private final SendStallNotice notice;
  private volatile PhoneCore core;
  private volatile int port;

  StatusBridge(Context context) {
    this.context = context.getApplicationContext();
    this.notice =
        new SendStallNotice(this.context, new ContactLookup(context.getContentResolver()));
  }

  /** The notice the SMS sender reports hand-overs to, and this bridge the waits. */
  SendStallNotice stallNotice() {
    return notice;
  }

  @Override
  public void sendState(String key, String state) {
    if (SendState.WAITING_FOR_USER.wire.equals(state)) {
      notice.waitingForUser(key);
    }
  }

  void attach(PhoneCore core) {
    this.core = core;
    syncPaired();
  }

  void detach() {
    core = null;
    port = 0;
    synchronized (connected) {
      connected.clear();
    }
  }

  int port() {
    return port;
  }

  @Override
  public void listening(int port, String instanceId) {
    this.port = port;
    StatusListeners.fire();
  }

  @Override
  public void pairingFinished(String desktopName, boolean accepted) {
    if (accepted) {
      syncPaired();
    }
  }

  @Override
  public void connected(String desktopName) {
    String shown;
    synchronized (connected) {
      connected.add(desktopName);
      shown = desktopName;
    }
    MirrorService.setConnectedComputer(context, shown);
  }

  @Override
  public void disconnected(String desktopName, int code) {
    String shown;
    synchronized (connected) {
      connected.remove(desktopName);
      shown = connected.isEmpty() ? null : connected.get(connected.size() - 1);
    }
    MirrorService.setConnectedComputer(context, shown);
    refreshLastSync();
  }

  @Override
  public void unpaired(String desktopName) {
    syncPaired();
  }

  /** Makes AppState's list of paired computers match the key storage. */
  void syncPaired() {
    PhoneCore c = core;
    if (c == null) {
      return;
    }
    Map<String, String> now = new HashMap<>();
    for (PairedDesktop d : c.pairedDesktops()) {
      now.put(Bytes.hex(d.publicKey()), d.name);
    }
    Map<String, String> shown = AppState.read(context).pairedComputers;
    for (String id : shown.keySet()) {
      if (!now.containsKey(id)) {
        AppState.removePairedComputer(context, id);
      }
    }
    for (Map.Entry<String, String> e : now.entrySet()) {
      if (!e.getValue().equals(shown.get(e.getKey()))) {
        AppState.putPairedComputer(context, e.getKey(), e.getValue());
      }
    }
  }

  /** "Last sync": the newest ack of any paired desktop; written only when it moved. */
  void refreshLastSync() {
    PhoneCore c = core;
    if (c == null) {
      return;
    }
    long newest = 0;
    for (PairedDesktop d : c.pairedDesktops()) {
      try {
        DesktopSyncState s = c.lastSynced(Bytes.hex(d.publicKey()));
        if (s != null) {
          newest = Math.max(newest, s.ackedAt);
        }
      } catch (IOException e) {
        return; // the journal is unreadable now; the next refresh tries again
      }
    }
    if (newest > AppState.read(context).lastSyncMillis) {
      AppState.setLastSyncMillis(context, newest);
    }
  }
}
