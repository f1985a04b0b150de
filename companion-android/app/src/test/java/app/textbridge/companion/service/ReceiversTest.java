package app.textbridge.companion.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.content.BroadcastReceiver;
import android.content.ComponentName;
import android.content.Intent;
import android.content.pm.ActivityInfo;
import android.content.pm.PackageManager;
import android.content.pm.ResolveInfo;
import android.provider.Telephony;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

@RunWith(RobolectricTestRunner.class)
public class ReceiversTest {
  private Application app;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
  }

  private Intent nextStartedService() {
    return shadowOf(app).getNextStartedService();
  }

  private void assertStartedMirrorService(String action) {
    Intent started = nextStartedService();
    assertEquals(MirrorService.class.getName(), started.getComponent().getClassName());
    assertEquals(action, started.getAction());
  }

  @Test
  public void bootStartsTheService() {
    AppState.setMirroringEnabled(app, true);
    new BootReceiver().onReceive(app, new Intent(Intent.ACTION_BOOT_COMPLETED));
    assertStartedMirrorService(MirrorService.ACTION_START);
  }

  @Test
  public void anAppUpdateStartsTheService() {
    AppState.setMirroringEnabled(app, true);
    new BootReceiver().onReceive(app, new Intent(Intent.ACTION_MY_PACKAGE_REPLACED));
    assertStartedMirrorService(MirrorService.ACTION_START);
  }

  @Test
  public void aUserWhoTurnedMirroringOffStaysOffAfterABoot() {
    AppState.setMirroringEnabled(app, false);
    new BootReceiver().onReceive(app, new Intent(Intent.ACTION_BOOT_COMPLETED));
    assertNull(nextStartedService());
  }

  @Test
  public void otherActionsAreIgnored() {
    AppState.setMirroringEnabled(app, true);
    new BootReceiver().onReceive(app, new Intent(Intent.ACTION_SCREEN_ON));
    new SmsReceiver().onReceive(app, new Intent(Intent.ACTION_BOOT_COMPLETED));
    assertNull(nextStartedService());
  }

  @Test
  public void aNewTextNudgesTheService() {
    AppState.setMirroringEnabled(app, true);
    new SmsReceiver().onReceive(app, new Intent(Telephony.Sms.Intents.SMS_RECEIVED_ACTION));
    assertStartedMirrorService(MirrorService.ACTION_SMS_HINT);
  }

  @Test
  public void manifestRoutesBootUpdateAndNewTextBroadcasts() {
    assertReceiver(Intent.ACTION_BOOT_COMPLETED, BootReceiver.class);
    assertReceiver(Intent.ACTION_MY_PACKAGE_REPLACED, BootReceiver.class);
    assertReceiver(Telephony.Sms.Intents.SMS_RECEIVED_ACTION, SmsReceiver.class);
  }

  @Test
  public void onlyTheTelephonyStackCanSendNewTextBroadcasts()
      throws PackageManager.NameNotFoundException {
    ActivityInfo sms =
        app.getPackageManager().getReceiverInfo(new ComponentName(app, SmsReceiver.class), 0);
    assertEquals("android.permission.BROADCAST_SMS", sms.permission);
    assertTrue("the phone process is not the system uid", sms.exported);
  }

  private void assertReceiver(String action, Class<? extends BroadcastReceiver> receiver) {
    List<ResolveInfo> found =
        app.getPackageManager()
            .queryBroadcastReceivers(new Intent(action).setPackage(app.getPackageName()), 0);
    boolean matched = false;
    for (ResolveInfo info : found) {
      matched |= receiver.getName().equals(info.activityInfo.name);
    }
    assertTrue(action + " reaches " + receiver.getSimpleName(), matched);
  }
}
