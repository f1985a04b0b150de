package app.textbridge.companion;

import android.content.Context;

/**
 * What the protocol core (app.textbridge.core) plugs into the Android layer. The integration
 * installs one implementation per process with {@link MirrorEngines#install} (from an
 * Application subclass, so it is in place before the system starts the service after a boot).
 * Every method is called on the main thread and must return quickly: network and provider work
 * belongs on the engine's own threads.
 */
public interface MirrorEngine {
    /** The foreground service is up: start the WebSocket server, advertise with NsdManager, watch the SMS provider. */
    void start(Context appContext);

    /** A text has just arrived (SMS_RECEIVED): sync now rather than on the next observer tick. */
    void onSmsHint();

    /**
     * The user scanned a QR code whose text starts with {@code textbridge:pair?}. The engine
     * validates it with the core's QR parser (PROTOCOL.md section 4) and starts pairing. The
     * activity asks for the service to start just before this call, so it may arrive before
     * {@link #start}: keep the payload (at most one, at most 120 seconds) until the server is up.
     *
     * @return false if this engine cannot pair at all (the screen says so)
     */
    boolean onPairingCode(String qrText);

    /** The user unpaired this computer: forget its keys and drop its connection. */
    void forget(String computerId);

    /** The service is stopping: close connections, stop advertising, release locks. */
    void stop();
}
