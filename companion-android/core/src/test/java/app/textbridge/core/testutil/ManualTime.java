package app.textbridge.core.testutil;

import app.textbridge.core.port.Clock;
import app.textbridge.core.port.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock and a scheduler that move only when the test says: {@link #advance} runs every task that
 * falls due on the way, in time order, on the test's thread.
 */
public final class ManualTime implements Clock, Scheduler {
  private final List<Task> tasks = new ArrayList<>();
  private long now;
  private long seq;

  public ManualTime(long start) {
    this.now = start;
  }

  private static final class Task implements Cancellable {
    final long due;
    final long order;
    final Runnable run;
    volatile boolean cancelled;

    Task(long due, long order, Runnable run) {
      this.due = due;
      this.order = order;
      this.run = run;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Override
  public synchronized long nowMillis() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(long delayMillis, Runnable task) {
    Task t = new Task(now + Math.max(0, delayMillis), seq++, task);
    tasks.add(t);
    return t;
  }

  /** Tasks scheduled and not yet run or cancelled. */
  public synchronized int pending() {
    int n = 0;
    for (Task t : tasks) if (!t.cancelled) n++;
    return n;
  }

  public void advance(long millis) {
    long end;
    synchronized (this) {
      end = now + millis;
    }
    while (true) {
      Task next = null;
      synchronized (this) {
        for (Task t : tasks) {
          if (t.due > end) continue;
          if (next == null || t.due < next.due || (t.due == next.due && t.order < next.order)) {
            next = t;
          }
        }
        if (next == null) {
          now = end;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due);
      }
      if (!next.cancelled) next.run.run();
    }
  }
}
