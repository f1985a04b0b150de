package app.textbridge.core.port;

import app.textbridge.core.model.HistoryPosition;
import app.textbridge.core.model.PartData;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.model.ThreadPosition;
import app.textbridge.core.model.ThreadSummary;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the phone's SMS/MMS provider, plus change notifications.
 *
 * <p>Android: {@code content://sms} and {@code content://mms} are separate tables with their own
 * {@code _id}; ids are therefore {@code sms:<_id>} and {@code mms:<_id>} and never reused. MMS text
 * and attachments live in {@code content://mms/part}; an MMS body is its text parts joined with a
 * newline, its other parts are listed as {@link app.textbridge.core.model.PartInfo}. A non-default
 * SMS app cannot write the provider: this port is read-only, and the system itself records the rows
 * of texts we send (they show up later as {@link StoreChange.Kind#ADDED}).
 *
 * <p>Methods may be called from any thread and may block (they run off the UI thread). A row the
 * adapter cannot read is skipped, never fatal for the page.
 */
public interface SmsStore {
  /**
   * Messages strictly after {@code after} (null: from the newest) in history order {@link
   * HistoryPosition#ORDER}: date desc, then id desc. At most {@code limit} rows. Android: merge an
   * sms and an mms cursor, both sorted by date desc.
   */
  List<SmsRecord> history(HistoryPosition after, int limit) throws IOException;

  /** Number of messages {@link #history} can return in total. */
  long count() throws IOException;

  /**
   * Conversations strictly after {@code after} (null: from the newest), ordered by their newest
   * message date desc, then thread id desc (Android: {@code content://mms-sms/conversations}).
   */
  List<ThreadSummary> threads(ThreadPosition after, int limit) throws IOException;

  /** The newest {@code limit} messages of one thread, in history order. */
  List<SmsRecord> newestInThread(long threadId, int limit) throws IOException;

  /** One message by id, or empty when it does not exist (any more). */
  Optional<SmsRecord> get(String id) throws IOException;

  /**
   * Up to {@code length} bytes of an MMS part starting at {@code offset}, with its mime type and
   * full size; empty when the part is unknown or unreadable.
   */
  Optional<PartData> readPart(String partId, long offset, int length) throws IOException;

  /** The subscription id of the newest message exchanged with {@code address}, if any. */
  Optional<Integer> lastSubIdWith(String address) throws IOException;

  /**
   * Registers the single listener for changes (null removes it). Android: a ContentObserver on
   * {@code content://mms-sms/} plus saved per-table state (every row id, and a fingerprint of the
   * recent rows) turns "something changed" into per-row changes; a row the system moves from outbox
   * to sent is UPDATED.
   */
  void setListener(Listener listener);

  /** Receives store changes, in the order they happened, on any thread. */
  interface Listener {
    void onChange(StoreChange change);

    /**
     * The carrier's delivery report for one recipient of an MMS this phone sent (added after the
     * first version of this port, hence the default). {@code sentMessageId} is the sent message's
     * row ({@code mms:<_id>}), {@code recipient} the address the report names, {@code delivered}
     * true when the report says the message reached that recipient (X-Mms-Status Retrieved or
     * Forwarded), false for any other final status (Rejected, Unreachable, Expired, ...). Each
     * report is told once where the store can tell; a repeated one is harmless. Android: the
     * m-delivery-ind rows ({@code m_type} 134) the system writes to {@code content://mms}, matched
     * to the sent row by {@code m_id}, their status in {@code st} and recipient in their addr rows.
     */
    default void onMmsDelivery(String sentMessageId, String recipient, boolean delivered) {}
  }
}
