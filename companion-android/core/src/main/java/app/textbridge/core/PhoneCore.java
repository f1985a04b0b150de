package app.textbridge.core;

import app.textbridge.core.model.Advert;
import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.PairedDesktop;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.model.StoreChange;
import app.textbridge.core.pairing.Identity;
import app.textbridge.core.pairing.ScannedQrSlot;
import app.textbridge.core.port.SmsStore;
import app.textbridge.core.protocol.CloseCode;
import app.textbridge.core.protocol.Constants;
import app.textbridge.core.protocol.QrException;
import app.textbridge.core.protocol.QrPayload;
import app.textbridge.core.protocol.handshake.HandshakePayload;
import app.textbridge.core.protocol.handshake.HandshakeResult;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.send.SendQueue;
import app.textbridge.core.service.AttachmentService;
import app.textbridge.core.service.ContactsService;
import app.textbridge.core.service.SessionService;
import app.textbridge.core.service.UploadService;
import app.textbridge.core.session.Connection;
import app.textbridge.core.session.PairingConfirmation;
import app.textbridge.core.session.Session;
import app.textbridge.core.session.Transport;
import app.textbridge.core.sync.ChangeFeed;
import app.textbridge.core.sync.ChangeJournal;
import app.textbridge.core.sync.HistoryPager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The phone's core, wired from its ports: admits sockets (at most 8 pending, §7), runs sessions,
 * pairs, syncs, sends. The WebSocket server and the Android service are thin shells around it.
 */
public final class PhoneCore implements Connection.Host, Session.Handler {
  private final PhonePorts ports;
  private final PhoneConfig config;
  private final Identity identity;
  private final ScannedQrSlot slot;
  private final ChangeJournal journal;
  private final ChangeFeed feed;
  private final SendQueue sends;

  /** Null when the phone sends no MMS (then it takes no uploads either). */
  private final UploadService uploads;

  private final Dispatcher dispatcher;
  private final Set<Connection> pending = Collections.newSetFromMap(new ConcurrentHashMap<>());

  /** Open and paired sessions (pushes go here). */
  private final Set<Session> sessions = Collections.newSetFromMap(new ConcurrentHashMap<>());

  /** Every live session, also those still awaiting hello or confirmation. */
  private final Set<Session> live = Collections.newSetFromMap(new ConcurrentHashMap<>());

  private final Map<Session, PairingConfirmation> confirmations = new ConcurrentHashMap<>();
  private final SessionService sessionService;
  private final ExecutorService events;
  private volatile int port;

