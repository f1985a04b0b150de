package app.textbridge.companion.engine;

import android.content.Context;
import android.provider.Settings;
import android.util.Log;
import app.textbridge.companion.keys.KeysUnreadableException;
import app.textbridge.companion.keys.WrappedKeyStorage;
import app.textbridge.companion.pairing.PairingPrompter;
import app.textbridge.companion.service.AppState;
import app.textbridge.companion.service.MirrorEngine;
import app.textbridge.companion.service.StatusListeners;
import app.textbridge.core.protocol.QrException;
import app.textbridge.core.protocol.QrPayload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link MirrorEngine}: the phone core ({@link EngineRun}) started and stopped with the
 * foreground service on one lifecycle thread, so start, stop, pairing codes and unpairs happen in
 * the order the user caused them. A key file that cannot be opened does not crash the app: the
 * engine stays down in a "pair again" state, and the next scanned code starts a fresh identity.
 */
public final class CoreEngine implements MirrorEngine {
  private static final String TAG = "TextbridgeEngine";
  private final Context app;
  private final EngineOptions options;
  private final StatusBridge bridge;
  private final ExecutorService lifecycle =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "textbridge-engine");
            t.setDaemon(true);
            return t;
          });
  private volatile EngineRun run;
  private volatile boolean needsRepair;
  private volatile String problem;
  private volatile boolean wanted;
  private String pendingQr;
  private long pendingQrAt;

  public CoreEngine(Context context, EngineOptions options) {
    this.app = context.getApplicationContext();
    this.options = options;
    this.bridge = new StatusBridge(app);
  }

  @Override
  public void start(Context appContext) {
    wanted = true;
    lifecycle.execute(this::startNow);
  }

  @Override
  public void stop() {
    wanted = false;
    lifecycle.execute(this::stopNow);
  }

  @Override
  public void onSmsHint() {
    EngineRun r = run;
    if (r != null) {
      r.watcher.nudge();
    }
  }

  @Override
  public ScanResult onPairingCode(String qrText) {
    try {
      QrPayload.parse(qrText, Math.floorDiv(options.clock.nowMillis(), 1000L));
    } catch (QrException e) {
      switch (e.code) {
        case UNSUPPORTED_VERSION:
          return ScanResult.NEEDS_NEWER_APP;
        case EXPIRED_QR:
          return ScanResult.EXPIRED;
        case BAD_QR:
          return ScanResult.NOT_A_PAIRING_CODE;
        default:
          throw new IllegalStateException("QR code " + e.code);
      }
    }
    synchronized (this) {
      pendingQr = qrText;
      pendingQrAt = options.clock.nowMillis();
    }
    lifecycle.execute(this::applyPendingQr);
    return ScanResult.WAITING_FOR_COMPUTER;
  }

  @Override
  public void forget(String computerId) {
    lifecycle.execute(
        () -> {
          EngineRun r = run;
          if (r == null) {
            return;
          }
          try {
            r.core.unpair(computerId);
          } catch (Exception e) {
            Log.w(TAG, "unpair failed: " + e.getClass().getSimpleName());
          }
          bridge.syncPaired();
        });
  }

  @Override
  public Status status() {
    return new Status(run == null ? 0 : bridge.port(), needsRepair, problem);
  }

  /** Waits until queued lifecycle work is done (tests). */
  void awaitIdle() throws InterruptedException {
    java.util.concurrent.Future<?> f = lifecycle.submit(() -> {});
    try {
      f.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  EngineRun running() {
    return run;
  }

  private void startNow() {
    if (run != null || !wanted || needsRepair) {
      return;
    }
    String name = Settings.Global.getString(app.getContentResolver(), Settings.Global.DEVICE_NAME);
    if (name != null && !name.trim().isEmpty()) {
      options.deviceName = name.trim();
    }
    try {
      PairingPrompter prompter = new PairingPrompter(app, lifecycle);
      run = EngineRun.start(app, options, bridge, bridge.stallNotice(), prompter, bridge::attach);
      run.every(30_000, bridge::refreshLastSync);
      problem = null;
      Log.i(TAG, "listening on port " + run.port);
    } catch (KeysUnreadableException e) {
      needsRepair = true;
      Log.e(TAG, "the pairing keys cannot be read: the user must pair again", e);
    } catch (Exception e) {
      problem = e.getClass().getSimpleName();
      Log.e(TAG, "could not start mirroring", e);
    }
    StatusListeners.fire();
    applyPendingQr();
  }

  private void stopNow() {
    EngineRun r = run;
    run = null;
    if (r != null) {
      r.stop();
    }
    bridge.detach();
    StatusListeners.fire();
  }

  private void applyPendingQr() {
    String text;
    synchronized (this) {
      text = pendingQr;
      if (text == null || options.clock.nowMillis() - pendingQrAt > 120_000) {
        pendingQr = null;
        return;
      }
    }
    if (needsRepair) {
      resetIdentity();
      startNow();
      return; // startNow applies the code once the core is up
    }
    EngineRun r = run;
    if (r == null) {
      return; // kept until the service starts the engine
    }
    synchronized (this) {
      pendingQr = null;
    }
    try {
      r.core.scanQr(text);
    } catch (QrException e) {
      Log.w(TAG, "scanned code refused by the core: " + e.code.wire);
    }
  }

  /** "Pair again": the unreadable identity is thrown away; desktops paired with it must re-pair. */
  private void resetIdentity() {
    try {
      WrappedKeyStorage.reset(EngineRun.keyFile(app), options.cipher);
      for (String id : AppState.read(app).pairedComputers.keySet()) {
        AppState.removePairedComputer(app, id);
      }
      needsRepair = false;
      Log.i(TAG, "pairing identity reset");
    } catch (Exception e) {
      problem = e.getClass().getSimpleName();
      Log.e(TAG, "could not reset the pairing identity", e);
    }
  }
}
