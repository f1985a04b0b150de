package app.textbridge.companion.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

@RunWith(RobolectricTestRunner.class)
public class PermissionChecklistTest {
  private Application app;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
  }

  private static List<String> keys(int sdk) {
    List<String> keys = new ArrayList<>();
    for (PermissionChecklist.Item item : PermissionChecklist.items(sdk)) {
      keys.add(item.key);
    }
    return keys;
  }

  @Test
  public void android15PutsRestrictedSettingsRightBeforeSms() {
    List<String> keys = keys(35);
    assertEquals(PermissionChecklist.RESTRICTED_SETTINGS, keys.get(0));
    assertEquals(PermissionChecklist.SMS, keys.get(1));
    assertFalse(keys(34).contains(PermissionChecklist.RESTRICTED_SETTINGS));
  }

  @Test
  public void restrictedSettingsIsDoneOnceSmsIsGranted() {
    PermissionChecklist.Item restricted =
        PermissionChecklist.find(
            PermissionChecklist.items(35), PermissionChecklist.RESTRICTED_SETTINGS);
    assertEquals(
        PermissionChecklist.State.CHECK_FIRST, PermissionChecklist.state(app, restricted, 35));
    shadowOf(app)
        .grantPermissions(
            Manifest.permission.READ_SMS,
            Manifest.permission.RECEIVE_SMS,
            Manifest.permission.SEND_SMS);
    assertEquals(PermissionChecklist.State.ALLOWED, PermissionChecklist.state(app, restricted, 35));
  }

  @Test
  public void notificationsNeedNothingBeforeAndroid13() {
    PermissionChecklist.Item notifications =
        PermissionChecklist.find(PermissionChecklist.items(26), PermissionChecklist.NOTIFICATIONS);
    assertEquals(
        PermissionChecklist.State.NOT_NEEDED, PermissionChecklist.state(app, notifications, 26));
    assertEquals(
        PermissionChecklist.State.NOT_ALLOWED, PermissionChecklist.state(app, notifications, 33));
  }

  @Test
  public void smsNeedsAllThreePermissions() {
    PermissionChecklist.Item sms =
        PermissionChecklist.find(PermissionChecklist.items(34), PermissionChecklist.SMS);
    shadowOf(app).grantPermissions(Manifest.permission.READ_SMS, Manifest.permission.RECEIVE_SMS);
    assertEquals(PermissionChecklist.State.NOT_ALLOWED, PermissionChecklist.state(app, sms, 34));
    shadowOf(app).grantPermissions(Manifest.permission.SEND_SMS);
    assertEquals(PermissionChecklist.State.ALLOWED, PermissionChecklist.state(app, sms, 34));
  }

  @Test
  public void everyRuntimePermissionIsDeclaredInTheManifest() throws Exception {
    List<String> declared = new ArrayList<>();
    for (String p :
        app.getPackageManager()
            .getPackageInfo(app.getPackageName(), android.content.pm.PackageManager.GET_PERMISSIONS)
            .requestedPermissions) {
      declared.add(p);
    }
    for (PermissionChecklist.Item item : PermissionChecklist.items(35)) {
      for (String permission : item.permissions) {
        assertTrue(permission + " is requested but not declared", declared.contains(permission));
      }
    }
  }
}
