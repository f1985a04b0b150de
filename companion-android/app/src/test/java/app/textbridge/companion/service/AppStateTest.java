package app.textbridge.companion.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.os.Looper;
import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

@RunWith(RobolectricTestRunner.class)
public class AppStateTest {
  private Application app;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
  }

  @Test
  public void startsEmptyWithMirroringOff() {
    AppState.Snapshot state = AppState.read(app);
    assertFalse(state.mirroringEnabled);
    assertTrue(state.pairedComputers.isEmpty());
    assertEquals(0, state.lastSyncMillis);
  }

  @Test
  public void keepsPairingsMirroringAndSyncTimeAcrossReads() {
    AppState.setMirroringEnabled(app, true);
    AppState.putPairedComputer(app, "b", "Laptop");
    AppState.putPairedComputer(app, "a", "Office PC = desk, #2");
    AppState.setLastSyncMillis(app, 1_700_000_000_000L);
    AppState.removePairedComputer(app, "b");

    AppState.Snapshot state = AppState.read(app);
    assertTrue(state.mirroringEnabled);
    assertEquals(1, state.pairedComputers.size());
    assertEquals("Office PC = desk, #2", state.pairedComputers.get("a"));
    assertEquals(1_700_000_000_000L, state.lastSyncMillis);
  }

  @Test
  public void livesWhereBackupsAndDeviceTransfersNeverLook() {
    AppState.setMirroringEnabled(app, true);
    assertTrue(new File(app.getNoBackupFilesDir(), "companion-state.properties").isFile());
    assertFalse(new File(app.getDataDir(), "shared_prefs").exists());
  }

  @Test
  public void changesNotifyTheStatusScreenOnTheMainThread() {
    AtomicInteger calls = new AtomicInteger();
    Runnable listener = calls::incrementAndGet;
    StatusListeners.add(listener);
    try {
      AppState.putPairedComputer(app, "c", "Desk");
      shadowOf(Looper.getMainLooper()).idle();
      assertEquals(1, calls.get());
    } finally {
      StatusListeners.remove(listener);
    }
  }
}
