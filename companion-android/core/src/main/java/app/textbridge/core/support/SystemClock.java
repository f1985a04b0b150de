package app.textbridge.core.support;

import app.textbridge.core.port.Clock;

/** The real wall clock. */
public final class SystemClock implements Clock {
  @Override
  public long nowMillis() {
    return System.currentTimeMillis();
  }
}
