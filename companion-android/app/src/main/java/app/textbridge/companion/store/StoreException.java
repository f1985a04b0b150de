package app.textbridge.companion.store;

import java.io.IOException;

/**
 * The companion database could not be read or written now (disk full, database locked by a crashed
 * writer, corrupt file). An IOException, as the core's ports expect: the core answers the desktop
 * with {@code error internal} instead of crashing (PORTS.md "General rules").
 */
final class StoreException extends IOException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
