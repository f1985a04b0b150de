package app.textbridge.companion.store;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import app.textbridge.core.model.Upload;
import app.textbridge.core.support.StderrLog;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Uploads in files: appends, reopening, opaque names, and leftovers of a crash swept. */
public class FileUploadStoreTest {
  private static final String OWNER = "ab".repeat(32);
  private static final String ID = "upload-file-00000001";
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private FileUploadStore open() throws Exception {
    return new FileUploadStore(new File(tmp.getRoot(), "uploads"), new StderrLog(true));
  }

  private static Upload meta(long total) {
    return new Upload(OWNER, ID, total, "image/jpeg", "IMG_0042.jpg", 0, 1000);
  }

  @Test
  public void chunksAppendAndSurviveAReopen() throws Exception {
    byte[] file = new byte[3000];
    for (int i = 0; i < file.length; i++) file[i] = (byte) i;
    FileUploadStore store = open();
    assertEquals(1000, store.begin(meta(3000), Arrays.copyOf(file, 1000)).received);
    assertFalse("incomplete", store.readComplete(OWNER, ID).isPresent());
    Upload grown = store.append(OWNER, ID, Arrays.copyOfRange(file, 1000, 3000), 2000);
    assertEquals(3000, grown.received);
    assertEquals(2000, grown.lastChunkAt);

    FileUploadStore again = open();
    Upload held = again.find(OWNER, ID).get();
    assertTrue(held.complete());
    assertEquals("IMG_0042.jpg", held.name);
    assertEquals(2000, held.lastChunkAt);
    assertArrayEquals(file, again.readComplete(OWNER, ID).get());
    assertFalse("another desktop's view", again.find("cd".repeat(32), ID).isPresent());
    assertEquals(1, again.list().size());

    for (String name : new File(tmp.getRoot(), "uploads").list()) {
      assertFalse("names say nothing: " + name, name.contains(ID) || name.contains("abab"));
    }
    again.delete(OWNER, ID);
    assertTrue(again.list().isEmpty());
    assertEquals(0, new File(tmp.getRoot(), "uploads").list().length);
  }

  @Test
  public void openingSweepsWhatACrashLeft() throws Exception {
    FileUploadStore store = open();
    store.begin(meta(10), new byte[4]);
    File dir = new File(tmp.getRoot(), "uploads");
    write(new File(dir, "0123456789abcdef0123456789abcdef01234567.data"), new byte[5]);
    write(new File(dir, "1123456789abcdef0123456789abcdef01234567.meta.tmp"), new byte[5]);
    write(new File(dir, "2123456789abcdef0123456789abcdef01234567.meta"), "{not json".getBytes());
    write(new File(dir, "2123456789abcdef0123456789abcdef01234567.data"), new byte[1]);
    // More bytes than the total: not an upload anyone can finish.
    String over = FileUploadStore.nameOf(OWNER, "upload-file-00000002");
    store.begin(new Upload(OWNER, "upload-file-00000002", 2, "image/png", null, 0, 1), new byte[2]);
    write(new File(dir, over + ".data"), new byte[3]);

    FileUploadStore reopened = open();
    assertEquals(1, reopened.list().size());
    assertEquals(4, reopened.find(OWNER, ID).get().received);
    assertEquals(2, dir.list().length);
  }

  private static void write(File f, byte[] bytes) throws Exception {
    try (OutputStream out = new FileOutputStream(f)) {
      out.write(bytes);
    }
  }
}
