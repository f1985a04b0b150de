package app.textbridge.companion.engine;

import android.content.Context;
import android.telephony.SubscriptionInfo;
import android.telephony.SubscriptionManager;
import app.textbridge.companion.provider.OwnNumbers;
import app.textbridge.core.model.SimCard;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.SimSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The core's {@link SimSource} (hello.sims, §9.1) and the phone's own numbers, from
 * SubscriptionManager (READ_PHONE_STATE). Without the permission the list is empty and the core
 * sends on the platform's default SIM. SubscriptionInfo.getNumber is often empty (the SIM does not
 * store it) and is hidden on Android 13+ without READ_PHONE_NUMBERS; the number is optional.
 */
final class AndroidSims implements SimSource, OwnNumbers {
  private final Context context;
  private final EventLog log;

  AndroidSims(Context context, EventLog log) {
    this.context = context.getApplicationContext();
    this.log = log;
  }

  @Override
  public List<SimCard> activeSims() {
    List<SimCard> out = new ArrayList<>();
    int defaultSms = SubscriptionManager.getDefaultSmsSubscriptionId();
    for (SubscriptionInfo info : infos()) {
      if (out.size() >= 8) {
        break;
      }
      CharSequence display = info.getDisplayName();
      CharSequence carrier = info.getCarrierName();
      String label =
          display == null || display.toString().trim().isEmpty()
              ? "SIM " + (info.getSimSlotIndex() + 1)
              : display.toString().trim();
      out.add(
          new SimCard(
              info.getSubscriptionId(),
              Math.max(0, info.getSimSlotIndex()),
              label,
              carrier == null ? null : carrier.toString(),
              number(info),
              info.getSubscriptionId() == defaultSms));
    }
    return out;
  }

  @Override
  public Set<String> numbers() {
    Set<String> out = new HashSet<>();
    for (SubscriptionInfo info : infos()) {
      String n = number(info);
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  @SuppressWarnings("deprecation") // getNumber: its replacement needs API 33 and READ_PHONE_NUMBERS
  private static String number(SubscriptionInfo info) {
    try {
      String n = info.getNumber();
      return n == null || n.trim().isEmpty() ? null : n.trim();
    } catch (SecurityException e) {
      return null;
    }
  }

  private List<SubscriptionInfo> infos() {
    SubscriptionManager sm = context.getSystemService(SubscriptionManager.class);
    if (sm == null) {
      return Collections.emptyList();
    }
    try {
      List<SubscriptionInfo> list = sm.getActiveSubscriptionInfoList();
      return list == null ? Collections.<SubscriptionInfo>emptyList() : list;
    } catch (SecurityException e) {
      log.warn("sims", "READ_PHONE_STATE not allowed: SIMs unknown");
      return Collections.emptyList();
    }
  }
}
