package app.textbridge.companion.send;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import android.app.Application;
import android.content.ContentResolver;
import android.content.ContentValues;
import android.content.pm.ProviderInfo;
import android.net.Uri;
import app.textbridge.core.mms.MmsSendRequest;
import app.textbridge.core.port.MmsSender.OutgoingMms;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.InputStream;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/**
 * The PDU folder and the provider that serves it: the written bytes come back through a content
 * URI, read-only, and nothing but a {@code <key>.pdu} of that one folder can be named.
 */
@RunWith(RobolectricTestRunner.class)
public class MmsPduProviderTest {
  static final String KEY = "key-mms-pdu-000001";
  private Application app;
  private ContentResolver resolver;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    resolver = app.getContentResolver();
  }

  static OutgoingMms mms(String key, int subId) throws Exception {
    MmsSendRequest request =
        MmsSendRequest.builder()
            .transactionId("T1")
            .recipient("+447700900123")
            .recipient("+447700900456")
            .text("see the picture")
            .part("image/jpeg", "photo.jpg", MmsPduAndroidParserTest.TINY_JPEG)
            .build();
    return OutgoingMms.encode(key, subId, request, 300 * 1024);
  }

  static byte[] read(ContentResolver resolver, Uri uri) throws Exception {
    try (InputStream in = resolver.openInputStream(uri)) {
      return in.readAllBytes();
    }
  }

  private void assertNotServed(Uri uri) {
    try {
      resolver.openFileDescriptor(uri, "r").close();
      fail("served " + uri);
    } catch (Exception expected) {
      // FileNotFoundException from the provider (or no provider for a foreign authority)
    }
  }

  @Test
  public void theWrittenPduIsServedWithItsBytesAndType() throws Exception {
    OutgoingMms mms = mms(KEY, 2);
    File file = new PduOutbox(app).write(mms);
    assertEquals(new File(new File(app.getCacheDir(), "mms-out"), KEY + ".pdu"), file);
    Uri uri = MmsPduProvider.uriFor(file.getName());
    assertEquals("content://app.textbridge.companion.mmspdu/" + KEY + ".pdu", uri.toString());
    assertArrayEquals(mms.pdu(), read(resolver, uri));
    assertEquals("application/vnd.wap.mms-message", resolver.getType(uri));
    assertFalse("no temporary file left", new File(file.getPath() + ".part").exists());
  }

  @Test
  public void itIsReadOnly() throws Exception {
    File file = new PduOutbox(app).write(mms(KEY, 2));
    Uri uri = MmsPduProvider.uriFor(file.getName());
    for (String mode : new String[] {"w", "rw", "wt", "rwt", "wa"}) {
      try {
        resolver.openFileDescriptor(uri, mode).close();
        fail(mode);
      } catch (FileNotFoundException expected) {
        // read-only
      }
    }
    assertNull(resolver.query(uri, null, null, null, null));
    for (Runnable write :
        new Runnable[] {
          () -> resolver.insert(uri, new ContentValues()),
          () -> resolver.update(uri, new ContentValues(), null, null),
          () -> resolver.delete(uri, null, null)
        }) {
      try {
        write.run();
        fail("wrote through the provider");
      } catch (UnsupportedOperationException expected) {
        // read-only
      }
    }
    assertTrue(file.isFile());
  }

  @Test
  public void nothingButAnOutboxNameCanBeAskedFor() throws Exception {
    new PduOutbox(app).write(mms(KEY, 2));
    // Files the provider must never reach: one beside the folder, one in the app's data.
    try (FileOutputStream out = new FileOutputStream(new File(app.getCacheDir(), "secret.pdu"))) {
      out.write(1);
    }
    new File(app.getFilesDir(), "keys.pdu").createNewFile();
    String base = "content://" + MmsPduProvider.AUTHORITY + "/";
    assertNotServed(Uri.parse(base + "secret.pdu"));
    String[] bad = {
      base + "..%2Fsecret.pdu",
      base + "..%2F..%2Ffiles%2Fkeys.pdu",
      base + "%2E%2E%2Fsecret.pdu",
      base + "mms-out/" + KEY + ".pdu",
      base + KEY + ".pdu/",
      base + KEY + ".pdu?x=1",
      base + KEY + ".pdu#x",
      base + KEY + ".PDU",
      base + KEY + ".pdu.part",
      base + KEY,
      base + ".pdu",
      base + "key%20one.pdu",
      base,
      "content://app.textbridge.companion.other/" + KEY + ".pdu"
    };
    for (String uri : bad) {
      assertNotServed(Uri.parse(uri));
      if (uri.startsWith(base)) {
        assertNull(uri, resolver.getType(Uri.parse(uri)));
      }
    }
    // "content://…//<name>" is not listed: Android itself collapses empty path segments
    // (ContentProvider.validateIncomingUri) before the provider sees the URI.
    assertNotServed(MmsPduProvider.uriFor("../secret.pdu"));
    assertNotServed(MmsPduProvider.uriFor("key-never-written1.pdu"));
    assertNotNull(
        "the right name still works", read(resolver, MmsPduProvider.uriFor(KEY + ".pdu")));
  }

  @Test
  public void aKeyThatIsNotAFileNameIsNeverWritten() throws Exception {
    PduOutbox outbox = new PduOutbox(app);
    File secret = new File(app.getCacheDir(), "secret.pdu");
    secret.createNewFile();
    for (String key : new String[] {"../../files/keys", "a/b", "a.b", "a b", "k\u0000"}) {
      try {
        outbox.write(mms(key, 1));
        fail(key);
      } catch (IllegalArgumentException expected) {
        // not a send key
      }
    }
    assertFalse(outbox.delete("../secret"));
    assertTrue(secret.exists());
    assertEquals(0, outbox.folder().exists() ? outbox.folder().list().length : 0);
  }

  @Test
  public void theManifestKeepsItPrivateButGrantable() {
    ProviderInfo info = app.getPackageManager().resolveContentProvider(MmsPduProvider.AUTHORITY, 0);
    assertNotNull(info);
    assertEquals(MmsPduProvider.class.getName(), info.name);
    assertFalse("not exported", info.exported);
    assertTrue("the MMS broker grants read on our behalf", info.grantUriPermissions);
  }
}
