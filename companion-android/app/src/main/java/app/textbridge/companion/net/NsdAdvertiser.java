package app.textbridge.companion.net;

import android.content.Context;
import android.net.nsd.NsdManager;
import android.net.nsd.NsdServiceInfo;
import android.net.wifi.WifiManager;
import android.os.Handler;
import android.os.Looper;
import app.textbridge.core.model.Advert;
import app.textbridge.core.port.Advertiser;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.protocol.Discovery;
import java.util.Map;

/**
 * The core's {@link Advertiser} on NsdManager (PROTOCOL.md §3): service {@code _textbridge._tcp},
 * instance name {@code Textbridge-<8 hex of the random instance id>} (no name, number or account),
 * TXT {@code v}, {@code id} and, while a scanned QR waits, {@code pt}.
 *
 * <p>NsdManager cannot change a registered service's TXT record, so a new advert (the pairing tag
 * came or went, the port changed) unregisters and registers again, one step at a time: a second
 * registration under the same name while the first is still up would be renamed "(2)" by the mDNS
 * responder. Failed registrations are retried with a growing delay. A WifiManager MulticastLock is
 * held while advertising: several OEM Wi-Fi drivers filter multicast when the screen is off unless
 * an app holds one, and the desktop's queries would then go unanswered.
 */
public final class NsdAdvertiser implements Advertiser {
  static final String SERVICE_TYPE = "_textbridge._tcp";

  private enum State {
    IDLE,
    REGISTERING,
    REGISTERED,
    UNREGISTERING
  }

  private final NsdManager nsd;
  private final WifiManager.MulticastLock lock;
  private final EventLog log;
  private final Handler retries = new Handler(Looper.getMainLooper());
  private final Runnable retry = this::reconcile;
  private State state = State.IDLE;
  private Advert desired;
  private Advert registered;
  private Listener listener;
  private long backoffMs = 2_000;

  public NsdAdvertiser(Context context, EventLog log) {
    Context app = context.getApplicationContext();
    this.nsd = app.getSystemService(NsdManager.class);
    WifiManager wifi = app.getSystemService(WifiManager.class);
    this.lock = wifi == null ? null : wifi.createMulticastLock("textbridge-mdns");
    if (lock != null) {
      lock.setReferenceCounted(false);
    }
    this.log = log;
  }

  @Override
  public synchronized void advertise(Advert advert) {
    desired = advert;
    if (lock != null && !lock.isHeld()) {
      lock.acquire();
    }
    reconcile();
  }

  @Override
  public synchronized void withdraw() {
    desired = null;
    retries.removeCallbacks(retry);
    reconcile();
    if (lock != null && lock.isHeld()) {
      lock.release();
    }
  }

  /** The network changed: announce again on the new one (older mDNS responders do not). */
  public synchronized void networkChanged() {
    if (state == State.REGISTERED && desired != null) {
      registered = null; // forces unregister + register
      reconcile();
    }
  }

  private synchronized void reconcile() {
    if (state == State.REGISTERING || state == State.UNREGISTERING) {
      return; // the pending callback calls back in here
    }
    if (state == State.REGISTERED && !same(registered, desired)) {
      state = State.UNREGISTERING;
      nsd.unregisterService(listener);
      return;
    }
    if (state == State.IDLE && desired != null) {
      state = State.REGISTERING;
      registered = desired;
      listener = new Listener();
      nsd.registerService(info(desired), NsdManager.PROTOCOL_DNS_SD, listener);
    }
  }

  static NsdServiceInfo info(Advert advert) {
    NsdServiceInfo info = new NsdServiceInfo();
    info.setServiceName(Discovery.instanceName(advert.instanceId));
    info.setServiceType(SERVICE_TYPE);
    info.setPort(advert.port);
    for (Map.Entry<String, String> e : Discovery.encodeTxt(advert).entrySet()) {
      info.setAttribute(e.getKey(), e.getValue());
    }
    return info;
  }

  private static boolean same(Advert a, Advert b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.port == b.port
        && a.instanceId.equals(b.instanceId)
        && a.versions.equals(b.versions)
        && (a.pairingTag == null ? b.pairingTag == null : a.pairingTag.equals(b.pairingTag));
  }

  /** One registration's callbacks; stale ones (an older listener) are ignored. */
  private final class Listener implements NsdManager.RegistrationListener {
    @Override
    public void onServiceRegistered(NsdServiceInfo info) {
      synchronized (NsdAdvertiser.this) {
        if (listener != this) {
          return;
        }
        state = State.REGISTERED;
        backoffMs = 2_000;
        log.info("nsd", "advertised as " + info.getServiceName());
        reconcile();
      }
    }

    @Override
    public void onRegistrationFailed(NsdServiceInfo info, int errorCode) {
      synchronized (NsdAdvertiser.this) {
        if (listener != this) {
          return;
        }
        state = State.IDLE;
        registered = null;
        log.warn(
            "nsd",
            "registration failed (error " + errorCode + "), retrying in " + backoffMs + " ms");
        retries.postDelayed(retry, backoffMs);
        backoffMs = Math.min(backoffMs * 2, 60_000);
      }
    }

    @Override
    public void onServiceUnregistered(NsdServiceInfo info) {
      synchronized (NsdAdvertiser.this) {
        if (listener != this) {
          return;
        }
        state = State.IDLE;
        registered = null;
        reconcile();
      }
    }

    @Override
    public void onUnregistrationFailed(NsdServiceInfo info, int errorCode) {
      synchronized (NsdAdvertiser.this) {
        if (listener != this) {
          return;
        }
        // The old record may linger until its TTL; register the new one anyway.
        log.warn("nsd", "unregistration failed (error " + errorCode + ")");
        state = State.IDLE;
        registered = null;
        reconcile();
      }
    }
  }

  /** For tests: whether the multicast lock is held. */
  boolean multicastLockHeld() {
    return lock != null && lock.isHeld();
  }
}
