package app.textbridge.companion.ui;

import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.net.Uri;
import android.provider.Settings;
import android.util.Log;
import android.view.LayoutInflater;
import android.view.View;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import app.textbridge.companion.R;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@link PermissionChecklist} rows to views: state, reason, and a button that does the right
 * thing for each row (the permission dialog, the battery exemption dialog, or the app's settings
 * page when Android will no longer show a dialog).
 */
final class ChecklistView {
  private static final String TAG = "TextbridgeChecklist";

  private final Activity activity;
  private final LinearLayout list;
  private final int requestCode;
  private final int sdkInt;
  private final List<PermissionChecklist.Item> items;

  /** Rows whose permission Android refused without a dialog: only settings can grant them now. */
  private final Set<String> refusedForGood = new HashSet<>();

  ChecklistView(Activity activity, LinearLayout list, int requestCode, int sdkInt) {
    this.activity = activity;
    this.list = list;
    this.requestCode = requestCode;
    this.sdkInt = sdkInt;
    this.items = PermissionChecklist.items(sdkInt);
    LayoutInflater inflater = LayoutInflater.from(activity);
    for (PermissionChecklist.Item item : items) {
      View row = inflater.inflate(R.layout.permission_row, list, false);
      row.setTag(item.key); // tests and refresh() find rows by key
      ((TextView) row.findViewById(R.id.row_title)).setText(item.title);
      ((TextView) row.findViewById(R.id.row_why)).setText(item.why);
      row.findViewById(R.id.row_action).setOnClickListener(v -> act(item));
      list.addView(row);
    }
  }

  /** Re-reads every state: called on resume, since the user may come back from settings. */
  void refresh() {
    for (PermissionChecklist.Item item : items) {
      View row = list.findViewWithTag(item.key);
      PermissionChecklist.State state = PermissionChecklist.state(activity, item, sdkInt);
      TextView stateView = row.findViewById(R.id.row_state);
      stateView.setText(stateLabel(state));
      stateView.setTextColor(
          activity.getColor(
              state == PermissionChecklist.State.ALLOWED
                      || state == PermissionChecklist.State.NOT_NEEDED
                  ? R.color.granted
                  : R.color.missing));
      Button action = row.findViewById(R.id.row_action);
      boolean needsAction =
          state == PermissionChecklist.State.NOT_ALLOWED
              || state == PermissionChecklist.State.CHECK_FIRST;
      action.setVisibility(needsAction ? View.VISIBLE : View.GONE);
      action.setText(actionLabel(item));
      TextView why = row.findViewById(R.id.row_why);
      String reason = activity.getString(item.why);
      why.setText(
          refusedForGood.contains(item.key) && needsAction
              ? reason + "\n" + activity.getString(R.string.settings_fallback)
              : reason);
    }
  }

  /** From Activity.onRequestPermissionsResult for this view's request code. */
  void onPermissionsResult(String[] permissions, int[] results) {
    for (int i = 0; i < permissions.length && i < results.length; i++) {
      // Denied with no rationale to show means Android will not ask again (or, on Android 15,
      // the permission is a restricted setting): route the row to the settings page.
      if (results[i] != PackageManager.PERMISSION_GRANTED
          && !activity.shouldShowRequestPermissionRationale(permissions[i])) {
        for (PermissionChecklist.Item item : items) {
          if (item.permissions.contains(permissions[i])) {
            refusedForGood.add(item.key);
          }
        }
      }
    }
    refresh();
  }

  private int stateLabel(PermissionChecklist.State state) {
    switch (state) {
      case ALLOWED:
        return R.string.state_allowed;
      case NOT_ALLOWED:
        return R.string.state_not_allowed;
      case NOT_NEEDED:
        return R.string.state_not_needed;
      case CHECK_FIRST:
        return R.string.state_do_first;
      default:
        throw new IllegalStateException("Unknown state " + state);
    }
  }

  private int actionLabel(PermissionChecklist.Item item) {
    switch (item.kind) {
      case RUNTIME_PERMISSION:
        return refusedForGood.contains(item.key)
            ? R.string.action_open_settings
            : R.string.action_allow;
      case BATTERY_EXEMPTION:
        return R.string.action_allow;
      case RESTRICTED_SETTINGS:
        return R.string.action_open_app_info;
      default:
        throw new IllegalStateException("Unknown checklist kind " + item.kind);
    }
  }

  private void act(PermissionChecklist.Item item) {
    switch (item.kind) {
      case RUNTIME_PERMISSION:
        if (refusedForGood.contains(item.key)) {
          openAppSettings();
        } else {
          activity.requestPermissions(item.permissions.toArray(new String[0]), requestCode);
        }
        return;
      case BATTERY_EXEMPTION:
        requestBatteryExemption();
        return;
      case RESTRICTED_SETTINGS:
        openAppSettings();
        return;
      default:
        throw new IllegalStateException("Unknown checklist kind " + item.kind);
    }
  }

  private void requestBatteryExemption() {
    // The direct dialog first; some OEM builds remove it, so fall back to the list screen.
    Intent direct =
        new Intent(
            Settings.ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS,
            Uri.fromParts("package", activity.getPackageName(), null));
    if (!tryStart(direct)) {
      tryStart(new Intent(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS));
    }
  }

  private void openAppSettings() {
    tryStart(
        new Intent(
            Settings.ACTION_APPLICATION_DETAILS_SETTINGS,
            Uri.fromParts("package", activity.getPackageName(), null)));
  }

  private boolean tryStart(Intent intent) {
    try {
      activity.startActivity(intent);
      return true;
    } catch (ActivityNotFoundException e) {
      Log.w(TAG, "No screen for " + intent.getAction(), e);
      return false;
    }
  }
}