  private PhoneCore(PhonePorts ports, PhoneConfig config) throws IOException {
    ports.check();
    this.ports = ports;
    this.config = config;
    this.identity = Identity.load(ports.keys);
    this.slot = new ScannedQrSlot(ports.clock);
    this.journal = new ChangeJournal(ports.changeJournal, config.journalCapacity);
    this.uploads =
        ports.mms == null
            ? null
            : new UploadService(
                ports.uploads,
                ports.clock,
                ports.log,
                config.uploadKeepMs,
                config.uploadCapacityBytes,
                config.maxUploads);
    this.sends = new SendQueue(ports, config, uploads);
    this.feed = new ChangeFeed(ports.store, journal, sends, config.batchBudgetBytes);
    this.sessionService =
        new SessionService(
            identity,
            journal,
            ports.scheduler,
            ports.clock,
            ports.listener,
            config.unpairAckWaitMs,
            this::advertise,
            this::forgetUploads);
    this.dispatcher =
        new Dispatcher(
            ports.log,
            sessionService,
            new HistoryPager(ports.store, sends, config.batchBudgetBytes),
            feed,
            sends,
            new ContactsService(ports.contacts, config.batchBudgetBytes),
            new AttachmentService(ports.store),
            uploads);
    this.events =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "textbridge-store-events");
              t.setDaemon(true);
              return t;
            });
  }

  /** Builds the core, recovers the send journal and starts listening to the store. */
  public static PhoneCore create(PhonePorts ports, PhoneConfig config) throws IOException {
    PhoneCore core = new PhoneCore(ports, config);
    core.sends.recover();
    if (core.uploads != null) core.uploads.sweep();
    core.sends.onLateLink(id -> core.onEventThread(() -> core.relinked(id)));
    ports.sender.setReportSink(core.sends);
    if (ports.mms != null) ports.mms.setResultSink(core.sends);
    ports.store.setListener(
        new SmsStore.Listener() {
          @Override
          public void onChange(StoreChange change) {
            core.events.execute(() -> core.storeChanged(change));
          }

          @Override
          public void onMmsDelivery(String sentMessageId, String recipient, boolean delivered) {
            core.events.execute(() -> core.mmsDelivery(sentMessageId, recipient, delivered));
          }
        });
    ports.contacts.setChangeListener(() -> core.broadcast(ContactsService.changed()));
    return core;
  }

  /** The server listens on {@code port}: advertise it (§3). */
  public void listening(int port) {
    this.port = port;
    advertise();
    ports.listener.listening(port, identity.instanceId());
  }

  /** A new socket; null when 8 are already pending (the caller closes it with 1013, §7). */
  public synchronized Connection admit(Transport transport) {
    if (pending.size() >= config.maxPendingSockets) return null;
    Connection c =
        new Connection(transport, this, ports.scheduler, ports.log, config.handshakeTimeoutMs);
    pending.add(c);
    return c;
  }

  public int pendingCount() {
    return pending.size();
  }

  public int sessionCount() {
    return sessions.size();
  }

  /** A QR the user scanned (§4): parsed strictly, held 120 s, advertised as a pairing tag. */
  public QrPayload scanQr(String uri) throws QrException {
    QrPayload p = slot.scan(uri);
    advertise();
    ports.scheduler.schedule(slot.remainingMillis() + 10, this::advertise);
    return p;
  }

  public List<PairedDesktop> pairedDesktops() {
    return identity.desktops();
  }

  public String instanceId() {
    return identity.instanceId();
  }

  public byte[] staticPublicKey() {
    return identity.staticKeys().publicKey();
  }

  /** "Last synced" for a desktop (§9.7), or null when it never acknowledged anything. */
  public DesktopSyncState lastSynced(String desktopKeyHex) throws IOException {
    return journal.lastSynced(desktopKeyHex);
  }

  /** The phone's user unpairs a desktop (§9.12): forget it, tell it if connected. */
  public void unpair(String desktopKeyHex) throws IOException {
    sessionService.unpair(desktopKeyHex, new ArrayList<>(live));
  }

  public void stop() {
    for (Session s : new ArrayList<>(live)) s.close(CloseCode.NORMAL, "stopping");
    ports.advertiser.withdraw();
    events.shutdownNow();
  }

  private void storeChanged(StoreChange change) {
    try {
      if (change.record != null) sends.onProviderRow(change.record);
      feed.publish(change);
    } catch (IOException | RuntimeException e) {
      ports.log.warn("store", "change not published: " + e.getClass().getSimpleName());
    }
  }

  private void mmsDelivery(String sentMessageId, String recipient, boolean delivered) {
    try {
      sends.onMmsDelivery(sentMessageId, recipient, delivered);
    } catch (IOException | RuntimeException e) {
      ports.log.warn("store", "MMS delivery report not applied: " + e.getClass().getSimpleName());
    }
  }

  private void onEventThread(Runnable task) {
    try {
      events.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Stopped: nothing is pushed any more.
    }
  }

  /** A row linked to its key after it may have been pushed: push it again, with the key. */
  private void relinked(String messageId) {
    try {
      Optional<SmsRecord> row = ports.store.get(messageId);
      if (row.isPresent()) feed.publish(StoreChange.updated(row.get()));
    } catch (IOException | RuntimeException e) {
      ports.log.warn("store", "relinked row not published: " + e.getClass().getSimpleName());
    }
  }

  private void forgetUploads(String desktopKeyHex) {
    if (uploads == null) return;
    try {
      uploads.forget(desktopKeyHex);
    } catch (IOException e) {
      // They expire within a day anyway.
      ports.log.warn(
          "upload", "unpaired desktop's uploads not deleted: " + e.getClass().getSimpleName());
    }
  }

  private void broadcast(Message m) {
    for (Session s : sessions) s.send(m);
  }

  private void advertise() {
    if (port == 0) return;
    List<Integer> versions = new ArrayList<>();
    for (int v : Constants.SUPPORTED_VERSIONS) versions.add(v);
    ports.advertiser.advertise(new Advert(identity.instanceId(), port, versions, slot.tag()));
  }

  // Connection.Host

  @Override
  public Identity identity() {
    return identity;
  }

  @Override
  public ScannedQrSlot scannedQr() {
    return slot;
  }

  @Override
  public HandshakePayload pairingPayload() {
    return new HandshakePayload(config.deviceName, identity.instanceId());
  }

  @Override
  public JsonObject hello() {
    return Hello.body(config, ports.sims.activeSims(), ports.mms);
  }

  @Override
  public void qrChanged() {
    advertise();
  }

  @Override
  public void handshakeEnded(Connection connection) {
    pending.remove(connection);
  }

  @Override
  public Session newSession(Transport transport, HandshakeResult result) {
    Session s =
        new Session(
            transport,
            result.keys,
            this,
            ports.clock,
            ports.scheduler,
            ports.log,
            config.keepaliveTimeoutMs);
    live.add(s);
    return s;
  }

  @Override
  public void confirmPairing(Session session, HandshakeResult result) {
    PairingConfirmation c =
        new PairingConfirmation(
            session, result, identity, ports.prompt, ports.clock, ports.log, ports.listener);
    confirmations.put(session, c);
    c.start(ports.scheduler, config.pairingConfirmMs);
  }

  @Override
  public void connectionClosed(Connection connection, Session session, int code) {
    pending.remove(connection);
  }

  // Session.Handler

  @Override
  public void opened(Session session) {
    confirmations.remove(session);
    sessions.add(session);
    ports.listener.connected(session.desktopName());
  }

  @Override
  public void handle(Session session, Message message) {
    dispatcher.dispatch(session, message);
  }

  @Override
  public void closed(Session session, int code) {
    PairingConfirmation c = confirmations.remove(session);
    if (c != null) c.abandon();
    sessionService.closed(session);
    live.remove(session);
    boolean was = sessions.remove(session);
    feed.forget(session);
    sends.forget(session);
    if (was || c != null) ports.listener.disconnected(session.desktopName(), code);
  }
}
