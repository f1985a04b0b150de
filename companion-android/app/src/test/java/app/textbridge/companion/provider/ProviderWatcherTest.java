package app.textbridge.companion.provider;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.companion.store.WatchStateStore;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.support.StderrLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.shadows.ShadowSystemClock;

/** Provider notifications become per-row changes, each exactly once, across restarts too. */
@RunWith(RobolectricTestRunner.class)
public class ProviderWatcherTest {
  private static final long T = ProviderSmsStoreTest.T;
  private final List<StoreChange> changes = new CopyOnWriteArrayList<>();
  private final List<ProviderWatcher> started = new ArrayList<>();

  @After
  public void tearDown() {
    for (ProviderWatcher w : started) {
      w.stop();
    }
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
    store.setListener(changes::add); // as the core does: through the port, to the watcher
    return watcher;
  }

  private List<String> seen() {
    List<String> out = new ArrayList<>();
    for (StoreChange c : changes) {
      out.add(c.kind + " " + c.messageId);
    }
    changes.clear();
    return out;
  }

  /**
   * Waits while moving Robolectric's clock: it stands still otherwise, and the watcher's debounce
   * is a delayed message on its own thread.
   */
  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long end = System.currentTimeMillis() + 5_000;
    while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
      ShadowSystemClock.advanceBy(Duration.ofMillis(100));
      Thread.sleep(20);
    }
  }

  @Test
  public void aNotifiedInsertArrivesOnceAsANewMessage() throws Exception {
    Phone phone = Phone.install(false);
    phone.sms(1, "+447700900123", T, 1, "history", 1, 1);
    ProviderWatcher w = watcher();
    started.add(w);
    w.start();
    Thread.sleep(300);
    assertEquals("the first start only takes a baseline", 0, changes.size());

    long id = phone.sms(1, "+447700900123", T + 1_000, 1, "Are you there?", 0, 1);
    phone.notifySms(id);
    await(() -> !changes.isEmpty());
    for (int i = 0; i < 5; i++) { // a second scan of the same burst would show here
      ShadowSystemClock.advanceBy(Duration.ofMillis(ProviderWatcher.DEBOUNCE_MS));
      Thread.sleep(50);
    }
    assertEquals(1, changes.size());
    StoreChange c = changes.get(0);
    assertEquals(StoreChange.Kind.ADDED, c.kind);
    assertEquals("Are you there?", c.record.body);
    assertEquals("sms:" + id, c.messageId);
    changes.clear();
    w.scan();
    assertEquals("nothing new: exactly once", 0, changes.size());
  }

  @Test
  public void statusReadBoxChangesAndDeletionsAreReported() throws Exception {
    Phone phone = Phone.install(false);
    long out = phone.sms(1, "+447700900123", T, 4, "going out", 1, 1); // outbox
    long in = phone.sms(1, "+447700900123", T + 1, 1, "unread", 0, 1);
    long old = phone.sms(1, "+447700900123", T - 10_000, 1, "old", 1, 1);
    ProviderWatcher w = watcher();
    w.scan();
    phone.updateSms(out, "type", 2); // the system moved it to sent
    phone.updateSms(in, "read", 1); // read in the default SMS app
    phone.deleteSms(old);
    w.scan();
    List<String> s = seen();
    assertTrue(s.toString(), s.contains("DELETED sms:" + old));
    assertTrue(s.toString(), s.contains("UPDATED sms:" + out));
    assertTrue(s.toString(), s.contains("UPDATED sms:" + in));
    assertEquals(3, s.size());
    phone.updateSms(out, "status", 0); // the delivery report came in
    w.scan();
    assertEquals(Collections.singletonList("UPDATED sms:" + out), seen());
  }

  @Test
  public void changesMadeWhileTheAppWasNotRunningAreFoundAtTheNextStart() throws Exception {
    Phone phone = Phone.install(false);
    long keep = phone.sms(1, "+447700900123", T, 2, "sent earlier", 1, 1);
    long gone = phone.sms(1, "+447700900123", T + 1, 1, "deleted later", 1, 1);
    watcher().scan();
    CompanionDatabase.closeShared(); // the process dies

    long arrived = phone.sms(1, "+447700900123", T + 5_000, 1, "while away", 0, 1);
    phone.deleteSms(gone);
    phone.updateSms(keep, "status", 64); // the delivery failed
    watcher().scan();
    List<String> s = seen();
    assertEquals(3, s.size());
    assertTrue(s.toString(), s.contains("ADDED sms:" + arrived));
    assertTrue(s.toString(), s.contains("DELETED sms:" + gone));
    assertTrue(s.toString(), s.contains("UPDATED sms:" + keep));
  }

  @Test
  public void anMmsWrittenInStepsArrivesOnceItCanBeReadThenGrows() throws Exception {
    Phone phone = Phone.install(false);
    ProviderWatcher w = watcher();
    w.scan();
    long m = phone.mms(4, (T + 9_000) / 1000, 1, 132); // the pdu row alone, no addresses yet
    w.scan();
    assertEquals("not readable yet: held back", 0, changes.size());
    phone.addr(m, "+447700900999", 0x89);
    w.scan();
    List<StoreChange> first = new ArrayList<>(changes);
    assertEquals(1, first.size());
    assertEquals(StoreChange.Kind.ADDED, first.get(0).kind);
    assertEquals("", first.get(0).record.body);
    changes.clear();
    phone.textPart(m, "the text came last");
    w.scan();
    assertEquals(1, changes.size());
    SmsRecord grown = changes.get(0).record;
    assertEquals(StoreChange.Kind.UPDATED, changes.get(0).kind);
    assertEquals("the text came last", grown.body);
    changes.clear();
    w.scan();
    assertEquals(0, changes.size());
  }
}
