package app.textbridge.core.testutil;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.PhonePorts;
import app.textbridge.core.model.Advert;
import app.textbridge.core.model.ContactPage;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.port.Advertiser;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.ContactsSource;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.PairingPrompt;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.port.SmsRateLimits;
import app.textbridge.core.port.SmsSender;
import app.textbridge.core.support.ExecutorScheduler;
import app.textbridge.core.support.InMemoryChangeJournalStore;
import app.textbridge.core.support.MemoryKeyStorage;
import app.textbridge.core.support.MemorySendJournal;
import app.textbridge.core.support.MemorySmsStore;
import app.textbridge.core.support.MemoryUploadStore;
import app.textbridge.core.support.StderrLog;
import app.textbridge.core.support.SystemClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory ports and recording fakes for core tests. */
public final class TestPorts {
  public final MemorySmsStore store = new MemorySmsStore();
  public final FakeSender sender = new FakeSender();
  public final MemoryKeyStorage keys = new MemoryKeyStorage();
  public final MemorySendJournal sendJournal = new MemorySendJournal();
  public final InMemoryChangeJournalStore changeJournal = new InMemoryChangeJournalStore();
  public final RecordingAdvertiser advertiser = new RecordingAdvertiser();
  public final ScriptedPrompt prompt = new ScriptedPrompt();
  public final ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler");
  public final List<SimCard> sims =
      new ArrayList<>(Arrays.asList(new SimCard(1, 0, "Personal", "Test", null, true)));
  public Runnable contactsChanged;

  /** Null: the phone sends no MMS (and lists neither send.mms nor send.group). */
  public MmsSender mms;

  public final MemoryUploadStore uploads = new MemoryUploadStore();
  public Clock clock = new SystemClock();

  /** Replaces {@link #scheduler} for the core's timers when set (e.g. a {@link ManualTime}). */
  public Scheduler timers;

  public SmsRateLimits rateLimits = SmsRateLimits.ANDROID_DEFAULTS;

  public PhonePorts ports() {
    PhonePorts p = new PhonePorts();
    p.store = store;
    p.sender = sender;
    p.mms = mms;
    p.uploads = uploads;
    p.rateLimits = rateLimits;
    p.contacts =
        new ContactsSource() {
          @Override
          public int count() {
            return 0;
          }

          @Override
          public ContactPage page(String afterKey, int limit, boolean photos) {
            return new ContactPage(Collections.emptyList(), null);
          }

          @Override
          public void setChangeListener(Runnable onChanged) {
            contactsChanged = onChanged;
          }
        };
    p.sims = () -> sims;
    p.advertiser = advertiser;
    p.keys = keys;
    p.sendJournal = sendJournal;
    p.changeJournal = changeJournal;
    p.clock = clock;
    p.scheduler = timers != null ? timers : scheduler;
    p.prompt = prompt;
    p.log = new StderrLog(true);
    return p;
  }

  public PhoneCore core(PhoneConfig config) throws Exception {
    return PhoneCore.create(ports(), config);
  }

  /** Records hand-overs; tests drive the reports through {@link #sink}. */
  public static final class FakeSender implements SmsSender {
    public final List<OutgoingText> sent = new CopyOnWriteArrayList<>();
    public volatile ReportSink sink;
    public volatile int partsPerText = 1;
    public volatile SendRefusedException refuse;

    /** Runs inside send(), before it returns (e.g. to check the journal). */
    public volatile Runnable onSend;

    @Override
    public int send(OutgoingText text) throws SendRefusedException {
      if (onSend != null) onSend.run();
      if (refuse != null) throw refuse;
      sent.add(text);
      return partsPerText;
    }

    @Override
    public void setReportSink(ReportSink sink) {
      this.sink = sink;
    }

    public void failWith(FailureReason reason) {
      refuse = new SendRefusedException(reason, "refused");
    }
  }

  /** Remembers adverts. */
  public static final class RecordingAdvertiser implements Advertiser {
    public final List<Advert> adverts = new CopyOnWriteArrayList<>();
    public volatile boolean withdrawn;

    @Override
    public void advertise(Advert advert) {
      adverts.add(advert);
    }

    @Override
    public void withdraw() {
      withdrawn = true;
    }

    public Advert last() {
      return adverts.isEmpty() ? null : adverts.get(adverts.size() - 1);
    }
  }

  /** A prompt that accepts, rejects or waits, as the test chooses. */
  public static final class ScriptedPrompt implements PairingPrompt {
    public enum Mode {
      ACCEPT,
      REJECT,
      HOLD
    }

    public volatile Mode mode = Mode.ACCEPT;
    public final AtomicInteger shown = new AtomicInteger();
    public final AtomicInteger dismissed = new AtomicInteger();
    public volatile String lastSas;
    public volatile Decision last;

    @Override
    public void show(Request request, Decision decision) {
      shown.incrementAndGet();
      lastSas = request.sas;
      last = decision;
      switch (mode) {
        case ACCEPT:
          decision.accept();
          break;
        case REJECT:
          decision.reject();
          break;
        case HOLD:
          break;
        default:
          throw new IllegalStateException();
      }
    }

    @Override
    public void dismiss(String requestId) {
      dismissed.incrementAndGet();
    }
  }
}
