package app.textbridge.companion.ui;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.os.PowerManager;
import android.provider.Settings;
import android.view.View;
import android.widget.Button;
import android.widget.TextView;
import app.textbridge.companion.R;
import app.textbridge.companion.service.AppState;
import app.textbridge.companion.service.MirrorEngine;
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.MirrorService;
import app.textbridge.companion.service.RecordingEngine;
import app.textbridge.companion.service.TestEngines;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.shadows.ShadowActivity;

@RunWith(RobolectricTestRunner.class)
public class MainActivityTest {
  private static final String[] SMS = {
    Manifest.permission.READ_SMS, Manifest.permission.RECEIVE_SMS, Manifest.permission.SEND_SMS
  };

  private Application app;
  private ActivityController<MainActivity> controller;
  private MainActivity activity;
  private RecordingEngine engine;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    engine = new RecordingEngine();
    MirrorEngines.install(engine);
  }

  @After
  public void tearDown() {
    TestEngines.uninstall();
  }

  private void launch() {
    controller = Robolectric.buildActivity(MainActivity.class).setup();
    activity = controller.get();
  }

  private View row(String key) {
    return activity.findViewById(R.id.permission_list).findViewWithTag(key);
  }

  private String state(String key) {
    return ((TextView) row(key).findViewById(R.id.row_state)).getText().toString();
  }

  private Button action(String key) {
    return row(key).findViewById(R.id.row_action);
  }

  private String text(int id) {
    return ((TextView) activity.findViewById(id)).getText().toString();
  }

  @Test
  public void checklistShowsWhatIsAllowedAndWhatIsNot() {
    shadowOf(app).grantPermissions(SMS);
    shadowOf(app).grantPermissions(Manifest.permission.READ_CONTACTS);
    launch();

    assertEquals("Allowed", state(PermissionChecklist.SMS));
    assertEquals(View.GONE, action(PermissionChecklist.SMS).getVisibility());
    assertEquals("Allowed", state(PermissionChecklist.CONTACTS));
    for (String missing :
        new String[] {
          PermissionChecklist.PHONE,
          PermissionChecklist.NOTIFICATIONS,
          PermissionChecklist.CAMERA,
          PermissionChecklist.BATTERY
        }) {
      assertEquals(missing, "Not allowed", state(missing));
      assertEquals(missing, View.VISIBLE, action(missing).getVisibility());
      assertEquals(missing, "Allow", action(missing).getText().toString());
    }
    assertNull(
        "Android 15's step is not shown on 14", row(PermissionChecklist.RESTRICTED_SETTINGS));
  }

  @Test
  public void eachRowSaysWhyInPlainWords() {
    launch();
    String why =
        ((TextView) row(PermissionChecklist.BATTERY).findViewById(R.id.row_why))
            .getText()
            .toString();
    assertTrue(why, why.contains("stop background apps to save battery"));
  }

  @Test
  public void saysThatChatFeaturesAreNotMirrored() {
    launch();
    String limits = ((TextView) activity.findViewById(R.id.limits_rcs)).getText().toString();
    assertTrue(limits.contains("RCS"));
    assertTrue(limits.contains("\"RCS message\""));
  }

  @Test
  public void aPermissionGrantedInSettingsShowsOnReturn() {
    launch();
    assertEquals("Not allowed", state(PermissionChecklist.CAMERA));
    shadowOf(app).grantPermissions(Manifest.permission.CAMERA);
    controller.pause().resume();
    assertEquals("Allowed", state(PermissionChecklist.CAMERA));
  }

  @Test
  public void batteryRowFollowsTheExemptionAndOpensTheSystemDialog() {
    launch();
    action(PermissionChecklist.BATTERY).performClick();
    Intent asked = shadowOf(activity).getNextStartedActivity();
    assertEquals(Settings.ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS, asked.getAction());
    assertEquals("package:app.textbridge.companion", asked.getDataString());

    shadowOf(app.getSystemService(PowerManager.class))
        .setIgnoringBatteryOptimizations(app.getPackageName(), true);
    controller.pause().resume();
    assertEquals("Allowed", state(PermissionChecklist.BATTERY));
  }

  @Test
  public void allowAsksForTheRowsPermissions() {
    launch();
    action(PermissionChecklist.SMS).performClick();
    ShadowActivity.PermissionsRequest request = shadowOf(activity).getLastRequestedPermission();
    assertArrayEquals(SMS, request.requestedPermissions);
  }

  @Test
  public void aPermissionAndroidWillNotAskAgainForSendsTheUserToSettings() {
    launch();
    int[] denied = {
      PackageManager.PERMISSION_DENIED,
      PackageManager.PERMISSION_DENIED,
      PackageManager.PERMISSION_DENIED
    };
    // No rationale to show after a denial: Android will not show the dialog again.
    activity.onRequestPermissionsResult(2, SMS, denied);

    assertEquals("Open settings", action(PermissionChecklist.SMS).getText().toString());
    action(PermissionChecklist.SMS).performClick();
    Intent opened = shadowOf(activity).getNextStartedActivity();
    assertEquals(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, opened.getAction());
    assertEquals("package:app.textbridge.companion", opened.getDataString());
  }

  @Test
  public void pairingWithoutTheCameraAsksForItFirst() {
    launch();
    activity.findViewById(R.id.button_pair).performClick();
    ShadowActivity.PermissionsRequest request = shadowOf(activity).getLastRequestedPermission();
    assertArrayEquals(new String[] {Manifest.permission.CAMERA}, request.requestedPermissions);
    assertEquals(View.GONE, activity.findViewById(R.id.scanner_panel).getVisibility());

    activity.onRequestPermissionsResult(
        request.requestCode,
        request.requestedPermissions,
        new int[] {PackageManager.PERMISSION_DENIED});
    assertEquals(View.VISIBLE, activity.findViewById(R.id.scanner_panel).getVisibility());
    assertTrue(text(R.id.scanner_status).startsWith("Textbridge needs the camera only"));
  }

  @Test
  public void pairingWithTheCameraOpensTheScannerWithAHint() {
    shadowOf(app).grantPermissions(Manifest.permission.CAMERA);
    launch();
    activity.findViewById(R.id.button_pair).performClick();
    assertEquals(View.VISIBLE, activity.findViewById(R.id.scanner_panel).getVisibility());
    assertEquals("Looking for a Textbridge code…", text(R.id.scanner_status));

    activity.findViewById(R.id.scanner_cancel).performClick();
    assertEquals(View.GONE, activity.findViewById(R.id.scanner_panel).getVisibility());
  }

  @Test
  public void statusShowsServicePairingsAndLastSync() {
    AppState.putPairedComputer(app, "c1", "Office PC");
    launch();
    assertEquals(
        "Mirroring is off. Your computer cannot reach this phone.", text(R.id.status_service));
    assertEquals("Paired computers: Office PC", text(R.id.status_paired));
    assertEquals("Last sync: never.", text(R.id.status_last_sync));
    assertTrue(activity.findViewById(R.id.button_unpair).isEnabled());
    assertEquals("Start mirroring", text(R.id.button_mirroring));
  }

  @Test
  public void unpairIsOffUntilSomethingIsPaired() {
    launch();
    assertEquals("Paired computers: none yet.", text(R.id.status_paired));
    assertFalse(activity.findViewById(R.id.button_unpair).isEnabled());
  }

  @Test
  public void startMirroringRemembersTheChoiceAndStartsTheService() {
    launch();
    activity.findViewById(R.id.button_mirroring).performClick();
    assertTrue(AppState.read(app).mirroringEnabled);
    Intent started = shadowOf(app).getNextStartedService();
    assertEquals(MirrorService.class.getName(), started.getComponent().getClassName());
  }

  @Test
  public void eachScanAnswerReadsInPlainWords() {
    assertEquals(
        R.string.scanner_found,
        MainActivity.scanMessage(MirrorEngine.ScanResult.WAITING_FOR_COMPUTER));
    assertEquals(
        "This code has expired. Scan the new code your computer shows. If this keeps happening, "
            + "check this phone's date and time.",
        app.getString(MainActivity.scanMessage(MirrorEngine.ScanResult.EXPIRED)));
  }
}
