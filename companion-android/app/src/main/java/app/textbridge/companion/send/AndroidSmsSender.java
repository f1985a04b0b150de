package app.textbridge.companion.send;

import android.Manifest;
import android.annotation.TargetApi;
import android.app.PendingIntent;
import android.content.Context;
import android.content.pm.PackageManager;
import android.os.Build;
import android.telephony.SmsManager;
import app.textbridge.core.model.FailureReason;
import app.textbridge.core.port.EventLog;
import app.textbridge.core.port.SmsSender;
import java.util.ArrayList;

/**
 * The core's {@link SmsSender} on SmsManager (PORTS.md SmsSender): the body divided with {@code
 * divideMessage} and handed over with {@code sendMultipartTextMessage} on the subscription the core
 * resolved (the desktop's choice, else the conversation's own SIM, else the default), with one sent
 * and one delivery PendingIntent per part ({@link ReportIntents}). As a non-default SMS app we do
 * not write the provider: Android records the sent text itself (SmsManager persists messages of
 * non-default apps), and the watcher picks that row up.
 *
 * <p>{@link #send} returns only after SmsManager accepted the call; an exception SmsManager throws
 * before handing anything to the radio becomes a refusal with a reason. Anything else thrown is
 * left to the core, which marks the key {@code unknown} (it cannot tell whether the radio got it)
 * and never resends it.
 */
public final class AndroidSmsSender implements SmsSender {
  /** The concatenation reference of a long SMS counts 255 parts at most (TS 23.040 §9.2.3.24.1). */
  static final int MAX_PARTS = 255;

  private final Context context;
  private final EventLog log;
  private final SendStallNotice notice;
  private volatile ReportSink sink;

  public AndroidSmsSender(Context context, SendStallNotice notice, EventLog log) {
    this.context = context.getApplicationContext();
    this.notice = notice;
    this.log = log;
  }

  @Override
  public void setReportSink(ReportSink sink) {
    this.sink = sink;
  }

  /**
   * Where the engine sends radio reports (through {@link ReportRelay}): the core's sink, after
   * telling the stall notice that the key moved.
   */
  public ReportSink reportSink() {
    ReportSink core = sink;
    if (core == null) {
      return null;
    }
    return new ReportSink() {
      @Override
      public void partSent(String key, int recipient, int part, int subId) {
        notice.reported(key);
        core.partSent(key, recipient, part, subId);
      }

      @Override
      public void partDelivered(String key, int recipient, int part, int subId) {
        core.partDelivered(key, recipient, part, subId);
      }

      @Override
      public void partFailed(
          String key, int recipient, int part, int subId, FailureReason reason, String detail) {
        notice.reported(key);
        core.partFailed(key, recipient, part, subId, reason, detail);
      }
    };
  }

  @Override
  public int send(OutgoingText text) throws SendRefusedException {
    if (context.checkSelfPermission(Manifest.permission.SEND_SMS)
        != PackageManager.PERMISSION_GRANTED) {
      throw new SendRefusedException(FailureReason.NO_PERMISSION, "SEND_SMS is not allowed");
    }
    String address = text.address.trim();
    if (address.isEmpty()) {
      throw new SendRefusedException(FailureReason.INVALID_ADDRESS, "empty address");
    }
    SmsManager sms = manager(context, text.subId);
    ArrayList<String> parts;
    try {
      parts = sms.divideMessage(text.body);
    } catch (UnsupportedOperationException e) {
      // "Sms is not supported": a tablet without telephony, or no usable default SIM.
      throw new SendRefusedException(
          FailureReason.SIM_UNAVAILABLE, "this phone cannot send texts now");
    }
    if (parts == null || parts.isEmpty()) {
      throw new SendRefusedException(FailureReason.NULL_PDU, "the text could not be divided");
    }
    if (parts.size() > MAX_PARTS) {
      throw new SendRefusedException(FailureReason.BODY_TOO_LONG, parts.size() + " parts");
    }
    ArrayList<PendingIntent> sent = new ArrayList<>();
    ArrayList<PendingIntent> delivered = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      sent.add(ReportIntents.sent(context, text.key, text.recipientIndex, i, text.subId));
      delivered.add(ReportIntents.delivered(context, text.key, text.recipientIndex, i, text.subId));
    }
    try {
      sms.sendMultipartTextMessage(address, null, parts, sent, delivered);
    } catch (SecurityException e) {
      throw new SendRefusedException(
          FailureReason.NO_PERMISSION, "SmsManager refused: no permission");
    } catch (IllegalArgumentException e) {
      // SmsManager checks the address and parts before calling into the radio.
      throw new SendRefusedException(
          FailureReason.INVALID_ADDRESS, "SmsManager refused the address");
    }
    notice.handedOver(text.key, address);
    log.info(
        "send", "handed " + parts.size() + " part(s) to the radio on subscription " + text.subId);
    return parts.size();
  }

  /**
   * The SmsManager of {@code subId}; -1 means the platform default (SubscriptionResolver found no
   * SIM list). Shared with {@link AndroidMmsSender}.
   */
  static SmsManager manager(Context context, int subId) throws SendRefusedException {
    try {
      if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
        return manager31(context, subId);
      }
      return subId < 0 ? SmsManager.getDefault() : SmsManager.getSmsManagerForSubscriptionId(subId);
    } catch (IllegalArgumentException e) {
      throw new SendRefusedException(
          FailureReason.SIM_UNAVAILABLE, "no SmsManager for subscription " + subId);
    }
  }

  /** getDefault and getSmsManagerForSubscriptionId are deprecated from Android 12. */
  @TargetApi(Build.VERSION_CODES.S)
  private static SmsManager manager31(Context context, int subId) {
    SmsManager base = context.getSystemService(SmsManager.class);
    return subId < 0 ? base : base.createForSubscriptionId(subId);
  }
}
