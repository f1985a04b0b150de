package app.textbridge.companion.engine;

import android.content.Context;
import android.os.Build;
import android.os.Handler;
import android.os.HandlerThread;
import android.telephony.TelephonyManager;
import app.textbridge.companion.contacts.AndroidContacts;
import app.textbridge.companion.keys.WrappedKeyStorage;
import app.textbridge.companion.net.NsdAdvertiser;
import app.textbridge.companion.pairing.PairingPrompter;
import app.textbridge.companion.provider.ProviderSmsStore;
import app.textbridge.companion.provider.ProviderWatcher;
import app.textbridge.companion.send.AndroidMmsSender;
import app.textbridge.companion.send.AndroidSmsRateLimits;
import app.textbridge.companion.send.AndroidSmsSender;
import app.textbridge.companion.send.MmsResultRelay;
import app.textbridge.companion.send.ReportRelay;
import app.textbridge.companion.send.SendStallNotice;
import app.textbridge.companion.store.CompanionDatabase;
import app.textbridge.companion.store.FileUploadStore;
import app.textbridge.companion.store.SqlChangeJournalStore;
import app.textbridge.companion.store.SqlSendJournal;
import app.textbridge.companion.store.WatchStateStore;
import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.PhonePorts;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.PhoneListener;
import app.textbridge.core.server.TextbridgeServer;
import app.textbridge.core.support.ExecutorScheduler;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One run of the core on the phone, from the foreground service's start to its stop: every port of
 * {@link PhonePorts} filled with its Android adapter, the WebSocket server listening, the provider
 * watched, radio reports flowing in. Built and stopped on the engine's lifecycle thread.
 */
final class EngineRun {
  final PhoneCore core;
  final ProviderWatcher watcher;
  final NsdAdvertiser advertiser;
  final int port;
  private final TextbridgeServer server;
  private final ExecutorScheduler scheduler;
  private final HandlerThread observers;
  private final ExecutorService reports;
  private final AndroidContacts contacts;
  private final EventLog log;
  private volatile boolean stopped;

  private EngineRun(
      PhoneCore core,
      ProviderWatcher watcher,
      NsdAdvertiser advertiser,
      TextbridgeServer server,
      int port,
      ExecutorScheduler scheduler,
      HandlerThread observers,
      ExecutorService reports,
      AndroidContacts contacts,
      EventLog log) {
    this.core = core;
    this.watcher = watcher;
    this.advertiser = advertiser;
    this.server = server;
    this.port = port;
    this.scheduler = scheduler;
    this.observers = observers;
    this.reports = reports;
    this.contacts = contacts;
    this.log = log;
  }

  /** The key file's location (no-backup storage). */
  static File keyFile(Context context) {
    return new File(context.getNoBackupFilesDir(), WrappedKeyStorage.FILE_NAME);
  }

