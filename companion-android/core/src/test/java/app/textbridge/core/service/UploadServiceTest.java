package app.textbridge.core.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.textbridge.core.model.Upload;
import app.textbridge.core.protocol.message.Message;
import app.textbridge.core.protocol.message.MessageType;
import app.textbridge.core.session.RequestException;
import app.textbridge.core.support.MemoryUploadStore;
import app.textbridge.core.support.StderrLog;
import app.textbridge.core.testutil.ManualTime;
import app.textbridge.core.testutil.RecordingPeer;
import app.textbridge.core.testutil.Uploads;
import com.google.gson.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** attachment.upload → attachment.stored (§9.14): resuming, refusals, bounds, expiry, unpair. */
class UploadServiceTest {
  private static final String ID = "upload-0000000000000001";
  private static final long DAY = 24 * 3600_000L;
  private final ManualTime time = new ManualTime(1_700_000_000_000L);
  private final MemoryUploadStore store = new MemoryUploadStore();
  private final UploadService uploads =
      new UploadService(store, time, new StderrLog(true), DAY, 10_000, 3);
  private final RecordingPeer desktop = new RecordingPeer("aa", "send.mms");
  private final byte[] file = Uploads.jpeg(5000);

  private JsonObject stored(Message request) throws Exception {
    Message reply = uploads.handle(desktop, request);
    assertEquals(MessageType.ATTACHMENT_STORED, reply.type);
    assertEquals(request.id, reply.ref);
    desktop.send(reply); // the codec checks the reply
    return reply.body();
  }

  private static long received(JsonObject stored) {
    return stored.get("received").getAsLong();
  }

  @Test
  void chunksInOrderCompleteTheUpload() throws Exception {
    assertEquals(2000, received(stored(Uploads.upload("u1", ID, file, 0, 2000, "image/jpeg"))));
    assertEquals(5000, received(stored(Uploads.upload("u2", ID, file, 2000, 5000, "image/jpeg"))));
    Optional<Upload> done = uploads.complete("aa", ID, "image/jpeg");
    assertTrue(done.isPresent());
    assertEquals("IMG_0042.jpg", done.get().name);
    assertArrayEquals(file, uploads.bytes(done.get()).get());
  }

  @Test
  void aWrongOffsetStoresNothingAndSaysWhereToResume() throws Exception {
    stored(Uploads.upload("u1", ID, file, 0, 2000, "image/jpeg"));
    // A dropped connection: the desktop does not know how far it got and sends what it would next.
    JsonObject ahead = stored(Uploads.upload("u2", ID, file, 3000, 4000, "image/jpeg"));
    assertEquals(2000, received(ahead));
    assertEquals(5000, ahead.get("total").getAsLong());
    JsonObject again = stored(Uploads.upload("u3", ID, file, 0, 2000, "image/jpeg"));
    assertEquals(2000, received(again), "a repeated first chunk is not appended twice");
    assertEquals(5000, received(stored(Uploads.upload("u4", ID, file, 2000, 5000, "image/jpeg"))));
    assertArrayEquals(file, uploads.bytes(uploads.complete("aa", ID, "image/jpeg").get()).get());

    JsonObject unknown =
        stored(Uploads.upload("u5", "upload-0000000000000002", file, 1000, 2000, "image/jpeg"));
    assertEquals(0, received(unknown), "0 for an upload the phone does not hold");
    assertTrue(store.list().size() == 1, "and nothing was stored for it");
  }

  @Test
  void anotherTotalOrTypeIsABadRequest() throws Exception {
    stored(Uploads.upload("u1", ID, file, 0, 2000, "image/jpeg"));
    RequestException mime =
        assertThrows(
            RequestException.class,
            () -> uploads.handle(desktop, Uploads.upload("u2", ID, file, 2000, 3000, "image/png")));
    assertEquals(RequestException.Code.BAD_REQUEST, mime.code);
    byte[] longer = Uploads.jpeg(6000);
    RequestException total =
        assertThrows(
            RequestException.class,
            () ->
                uploads.handle(
                    desktop, Uploads.upload("u3", ID, longer, 2000, 3000, "image/jpeg")));
    assertEquals(RequestException.Code.BAD_REQUEST, total.code);
    assertEquals(2000, store.find("aa", ID).get().received, "nothing stored");
  }

  @Test
  void storageFullIsBusyAndAStartedUploadCanFinish() throws Exception {
    stored(Uploads.upload("u1", ID, file, 0, 1000, "image/jpeg"));
    // 5000 reserved of 10 000: another 5000 fits, then nothing more.
    String second = "upload-0000000000000002";
    stored(Uploads.upload("u2", second, file, 0, 1000, "image/jpeg"));
    RequestException full =
        assertThrows(
            RequestException.class,
            () ->
                uploads.handle(
                    desktop,
                    Uploads.upload(
                        "u3", "upload-0000000000000003", Uploads.jpeg(10), 0, 10, "image/jpeg")));
    assertEquals(RequestException.Code.BUSY, full.code);
    assertEquals(5000, received(stored(Uploads.upload("u4", ID, file, 1000, 5000, "image/jpeg"))));

    UploadService few = new UploadService(store, time, new StderrLog(true), DAY, 1 << 30, 2);
    RequestException tooMany =
        assertThrows(
            RequestException.class,
            () ->
                few.handle(
                    desktop,
                    Uploads.upload(
                        "u5", "upload-0000000000000004", Uploads.jpeg(10), 0, 10, "image/jpeg")));
    assertEquals(RequestException.Code.BUSY, tooMany.code, "at most maxUploads at once");
  }

  @Test
  void uploadsExpireADayAfterTheirLastChunk() throws Exception {
    stored(Uploads.upload("u1", ID, file, 0, 1000, "image/jpeg"));
    time.advance(DAY - 1000);
    stored(Uploads.upload("u2", ID, file, 1000, 5000, "image/jpeg"));
    time.advance(DAY - 1000);
    assertEquals(0, uploads.sweep(), "kept: the last chunk is not a day old");
    assertTrue(uploads.complete("aa", ID, "image/jpeg").isPresent());
    time.advance(1001);
    // A new upload sweeps first; so does the core's start.
    stored(Uploads.upload("u3", "upload-0000000000000002", file, 0, 10, "image/jpeg"));
    assertFalse(uploads.complete("aa", ID, "image/jpeg").isPresent());
    assertEquals(1, store.list().size());
  }

  @Test
  void uploadsBelongToTheirDesktopAndGoWhenItIsUnpaired() throws Exception {
    stored(Uploads.upload("u1", ID, file, 0, 5000, "image/jpeg"));
    RecordingPeer other = new RecordingPeer("bb", "send.mms");
    Message fromOther =
        uploads.handle(other, Uploads.upload("o1", ID, file, 2000, 3000, "image/jpeg"));
    assertEquals(0, fromOther.body().get("received").getAsLong(), "another desktop sees nothing");
    assertFalse(uploads.complete("bb", ID, "image/jpeg").isPresent());
    assertFalse(uploads.complete("aa", ID, "image/png").isPresent(), "only with its own type");
    uploads.forget("aa");
    assertFalse(uploads.complete("aa", ID, "image/jpeg").isPresent());
    assertTrue(store.list().isEmpty());
  }
}
