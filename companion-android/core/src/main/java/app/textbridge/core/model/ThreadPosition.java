package app.textbridge.core.model;

/**
 * A position in the conversation order of the {@code recent} scope (§9.4): newest message date
 * desc, then thread id desc.
 */
public final class ThreadPosition {
  public final long newestDate;
  public final long threadId;

  public ThreadPosition(long newestDate, long threadId) {
    this.newestDate = newestDate;
    this.threadId = threadId;
  }

  /** True when {@code thread} comes strictly after this position. */
  public boolean isBefore(ThreadSummary thread) {
    if (thread.newestDate != newestDate) return thread.newestDate < newestDate;
    return thread.threadId < threadId;
  }
}
