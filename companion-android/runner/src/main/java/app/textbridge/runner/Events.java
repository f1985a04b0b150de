package app.textbridge.runner;

import app.textbridge.core.port.PhoneListener;
import com.google.gson.JsonObject;
import java.io.PrintStream;

/**
 * Machine-readable stdout: one JSON object per line ({@code {"event":"listening",...}}). Never
 * carries keys or message bodies; human logs go to stderr.
 */
final class Events implements PhoneListener {
  private final PrintStream out;

  Events(PrintStream out) {
    this.out = out;
  }

  synchronized void emit(JsonObject event) {
    out.println(event.toString());
    out.flush();
  }

  private static JsonObject event(String name) {
    JsonObject o = new JsonObject();
    o.addProperty("event", name);
    return o;
  }

  @Override
  public void listening(int port, String instanceId) {
    JsonObject o = event("listening");
    o.addProperty("port", port);
    o.addProperty("instanceId", instanceId);
    emit(o);
  }

  @Override
  public void pairingPending(String sas, String desktopName) {
    JsonObject o = event("pairing");
    o.addProperty("sas", sas);
    o.addProperty("desktop", desktopName);
    emit(o);
  }

  @Override
  public void pairingFinished(String desktopName, boolean accepted) {
    JsonObject o = event(accepted ? "paired" : "pairing_failed");
    o.addProperty("desktop", desktopName);
    emit(o);
  }

  @Override
  public void connected(String desktopName) {
    JsonObject o = event("connected");
    o.addProperty("desktop", desktopName);
    emit(o);
  }

  @Override
  public void disconnected(String desktopName, int code) {
    JsonObject o = event("disconnected");
    o.addProperty("desktop", desktopName);
    o.addProperty("code", code);
    emit(o);
  }

  @Override
  public void sendState(String key, String state) {
    JsonObject o = event("send");
    o.addProperty("key", key);
    o.addProperty("state", state);
    emit(o);
  }

  @Override
  public void unpaired(String desktopName) {
    JsonObject o = event("unpaired");
    o.addProperty("desktop", desktopName);
    emit(o);
  }

  void error(String code, String detail) {
    JsonObject o = event("error");
    o.addProperty("code", code);
    if (detail != null) o.addProperty("detail", detail);
    emit(o);
  }
}
