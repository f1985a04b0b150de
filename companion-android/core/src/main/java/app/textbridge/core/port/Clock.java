package app.textbridge.core.port;

/** Wall-clock time. A port so that expiry and timeouts can be tested with a fake clock. */
public interface Clock {
  long nowMillis();
}
