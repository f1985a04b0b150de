package app.textbridge.runner;

import app.textbridge.core.model.Advert;
import app.textbridge.core.port.Advertiser;
import app.textbridge.core.protocol.Discovery;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * mDNS advertising with JmDNS, bound to the runner's bind address only (never every interface).
 * Service {@code _textbridge._tcp.local.}, instance {@code Textbridge-<id prefix>}, TXT per §3.
 */
final class JmdnsAdvertiser implements Advertiser, AutoCloseable {
  private final JmDNS jmdns;
  private ServiceInfo current;

  JmdnsAdvertiser(InetAddress bind) throws IOException {
    this.jmdns = JmDNS.create(bind, "textbridge-phone");
  }

  @Override
  public synchronized void advertise(Advert advert) {
    Map<String, String> txt = Discovery.encodeTxt(advert);
    ServiceInfo info =
        ServiceInfo.create(
            "_textbridge._tcp.local.",
            Discovery.instanceName(advert.instanceId),
            advert.port,
            0,
            0,
            txt);
    try {
      if (current != null) jmdns.unregisterService(current);
      jmdns.registerService(info);
      current = info;
    } catch (IOException e) {
      System.err.println("[mdns] WARN could not advertise: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public synchronized void withdraw() {
    if (current != null) jmdns.unregisterService(current);
    current = null;
  }

  @Override
  public void close() throws IOException {
    withdraw();
    jmdns.close();
  }
}
