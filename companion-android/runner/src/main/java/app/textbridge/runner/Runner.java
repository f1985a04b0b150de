package app.textbridge.runner;

import app.textbridge.core.PhoneConfig;
import app.textbridge.core.PhoneCore;
import app.textbridge.core.PhonePorts;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.model.Advert;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.Advertiser;
import app.textbridge.core.protocol.QrException;
import app.textbridge.core.server.TextbridgeServer;
import app.textbridge.core.support.ExecutorScheduler;
import app.textbridge.core.support.MemoryUploadStore;
import app.textbridge.core.support.RecordingMmsSender;
import app.textbridge.core.support.StderrLog;
import app.textbridge.core.support.SystemClock;
import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The phone core on a desktop JVM, wired from the runner's options. */
final class Runner implements AutoCloseable {
  /** A simulated MMSC takes a little longer than the simulated radio. */
  static final long MMS_SENT_AFTER_MS = 600;

  final History history;
  final PhoneCore core;
  final TextbridgeServer server;
  final Events events;
  private final ExecutorScheduler scheduler = new ExecutorScheduler("runner-timers");
  private final SystemClock clock = new SystemClock();
  private final JmdnsAdvertiser mdns;
  private final AtomicLong incoming = new AtomicLong();
  final int port;

  Runner(Options o, Events events) throws Exception {
    this.events = events;
    long t0 = System.currentTimeMillis();
    history = o.history == null ? BuiltinHistory.load() : HistoryLoader.load(o.history);
    System.err.println(
        "[runner] loaded "
            + history.messages
            + " messages in "
            + (System.currentTimeMillis() - t0)
            + " ms");
    java.nio.file.Path state =
        o.state != null ? o.state : Files.createTempDirectory("textbridge-phone");
    Files.createDirectories(state);
    InetAddress bind = InetAddress.getByName(o.bind);
    mdns = o.mdns ? new JmdnsAdvertiser(bind) : null;
    PhoneConfig config = new PhoneConfig();
    config.deviceName = o.name;
    config.deviceModel = history.deviceModel;
    config.deviceRegion = history.deviceRegion;
    PhonePorts p = new PhonePorts();
    p.store = history.store;
    p.sender = new SimulatedSender(history.store, scheduler, clock, o.failEvery);
    if (o.groupSend) {
      // Like a phone that sends MMS: send.mms and send.group in hello, uploads taken.
      RecordingMmsSender mms =
          new RecordingMmsSender(scheduler, MMS_SENT_AFTER_MS)
              .recordSentRows(new SimulatedMmsRows(history.store, clock));
      if (o.mmsMaxBytes > 0) {
        int recipients = MmsSendRequest.DEFAULT_MAX_RECIPIENTS;
        for (SimCard sim : history.sims) mms.limits(sim.subId, o.mmsMaxBytes, recipients);
        mms.limits(-1, o.mmsMaxBytes, recipients);
      }
      p.mms = mms;
      p.uploads = new MemoryUploadStore();
    }
    p.contacts = history.contacts;
    p.sims = () -> history.sims;
    p.advertiser = mdns != null ? mdns : new LoggedAdvertiser();
    p.keys = new FileKeyStorage(state);
    p.sendJournal = new FileSendJournal(state);
    p.changeJournal = new FileChangeJournalStore(state);
    p.clock = clock;
    p.scheduler = scheduler;
    p.prompt = new ConsolePrompt(o.confirmAuto);
    p.log = new StderrLog(false);
    p.listener = events;
    core = PhoneCore.create(p, config);
    System.err.println("[runner] state in " + state);
    if (o.pairUri != null) scan(o.pairUri);
    server =
        new TextbridgeServer(
            new InetSocketAddress(bind, o.port),
            core,
            scheduler,
            new StderrLog(false),
            config.handshakeTimeoutMs);
    port = server.startAndWait();
    if (o.incomingEverySeconds > 0) scheduleIncoming(o.incomingEverySeconds * 1000);
  }

  /** Runs one stdin command; returns false for quit. */
  boolean command(JsonObject c) {
    String cmd = c.has("cmd") ? c.get("cmd").getAsString() : "";
    switch (cmd) {
      case "incoming":
        receive(
            c.get("from").getAsString(),
            c.get("body").getAsString(),
            c.has("subId") && !c.get("subId").isJsonNull() ? c.get("subId").getAsInt() : null);
        return true;
      case "scan":
        scan(c.get("uri").getAsString());
        return true;
      case "delete":
        if (!history.store.delete(c.get("id").getAsString()))
          events.error("not_found", "no such message");
        return true;
      case "quit":
        return false;
      default:
        events.error("unknown_command", cmd);
        return true;
    }
  }

  void scan(String uri) {
    try {
      core.scanQr(uri);
      JsonObject o = new JsonObject();
      o.addProperty("event", "scanned");
      events.emit(o);
    } catch (QrException e) {
      events.error(e.code.wire, null);
    }
  }

  /** A text arrives: the provider gets a row, the core pushes it live. */
  SmsRecord receive(String from, String body, Integer subId) {
    List<String> addr = Collections.singletonList(from);
    long now = clock.nowMillis();
    SmsRecord r =
        new SmsRecord(
            history.store.nextId("sms"),
            SmsRecord.Kind.SMS,
            history.store.threadFor(addr),
            SmsRecord.Box.INBOX,
            addr,
            from,
            now,
            now - 1500,
            body,
            false,
            SmsRecord.DeliveryStatus.NONE,
            subId,
            Collections.<PartInfo>emptyList());
    history.store.add(r);
    return r;
  }

  private void scheduleIncoming(long everyMs) {
    scheduler.schedule(
        everyMs,
        () -> {
          receive("+447700900123", "Simulated message " + incoming.incrementAndGet(), 1);
          scheduleIncoming(everyMs);
        });
  }

  @Override
  public void close() throws Exception {
    core.stop();
    server.stop(2000);
    if (mdns != null) mdns.close();
    scheduler.close();
  }

  /** Without --mdns the advert is only logged (no multicast on the host's interfaces). */
  private static final class LoggedAdvertiser implements Advertiser {
    @Override
    public void advertise(Advert advert) {
      System.err.println(
          "[advert] v="
              + advert.versions
              + " port="
              + advert.port
              + (advert.pairingTag != null ? " pt=" + advert.pairingTag : ""));
    }

    @Override
    public void withdraw() {}
  }
}
