package app.textbridge.companion.ui;

import android.Manifest;
import android.content.Context;
import android.content.pm.PackageManager;
import android.os.PowerManager;
import app.textbridge.companion.R;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the permissions checklist shows: each row's permissions, plain-words reason and state. Kept
 * apart from the views so the rules (which rows exist on which Android version, what counts as
 * allowed) are testable for any SDK level.
 */
final class PermissionChecklist {
  /** Android 15 (VANILLA_ICE_CREAM): newer than the SDK this module compiles against. */
  static final int ANDROID_15 = 35;

  /** Android 13 (TIRAMISU): notifications became a runtime permission. */
  static final int ANDROID_13 = 33;

  static final String SMS = "sms";
  static final String CONTACTS = "contacts";
  static final String PHONE = "phone";
  static final String NOTIFICATIONS = "notifications";
  static final String CAMERA = "camera";
  static final String BATTERY = "battery";
  static final String RESTRICTED_SETTINGS = "restricted_settings";

  enum Kind {
    RUNTIME_PERMISSION,
    BATTERY_EXEMPTION,
    RESTRICTED_SETTINGS
  }

  enum State {
    ALLOWED,
    NOT_ALLOWED,
    NOT_NEEDED,
    CHECK_FIRST
  }

  static final class Item {
    final String key;
    final Kind kind;
    final int title;
    final int why;

    /** Runtime permissions asked for together (one system dialog per permission group). */
    final List<String> permissions;

    /** Below this SDK level the row needs nothing from the user. */
    final int minSdk;

    Item(String key, Kind kind, int title, int why, int minSdk, String... permissions) {
      this.key = key;
      this.kind = kind;
      this.title = title;
      this.why = why;
      this.minSdk = minSdk;
      List<String> list = new ArrayList<>();
      Collections.addAll(list, permissions);
      this.permissions = Collections.unmodifiableList(list);
    }
  }

  private PermissionChecklist() {}

  static List<Item> items(int sdkInt) {
    List<Item> items = new ArrayList<>();
    if (sdkInt >= ANDROID_15) {
      // Before SMS: on Android 15 a sideloaded app cannot be granted SMS until this is done.
      items.add(
          new Item(
              RESTRICTED_SETTINGS,
              Kind.RESTRICTED_SETTINGS,
              R.string.perm_restricted_title,
              R.string.perm_restricted_why,
              ANDROID_15));
    }
    items.add(
        new Item(
            SMS,
            Kind.RUNTIME_PERMISSION,
            R.string.perm_sms_title,
            R.string.perm_sms_why,
            0,
            Manifest.permission.READ_SMS,
            Manifest.permission.RECEIVE_SMS,
            Manifest.permission.SEND_SMS));
    items.add(
        new Item(
            CONTACTS,
            Kind.RUNTIME_PERMISSION,
            R.string.perm_contacts_title,
            R.string.perm_contacts_why,
            0,
            Manifest.permission.READ_CONTACTS));
    items.add(
        new Item(
            PHONE,
            Kind.RUNTIME_PERMISSION,
            R.string.perm_phone_title,
            R.string.perm_phone_why,
            0,
            Manifest.permission.READ_PHONE_STATE));
    // A runtime permission only from Android 13; below that notifications are simply allowed.
    items.add(
        new Item(
            NOTIFICATIONS,
            Kind.RUNTIME_PERMISSION,
            R.string.perm_notifications_title,
            R.string.perm_notifications_why,
            ANDROID_13,
            Manifest.permission.POST_NOTIFICATIONS));
    items.add(
        new Item(
            CAMERA,
            Kind.RUNTIME_PERMISSION,
            R.string.perm_camera_title,
            R.string.perm_camera_why,
            0,
            Manifest.permission.CAMERA));
    items.add(
        new Item(
            BATTERY,
            Kind.BATTERY_EXEMPTION,
            R.string.perm_battery_title,
            R.string.perm_battery_why,
            0));
    return Collections.unmodifiableList(items);
  }

  static State state(Context context, Item item, int sdkInt) {
    if (sdkInt < item.minSdk) {
      return State.NOT_NEEDED;
    }
    switch (item.kind) {
      case RUNTIME_PERMISSION:
        return allGranted(context, item.permissions) ? State.ALLOWED : State.NOT_ALLOWED;
      case BATTERY_EXEMPTION:
        PowerManager power = context.getSystemService(PowerManager.class);
        return power.isIgnoringBatteryOptimizations(context.getPackageName())
            ? State.ALLOWED
            : State.NOT_ALLOWED;
      case RESTRICTED_SETTINGS:
        // No public API tells whether the restriction applies; once SMS is granted the
        // step is done (or was never needed), until then it is the thing to check first.
        return allGranted(context, find(items(sdkInt), SMS).permissions)
            ? State.ALLOWED
            : State.CHECK_FIRST;
      default:
        throw new IllegalStateException("Unknown checklist kind " + item.kind);
    }
  }

  static boolean allGranted(Context context, List<String> permissions) {
    for (String permission : permissions) {
      if (context.checkSelfPermission(permission) != PackageManager.PERMISSION_GRANTED) {
        return false;
      }
    }
    return true;
  }

  static Item find(List<Item> items, String key) {
    for (Item item : items) {
      if (item.key.equals(key)) {
        return item;
      }
    }
    throw new IllegalArgumentException("No checklist row " + key);
  }
}
