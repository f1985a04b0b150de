package app.textbridge.core;

import app.textbridge.core.port.Advertiser;
import app.textbridge.core.port.ChangeJournalStore;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.ContactsSource;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.KeyStorage;
import app.textbridge.core.port.MmsSender;
import app.textbridge.core.port.PairingPrompt;
import app.textbridge.core.port.PhoneListener;
import app.textbridge.core.port.Scheduler;
import app.textbridge.core.port.SendJournal;
import app.textbridge.core.port.SimSource;
import app.textbridge.core.port.SmsRateLimits;
import app.textbridge.core.port.SmsSender;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.port.UploadStore;

/**
 * Every port the core needs; the platform layer fills all of them before {@link PhoneCore#create}.
 */
public final class PhonePorts {
  public SmsStore store;
  public SmsSender sender;

  /** Optional: without it the phone lists neither send.mms nor send.group. */
  public MmsSender mms;

  /** Needed with {@link #mms}: where attachment.upload keeps the files. */
  public UploadStore uploads;

  public SmsRateLimits rateLimits = SmsRateLimits.ANDROID_DEFAULTS;
  public ContactsSource contacts;
  public SimSource sims;
  public Advertiser advertiser;
  public KeyStorage keys;
  public SendJournal sendJournal;
  public ChangeJournalStore changeJournal;
  public Clock clock;
  public Scheduler scheduler;
  public PairingPrompt prompt;
  public EventLog log;
  public PhoneListener listener = new PhoneListener() {};

  void check() {
    Object[] all = {
      store,
      sender,
      contacts,
      sims,
      advertiser,
      keys,
      sendJournal,
      changeJournal,
      clock,
      scheduler,
      prompt,
      log,
      listener,
      rateLimits
    };
    for (Object o : all) if (o == null) throw new IllegalStateException("a port is missing");
    if (mms != null && uploads == null) {
      throw new IllegalStateException("an MMS sender needs an upload store");
    }
  }
}
