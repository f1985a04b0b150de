package app.textbridge.core;

import app.textbridge.core.port.EventLog;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.send.SendQueue;
import app.textbridge.core.service.AttachmentService;
import app.textbridge.core.service.ContactsService;
import app.textbridge.core.service.SessionService;
import app.textbridge.core.service.UploadService;
import app.textbridge.core.session.RequestException;
import app.textbridge.core.session.Session;
import app.textbridge.core.sync.ChangeFeed;
import app.textbridge.core.sync.HistoryPager;
import java.io.IOException;

/**
 * Routes the messages of an open, paired session (PROTOCOL.md §9). The switch is exhaustive over
 * the catalogue; types only the phone sends never get here (the codec refuses them, 4000).
 */
final class Dispatcher {
  private final EventLog log;
  private final SessionService sessionService;
  private final HistoryPager history;
  private final ChangeFeed feed;
  private final SendQueue sends;
  private final ContactsService contacts;
  private final AttachmentService attachments;

  /** Null when the phone does not list send.mms. */
  private final UploadService uploads;

  Dispatcher(
      EventLog log,
      SessionService sessionService,
      HistoryPager history,
      ChangeFeed feed,
      SendQueue sends,
      ContactsService contacts,
      AttachmentService attachments,
      UploadService uploads) {
    this.log = log;
    this.sessionService = sessionService;
    this.history = history;
    this.feed = feed;
    this.sends = sends;
    this.contacts = contacts;
    this.attachments = attachments;
    this.uploads = uploads;
  }

  void dispatch(Session s, Message m) {
    try {
      route(s, m);
    } catch (RequestException e) {
      s.sendError(m.id, e.code, e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.warn("dispatch", m.type.wire + " failed: " + e.getClass().getSimpleName());
      s.sendError(m.id, RequestException.Code.INTERNAL, null);
    }
  }

  private void route(Session s, Message m) throws IOException, RequestException {
    switch (m.type) {
      case SYNC_SUBSCRIBE:
        String wm =
            m.body().get("watermark").isJsonNull() ? null : m.body().get("watermark").getAsString();
        feed.subscribe(s, m.id, wm);
        return;
      case SYNC_REQUEST:
        s.send(history.handle(m));
        return;
      case ACK:
        sessionService.acked(s, m);
        return;
      case CONTACTS_REQUEST:
        s.send(contacts.handle(m));
        return;
      case SEND_REQUEST:
        sends.request(s, m);
        return;
      case ATTACHMENT_REQUEST:
        s.send(attachments.handle(m));
        return;
      case ATTACHMENT_UPLOAD:
        // Uploads need send.mms (PROTOCOL.md §9.14), listed only with an MMS sender.
        if (uploads == null) {
          throw new RequestException(RequestException.Code.BAD_REQUEST, "send.mms not supported");
        }
        s.send(uploads.handle(s, m));
        return;
      case UNPAIR:
        sessionService.unpairedByDesktop(s, m);
        return;
      case ERROR:
        log.info("dispatch", "desktop reported " + m.body().get("code").getAsString());
        return;
      case HELLO:
      case PING:
      case PONG:
        return; // handled by the session itself
      case PAIR_RESULT:
      case SYNC_CHANGES:
      case SYNC_BATCH:
      case MESSAGE_NEW:
      case MESSAGE_CHANGED:
      case MESSAGE_DELETED:
      case CONTACTS_BATCH:
      case CONTACTS_CHANGED:
      case SEND_STATUS:
      case ATTACHMENT_CHUNK:
      case ATTACHMENT_STORED:
        throw new IllegalStateException("phone-only type reached the phone: " + m.type.wire);
      default:
        throw new IllegalStateException("unhandled type " + m.type.wire);
    }
  }
}
