package app.textbridge.companion.provider;

import java.io.IOException;

/**
 * The SMS provider could not be read now: READ_SMS was revoked, the provider is missing or returned
 * no cursor, or it refused the query. An IOException, so the core answers the desktop with {@code
 * error internal} and keeps the session (PORTS.md "General rules").
 */
final class ProviderException extends IOException {
  private static final long serialVersionUID = 1L;

  ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
