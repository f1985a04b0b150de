package app.textbridge.core.model;

/**
 * One conversation as Telephony's conversations view lists it: its thread_id, the date of its
 * newest message and how many messages it holds (for the {@code recent} scope's total).
 */
public final class ThreadSummary {
  public final long threadId;
  public final long newestDate;
  public final long messageCount;

  public ThreadSummary(long threadId, long newestDate, long messageCount) {
    this.threadId = threadId;
    this.newestDate = newestDate;
    this.messageCount = messageCount;
  }
}
