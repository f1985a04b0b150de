package app.textbridge.companion.ui;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.pm.PackageManager;
import android.net.ConnectivityManager;
import android.os.Build;
import android.os.Bundle;
import android.text.format.DateUtils;
import android.view.TextureView;
import android.view.View;
import android.widget.Button;
import android.widget.TextView;
import app.textbridge.companion.R;
import app.textbridge.companion.pairing.PairingPrompter;
import app.textbridge.companion.scan.QrScanner;
import app.textbridge.companion.service.AppState;
import app.textbridge.companion.service.MirrorEngine;
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.MirrorService;
import app.textbridge.companion.service.StatusListeners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one screen: status (service, network, paired computers, last sync), Start/Stop, Pair with the
 * QR scanner inline, Unpair, and the permissions checklist. State lives in the service, {@link
 * AppState} and the system; this class only shows it and forwards taps.
 */
public final class MainActivity extends Activity {
  private static final int REQUEST_CAMERA_FOR_SCAN = 1;
  private static final int REQUEST_CHECKLIST = 2;
  private static final String STATE_SCANNING = "scanning";

  private final Runnable refresh = this::refreshStatus;
  private ChecklistView checklist;
  private QrScanner scanner;
  private boolean scanning;
  private ConnectivityManager.NetworkCallback networkCallback;

  private TextView serviceStatus;
  private TextView networkStatus;
  private TextView pairedStatus;
  private TextView lastSyncStatus;
  private TextView detailStatus;
  private PairingDialogs pairingDialogs;
  private Button mirroringButton;
  private Button unpairButton;
  private View scannerPanel;
  private TextView scannerStatus;
  private Button scannerCancel;

  @Override
  protected void onCreate(Bundle savedInstanceState) {
    super.onCreate(savedInstanceState);
    setContentView(R.layout.activity_main);
    serviceStatus = findViewById(R.id.status_service);
    networkStatus = findViewById(R.id.status_network);
    pairedStatus = findViewById(R.id.status_paired);
    lastSyncStatus = findViewById(R.id.status_last_sync);
    detailStatus = findViewById(R.id.status_detail);
    pairingDialogs = new PairingDialogs(this);
    mirroringButton = findViewById(R.id.button_mirroring);
    unpairButton = findViewById(R.id.button_unpair);
    scannerPanel = findViewById(R.id.scanner_panel);
    scannerStatus = findViewById(R.id.scanner_status);
    scannerCancel = findViewById(R.id.scanner_cancel);

    checklist =
        new ChecklistView(
            this, findViewById(R.id.permission_list), REQUEST_CHECKLIST, Build.VERSION.SDK_INT);
    scanner =
        new QrScanner(
            this,
            (TextureView) findViewById(R.id.scanner_preview),
            new QrScanner.Callback() {
              @Override
              public void onPairingCode(String text) {
                onCodeScanned(text);
              }

              @Override
              public void onCameraProblem(int messageRes) {
                scanner.stop();
                showScannerMessage(messageRes);
              }
            });

    mirroringButton.setOnClickListener(v -> toggleMirroring());
    findViewById(R.id.button_pair).setOnClickListener(v -> startPairing());
    unpairButton.setOnClickListener(v -> chooseComputerToUnpair());
    scannerCancel.setOnClickListener(v -> closeScanner());
    scanning = savedInstanceState != null && savedInstanceState.getBoolean(STATE_SCANNING);
  }

  @Override
  protected void onStart() {
    super.onStart();
    StatusListeners.add(refresh);
    networkCallback = NetworkStatus.watch(this, refresh);
  }

  @Override
  protected void onResume() {
    super.onResume();
    refreshStatus();
    checklist.refresh(); // the user may be back from a settings screen
    PairingPrompter.setHost(pairingDialogs);
    if (scanning && hasCamera()) {
      openScanner();
    }
  }

  @Override
  protected void onPause() {
    scanner.stop(); // never hold the camera while not in front
    PairingPrompter.setHost(null);
    pairingDialogs.dismissAll();
    super.onPause();
  }

  @Override
  protected void onStop() {
    StatusListeners.remove(refresh);
    NetworkStatus.unwatch(this, networkCallback);
    networkCallback = null;
    super.onStop();
  }

  @Override
  protected void onSaveInstanceState(Bundle outState) {
    super.onSaveInstanceState(outState);
    outState.putBoolean(STATE_SCANNING, scanning);
  }

