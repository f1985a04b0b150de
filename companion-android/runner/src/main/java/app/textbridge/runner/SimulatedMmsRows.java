package app.textbridge.runner;

import app.textbridge.core.mms.MmsPart;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.model.SmsRecord;
import app.textbridge.core.port.Clock;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import app.textbridge.core.support.MemorySmsStore;
import app.textbridge.core.support.RecordingMmsSender;
import java.util.ArrayList;
import java.util.List;

/**
 * What Android's MMS service writes into the provider for an MMS it sent, for the JVM phone: one
 * outgoing row of kind mms in the sent box, every recipient in its addresses, the text as its body
 * and each attachment as a part ({@code mms:<n>:<k>}, k from 1) whose bytes attachment.request can
 * fetch. The SMIL and the text part are not listed, as the Android reader leaves them out.
 */
final class SimulatedMmsRows implements RecordingMmsSender.SentRows {
  private final MemorySmsStore store;
  private final Clock clock;

  SimulatedMmsRows(MemorySmsStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String record(OutgoingMms mms) {
    MmsSendRequest request = mms.request;
    String id = store.nextId("mms");
    List<MmsPart> all = request.parts();
    // Wire order: the SMIL first, the text (if any) last, the attachments between.
    int end = request.text() == null ? all.size() : all.size() - 1;
    List<PartInfo> parts = new ArrayList<>();
    for (int i = 1; i < end; i++) {
      MmsPart p = all.get(i);
      String partId = id + ":" + i;
      store.loadPart(partId, p.mimeType(), p.data());
      parts.add(new PartInfo(partId, p.mimeType(), (long) p.dataLength(), p.name()));
    }
    List<String> to = request.recipients();
    store.add(
        new SmsRecord(
            id,
            SmsRecord.Kind.MMS,
            store.threadFor(to),
            SmsRecord.Box.SENT,
            to,
            null,
            clock.nowMillis(),
            null,
            request.text() == null ? "" : request.text(),
            true,
            SmsRecord.DeliveryStatus.NONE,
            mms.subId < 0 ? null : mms.subId,
            parts));
    return id;
  }
}
