package app.textbridge.companion.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.Service;
import android.content.ComponentName;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.content.pm.ServiceInfo;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.shadows.ShadowService;

@RunWith(RobolectricTestRunner.class)
public class MirrorServiceTest {
  private Application app;
  private RecordingEngine engine;
  private ServiceController<MirrorService> controller;

  @Before
  public void setUp() {
    app = RuntimeEnvironment.getApplication();
    engine = new RecordingEngine();
    MirrorEngines.install(engine);
  }

  @After
  public void tearDown() {
    if (controller != null && MirrorService.isRunning()) {
      controller.destroy();
    }
    MirrorEngines.install(new MirrorEngines.NotInstalled());
  }

  private int start(String action) {
    Intent intent = new Intent(app, MirrorService.class).setAction(action);
    controller = Robolectric.buildService(MirrorService.class, intent).create();
    return controller.get().onStartCommand(intent, 0, 1);
  }

  @Test
  public void startsInForegroundAsConnectedDeviceWithAQuietNotification() {
    assertEquals(Service.START_STICKY, start(MirrorService.ACTION_START));

    MirrorService service = controller.get();
    ShadowService shadow = shadowOf(service);
    assertEquals(
        ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE, service.getForegroundServiceType());
    assertEquals(MirrorService.NOTIFICATION_ID, shadow.getLastForegroundNotificationId());
    Notification notification = shadow.getLastForegroundNotification();
    assertEquals(MirrorService.CHANNEL_ID, notification.getChannelId());
    assertEquals(
        "Waiting for your computer", notification.extras.getString(Notification.EXTRA_TITLE));
    assertTrue((notification.flags & Notification.FLAG_ONGOING_EVENT) != 0);
    assertNotNull("tapping it opens the app", notification.contentIntent);

    NotificationChannel channel =
        app.getSystemService(NotificationManager.class)
            .getNotificationChannel(MirrorService.CHANNEL_ID);
    assertEquals(NotificationManager.IMPORTANCE_LOW, channel.getImportance());
    assertTrue(MirrorService.isRunning());
    assertEquals(1, engine.starts);
  }

  @Test
  public void manifestDeclaresTheConnectedDeviceType() throws PackageManager.NameNotFoundException {
    ServiceInfo info =
        app.getPackageManager().getServiceInfo(new ComponentName(app, MirrorService.class), 0);
    assertEquals(
        ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE, info.getForegroundServiceType());
    assertFalse("only the app itself starts it", info.exported);
  }

  @Test
  public void notificationNamesTheConnectedComputer() {
    start(MirrorService.ACTION_START);
    MirrorService.setConnectedComputer(app, "Office PC");

    Notification shown =
        shadowOf(app.getSystemService(NotificationManager.class))
            .getNotification(MirrorService.NOTIFICATION_ID);
    assertEquals("Mirroring to Office PC", shown.extras.getString(Notification.EXTRA_TITLE));
    assertEquals("Office PC", MirrorService.connectedComputer());
  }

  @Test
  public void aNewTextNudgesTheEngineWithoutRestartingIt() {
    start(MirrorService.ACTION_START);
    controller.get().onStartCommand(new Intent(MirrorService.ACTION_SMS_HINT), 0, 2);
    assertEquals(1, engine.smsHints);
    assertEquals(1, engine.starts);
  }

  @Test
  public void stickyRestartWithNoIntentComesBackInTheForeground() {
    controller = Robolectric.buildService(MirrorService.class).create();
    assertEquals(
        Service.START_STICKY, controller.get().onStartCommand(null, Service.START_FLAG_RETRY, 1));
    assertEquals(
        MirrorService.NOTIFICATION_ID,
        shadowOf(controller.get()).getLastForegroundNotificationId());
  }

  @Test
  public void stopsAndTakesItsNotificationAway() {
    start(MirrorService.ACTION_START);
    MirrorService service = controller.get();
    controller.destroy();

    assertTrue(shadowOf(service).isForegroundStopped());
    assertFalse(MirrorService.isRunning());
    assertEquals(1, engine.stops);
  }

  @Test
  public void stopAsksAndroidToStopTheService() {
    MirrorService.stop(app);
    Intent stopped = shadowOf(app).getNextStoppedService();
    assertEquals(MirrorService.class.getName(), stopped.getComponent().getClassName());
  }

  @Test
  public void aRefusedForegroundStartStopsQuietlyInsteadOfCrashing() {
    Intent intent = new Intent(app, MirrorService.class).setAction(MirrorService.ACTION_START);
    controller = Robolectric.buildService(MirrorService.class, intent).create();
    shadowOf(controller.get())
        .setThrowInStartForeground(
            new IllegalStateException("startForeground not allowed from the background"));

    assertEquals(Service.START_NOT_STICKY, controller.get().onStartCommand(intent, 0, 1));
    assertTrue(shadowOf(controller.get()).isStoppedBySelf());
    assertEquals("the engine never starts without the foreground", 0, engine.starts);
  }
}
