package app.textbridge.companion.service;

import android.content.Context;

/**
 * What the protocol core (app.textbridge.core) plugs into the Android layer. {@link
 * app.textbridge.companion.CompanionApp} installs the real one ({@link
 * app.textbridge.companion.engine.CoreEngine}) with {@link MirrorEngines#install}, so it is in
 * place before the system starts the service after a boot. Every method is called on the main
 * thread and must return quickly: network and provider work belongs on the engine's own threads.
 */
public interface MirrorEngine {
  /**
   * The foreground service is up: start the WebSocket server, advertise with NsdManager, watch the
   * SMS provider.
   */
  void start(Context appContext);

  /** A text has just arrived (SMS_RECEIVED): sync now rather than on the next observer tick. */
  void onSmsHint();

  /**
   * The user scanned a QR code whose text starts with {@code textbridge:pair?}. The engine
   * validates it with the core's QR parser (PROTOCOL.md section 4) and starts pairing. The activity
   * asks for the service to start just before this call, so it may arrive before {@link #start}:
   * the payload is kept (at most one, at most 120 seconds) until the server is up.
   */
  ScanResult onPairingCode(String qrText);

  /**
   * The user unpaired this computer (its public key in hex): forget its keys and drop its
   * connection.
   */
  void forget(String computerId);

  /** The service is stopping: close connections, stop advertising, release locks. */
  void stop();

  /** What the status screen shows about the engine itself. */
  default Status status() {
    return Status.IDLE;
  }

  /** The outcome of a scanned code, each shown to the user in plain words. */
  enum ScanResult {
    /** Valid: the phone now waits (advertising the pairing tag) for the computer to connect. */
    WAITING_FOR_COMPUTER,
    /** bad_qr: some other QR code, or a damaged one. */
    NOT_A_PAIRING_CODE,
    /** unsupported_version: the computer speaks a newer protocol. */
    NEEDS_NEWER_APP,
    /** expired_qr: the code is too old, or this phone's clock is wrong. */
    EXPIRED,
    /** No engine can pair in this process (never in a normal install). */
    NOT_RUNNING
  }

  /** The engine's state for the status screen. */
  final class Status {
    static final Status IDLE = new Status(0, false, null);

    /** The port the phone listens on, 0 when not listening. */
    public final int port;

    /** The key file could not be opened: the user must pair again. */
    public final boolean needsRepair;

    /** A start failure in plain words, or null. */
    public final String problem;

    public Status(int port, boolean needsRepair, String problem) {
      this.port = port;
      this.needsRepair = needsRepair;
      this.problem = problem;
    }
  }
}