  @Override
  public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] results) {
    super.onRequestPermissionsResult(requestCode, permissions, results);
    if (requestCode == REQUEST_CAMERA_FOR_SCAN) {
      checklist.onPermissionsResult(permissions, results);
      if (hasCamera()) {
        openScanner();
      } else {
        scanning = false;
        showScannerMessage(R.string.scanner_needs_camera);
      }
    } else if (requestCode == REQUEST_CHECKLIST) {
      checklist.onPermissionsResult(permissions, results);
    }
  }

  void refreshStatus() {
    boolean running = MirrorService.isRunning();
    String computer = MirrorService.connectedComputer();
    if (!running) {
      serviceStatus.setText(R.string.status_service_off);
    } else if (computer != null) {
      serviceStatus.setText(getString(R.string.notification_mirroring, computer));
    } else {
      serviceStatus.setText(
          getString(R.string.status_service_on)
              + " "
              + getString(R.string.notification_waiting)
              + ".");
    }
    mirroringButton.setText(running ? R.string.button_stop : R.string.button_start);
    networkStatus.setText(
        NetworkStatus.onLocalNetwork(this)
            ? R.string.status_network_ok
            : R.string.status_network_missing);

    AppState.Snapshot state = AppState.read(this);
    if (state.pairedComputers.isEmpty()) {
      pairedStatus.setText(R.string.status_paired_none);
    } else {
      pairedStatus.setText(
          getString(
              R.string.status_paired_list, String.join(", ", state.pairedComputers.values())));
    }
    unpairButton.setEnabled(!state.pairedComputers.isEmpty());
    lastSyncStatus.setText(
        state.lastSyncMillis == 0
            ? getString(R.string.status_last_sync_never)
            : getString(
                R.string.status_last_sync,
                DateUtils.getRelativeTimeSpanString(
                    state.lastSyncMillis, System.currentTimeMillis(), DateUtils.MINUTE_IN_MILLIS)));
    showDetail(MirrorEngines.current().status(), running);
  }

  /** A problem to act on first; else, while listening, the address for "connect by address". */
  private void showDetail(MirrorEngine.Status status, boolean running) {
    String text = null;
    if (status.needsRepair) {
      text = getString(R.string.status_repair);
    } else if (status.problem != null && running) {
      text = getString(R.string.status_problem, status.problem);
    } else if (running && status.port > 0) {
      String host = NetworkStatus.localAddress(this);
      text = host == null ? null : getString(R.string.status_address, host + ":" + status.port);
    }
    detailStatus.setVisibility(text == null ? View.GONE : View.VISIBLE);
    detailStatus.setText(text);
  }

  private void toggleMirroring() {
    if (MirrorService.isRunning()) {
      AppState.setMirroringEnabled(this, false); // also keeps it off after the next reboot
      MirrorService.stop(this);
    } else {
      AppState.setMirroringEnabled(this, true);
      MirrorService.start(this, MirrorService.ACTION_START);
    }
  }

  private boolean hasCamera() {
    return checkSelfPermission(Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED;
  }

  private void startPairing() {
    scanning = true;
    if (hasCamera()) {
      openScanner();
    } else {
      requestPermissions(new String[] {Manifest.permission.CAMERA}, REQUEST_CAMERA_FOR_SCAN);
    }
  }

  private void openScanner() {
    scannerPanel.setVisibility(View.VISIBLE);
    scannerStatus.setText(R.string.scanner_looking);
    scannerCancel.setText(R.string.scanner_cancel);
    scanner.start();
  }

  private void closeScanner() {
    scanning = false;
    scanner.stop();
    scannerPanel.setVisibility(View.GONE);
  }

  private void showScannerMessage(int messageRes) {
    scannerPanel.setVisibility(View.VISIBLE);
    scannerStatus.setText(messageRes);
    scannerCancel.setText(R.string.scanner_close);
  }

  private void onCodeScanned(String text) {
    scanning = false;
    scanner.stop();
    // Pairing needs the server up: scanning a code means the user wants mirroring on.
    AppState.setMirroringEnabled(this, true);
    MirrorService.start(this, MirrorService.ACTION_START);
    showScannerMessage(scanMessage(MirrorEngines.current().onPairingCode(text)));
  }

  static int scanMessage(MirrorEngine.ScanResult result) {
    switch (result) {
      case WAITING_FOR_COMPUTER:
        return R.string.scanner_found;
      case NOT_A_PAIRING_CODE:
        return R.string.scanner_not_pairing_code;
      case NEEDS_NEWER_APP:
        return R.string.scanner_needs_update;
      case EXPIRED:
        return R.string.scanner_expired;
      case NOT_RUNNING:
        return R.string.scanner_not_running;
      default:
        throw new IllegalStateException("scan result " + result);
    }
  }

  private void chooseComputerToUnpair() {
    Map<String, String> paired = AppState.read(this).pairedComputers;
    List<String> ids = new ArrayList<>(paired.keySet());
    String[] names = paired.values().toArray(new String[0]);
    new AlertDialog.Builder(this)
        .setTitle(R.string.unpair_choose)
        .setItems(names, (dialog, which) -> confirmUnpair(ids.get(which), names[which]))
        .setNegativeButton(R.string.cancel, null)
        .show();
  }

  private void confirmUnpair(String computerId, String name) {
    new AlertDialog.Builder(this)
        .setMessage(getString(R.string.unpair_confirm, name))
        .setPositiveButton(
            R.string.unpair_yes,
            (dialog, which) -> {
              MirrorEngines.current().forget(computerId);
              AppState.removePairedComputer(this, computerId);
            })
        .setNegativeButton(R.string.cancel, null)
        .show();
  }
}
