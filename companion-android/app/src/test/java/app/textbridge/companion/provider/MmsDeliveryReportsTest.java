package app.textbridge.companion.provider;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.companion.store.WatchStateStore;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.support.StderrLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowSystemClock;

/** The m-delivery-ind rows the system stores become one delivery report per recipient, once. */
@RunWith(RobolectricTestRunner.class)
public class MmsDeliveryReportsTest {
  private static final long T = ProviderSmsStoreTest.T;
  private static final int SENT_BOX = 2;
  private final List<String> reports = new ArrayList<>();
  private final List<StoreChange> changes = new ArrayList<>();

  @After
  public void tearDown() {
    CompanionDatabase.closeShared();
  }

  private ProviderWatcher watcher() {
    ProviderSmsStore store =
        new ProviderSmsStore(
            RuntimeEnvironment.getApplication().getContentResolver(),
            Collections::<String>emptySet,
            new StderrLog(true));
    ProviderWatcher watcher =
        new ProviderWatcher(
            RuntimeEnvironment.getApplication().getContentResolver(),
            store,
            new WatchStateStore(CompanionDatabase.get(RuntimeEnvironment.getApplication())),
            new StderrLog(true));
    store.setListener(
        new SmsStore.Listener() {
          @Override
          public void onChange(StoreChange change) {
            changes.add(change);
          }

          @Override
          public void onMmsDelivery(String sentMessageId, String recipient, boolean delivered) {
            reports.add(sentMessageId + " " + recipient + " " + delivered);
          }
        });
    return watcher;
  }

  /** A group MMS the system recorded as sent, with the MMSC's Message-ID. */
  private static long sentMms(Phone phone, String messageId, String... to) {
    long m = phone.mms(4, T / 1000, SENT_BOX, 128);
    phone.updateMms(m, "m_id", messageId);
    phone.addr(m, "insert-address-token", 0x89);
    for (String a : to) {
      phone.addr(m, a, 0x97);
    }
    phone.textPart(m, "Dinner at 8?");
    return m;
  }

  /** A delivery-ind as the system stores it: m_type 134, the sent m_id, st, the recipient as TO. */
  private static long report(Phone phone, String messageId, int status, String recipient) {
    long r = phone.mms(4, T / 1000 + 60, 1, 134);
    phone.updateMms(r, "m_id", messageId);
    phone.updateMms(r, "st", status);
    if (recipient != null) {
      phone.addr(r, recipient, 0x97);
    }
    return r;
  }

  private List<String> taken() {
    List<String> out = new ArrayList<>(reports);
    reports.clear();
    return out;
  }

  @Test
  public void eachReportReachesTheCoreOnceWithTheSentRowAndTheRecipient() throws Exception {
    Phone phone = Phone.install(false);
    long old = sentMms(phone, "MID-OLD", "+447700900111");
    report(phone, "MID-OLD", 129, "+447700900111");
    ProviderWatcher w = watcher();
    w.scan();
    assertEquals("the first run only primes: history needs no reports", 0, taken().size());

    long m = sentMms(phone, "MID-1", "+447700900123", "+447700900456", "+447700900789");
    w.scan();
    assertEquals(0, taken().size());
    report(phone, "MID-1", 129, "+447700900123"); // Retrieved
    report(phone, "MID-1", 134, "+447700900456"); // Forwarded counts as delivered
    report(phone, "MID-OTHER", 129, "+447700900999"); // a message that is not here
    w.scan();
    assertEquals(
        Arrays.asList("mms:" + m + " +447700900123 true", "mms:" + m + " +447700900456 true"),
        taken());
    w.scan();
    assertEquals("told once", 0, taken().size());

    report(phone, "MID-1", 131, "+447700900789"); // Deferred: nothing final yet
    report(phone, "MID-1", 130, "+447700900789"); // then Rejected
    w.scan();
    assertEquals(Collections.singletonList("mms:" + m + " +447700900789 false"), taken());
    assertTrue("reports are not messages: " + changes, changes.size() <= 1);

    CompanionDatabase.closeShared(); // the process dies; the mark was saved
    ProviderWatcher again = watcher();
    again.scan();
    assertEquals("nothing told twice across a restart", 0, taken().size());
    report(phone, "MID-OLD", 129, "+447700900111");
    again.scan();
    assertEquals(Collections.singletonList("mms:" + old + " +447700900111 true"), taken());
  }

  @Test
  public void aReportWrittenInStepsWaitsForItsAddress() throws Exception {
    Phone phone = Phone.install(false);
    ProviderWatcher w = watcher();
    w.scan();
    long m = sentMms(phone, "MID-2", "+447700900123", "+447700900456");
    long r = report(phone, "MID-2", 129, null); // the pdu row alone
    long later = report(phone, "MID-2", 129, "+447700900456");
    w.scan();
    assertEquals(Collections.singletonList("mms:" + m + " +447700900456 true"), taken());
    phone.addr(r, "+447700900123", 0x97);
    w.scan();
    assertEquals(Collections.singletonList("mms:" + m + " +447700900123 true"), taken());
    w.scan();
    assertEquals("the later one is not told again", 0, taken().size());

    long stuck = report(phone, "MID-2", 129, null); // never gets an address
    w.scan();
    ShadowSystemClock.advanceBy(Duration.ofMillis(MmsDeliveryReports.HOLD_MS + 1_000));
    w.scan();
    report(phone, "MID-2", 129, "+447700900123");
    w.scan();
    assertEquals(Collections.singletonList("mms:" + m + " +447700900123 true"), taken());
    assertTrue(stuck > later);
  }
}