  /**
   * Builds and starts everything.
   *
   * @throws app.textbridge.companion.keys.KeysUnreadableException when the key file cannot be
   *     opened
   * @throws IOException when storage or the network cannot be set up now
   */
  static EngineRun start(
      Context context,
      EngineOptions options,
      PhoneListener listener,
      SendStallNotice notice,
      PairingPrompter prompter,
      CoreAttached attached)
      throws Exception {
    Context app = context.getApplicationContext();
    EventLog log = new AndroidLog();
    CompanionDatabase db = CompanionDatabase.get(app);
    AndroidSims sims = new AndroidSims(app, log);
    HandlerThread observers = new HandlerThread("textbridge-observers");
    observers.start();
    ExecutorScheduler scheduler = new ExecutorScheduler("textbridge-timers");
    ExecutorService reports =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "textbridge-reports"));
    ProviderSmsStore store = new ProviderSmsStore(app.getContentResolver(), sims, log);
    // Before the core exists: the core hands the store its listener, which the watcher owns.
    ProviderWatcher watcher =
        new ProviderWatcher(app.getContentResolver(), store, new WatchStateStore(db), log);
    AndroidSmsSender sender = new AndroidSmsSender(app, notice, log);
    AndroidMmsSender mms = new AndroidMmsSender(app, log);
    AndroidContacts contacts =
        new AndroidContacts(app.getContentResolver(), new Handler(observers.getLooper()), log);
    NsdAdvertiser advertiser = new NsdAdvertiser(app, log);
    try {
      PhonePorts p = new PhonePorts();
      p.store = store;
      p.sender = sender;
      p.mms = mms;
      p.uploads =
          new FileUploadStore(new File(app.getNoBackupFilesDir(), FileUploadStore.FOLDER), log);
      p.rateLimits = new AndroidSmsRateLimits(app.getContentResolver());
      p.contacts = contacts;
      p.sims = sims;
      p.advertiser = advertiser;
      p.keys = WrappedKeyStorage.open(keyFile(app), options.cipher);
      p.sendJournal = new SqlSendJournal(db);
      p.changeJournal = new SqlChangeJournalStore(db);
      p.clock = options.clock;
      p.scheduler = scheduler;
      p.prompt = prompter;
      p.log = log;
      p.listener = listener;
      PhoneConfig config = new PhoneConfig();
      config.deviceName =
          options.deviceName == null || options.deviceName.trim().isEmpty()
              ? "Android phone"
              : options.deviceName.trim();
      config.deviceModel = Build.MANUFACTURER + " " + Build.MODEL;
      config.deviceRegion = countryOf(app);
      config.appVersion = options.appVersion;
      PhoneCore core = PhoneCore.create(p, config);
      attached.attached(core);
      ReportRelay.attach(app, sender.reportSink(), reports);
      // After the core registered its sink: results kept while stopped are handed over now.
      MmsResultRelay.attach(app, mms.resultSink(), reports);
      watcher.start();
      TextbridgeServer server = listen(core, options.port, scheduler, log, config);
      return new EngineRun(
          core,
          watcher,
          advertiser,
          server,
          server.getPort(),
          scheduler,
          observers,
          reports,
          contacts,
          log);
    } catch (Exception e) {
      ReportRelay.detach();
      MmsResultRelay.detach();
      advertiser.withdraw();
      scheduler.close();
      reports.shutdownNow();
      observers.quitSafely();
      throw e;
    }
  }

  /** Called with the core before the server listens (the status bridge needs it first). */
  interface CoreAttached {
    void attached(PhoneCore core);
  }

  private static TextbridgeServer listen(
      PhoneCore core, int port, ExecutorScheduler scheduler, EventLog log, PhoneConfig config)
      throws Exception {
    TextbridgeServer server =
        new TextbridgeServer(
            new InetSocketAddress(port), core, scheduler, log, config.handshakeTimeoutMs);
    try {
      server.startAndWait();
      return server;
    } catch (IOException e) {
      if (port == 0) {
        throw e;
      }
      log.warn("server", "port " + port + " is taken: listening on another one");
      TextbridgeServer any =
          new TextbridgeServer(
              new InetSocketAddress(0), core, scheduler, log, config.handshakeTimeoutMs);
      any.startAndWait();
      return any;
    }
  }

  /** Runs {@code task} every {@code periodMs} on the core's timer thread until {@link #stop}. */
  void every(long periodMs, Runnable task) {
    scheduler.schedule(
        periodMs,
        () -> {
          try {
            task.run();
          } finally {
            if (!stopped) {
              try {
                every(periodMs, task);
              } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopped meanwhile
              }
            }
          }
        });
  }

  void stop() {
    stopped = true;
    ReportRelay.detach();
    MmsResultRelay.detach();
    watcher.stop();
    contacts.setChangeListener(null);
    core.stop(); // closes sessions and withdraws the advert (releases the multicast lock)
    try {
      server.stop(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.close();
    reports.shutdown();
    observers.quitSafely();
    log.info("engine", "stopped");
  }

  /**
   * The phone's country for hello.device.region: the SIM's, else the network's (no permission
   * needed for either). The desktop reads national-format numbers with it.
   */
  static String countryOf(Context context) {
    TelephonyManager telephony = context.getSystemService(TelephonyManager.class);
    if (telephony == null) return null;
    String[] candidates = {telephony.getSimCountryIso(), telephony.getNetworkCountryIso()};
    for (String iso : candidates) {
      if (iso != null && iso.length() == 2) return iso.toUpperCase(java.util.Locale.ROOT);
    }
    return null;
  }
}
