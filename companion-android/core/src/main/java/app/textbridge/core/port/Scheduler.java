package app.textbridge.core.port;

/**
 * Runs delayed tasks (timeouts, deadlines, QR expiry). Tasks may run on any thread; a cancelled
 * task never runs. Android: a HandlerThread or ScheduledExecutorService in the foreground service.
 */
public interface Scheduler {
  Cancellable schedule(long delayMillis, Runnable task);

  /** Handle of a scheduled task. */
  interface Cancellable {
    void cancel();
  }
}
