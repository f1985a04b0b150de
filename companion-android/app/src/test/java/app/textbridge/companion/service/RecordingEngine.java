package app.textbridge.companion.service;

import android.content.Context;
import java.util.ArrayList;
import java.util.List;

/** A {@link MirrorEngine} that records what the Android layer asked of it. */
public final class RecordingEngine implements MirrorEngine {
  int starts;
  int smsHints;
  int stops;
  final List<String> pairingCodes = new ArrayList<>();
  final List<String> forgotten = new ArrayList<>();

  @Override
  public void start(Context appContext) {
    starts++;
  }

  @Override
  public void onSmsHint() {
    smsHints++;
  }

  @Override
  public ScanResult onPairingCode(String qrText) {
    pairingCodes.add(qrText);
    return ScanResult.WAITING_FOR_COMPUTER;
  }

  @Override
  public void forget(String computerId) {
    forgotten.add(computerId);
  }

  @Override
  public void stop() {
    stops++;
  }
}
