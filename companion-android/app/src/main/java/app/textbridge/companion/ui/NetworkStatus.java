package app.textbridge.companion.ui;

import android.content.Context;
import android.net.ConnectivityManager;
import android.net.LinkAddress;
import android.net.LinkProperties;
import android.net.Network;
import android.net.NetworkCapabilities;
import android.os.Handler;
import android.os.Looper;
import java.net.Inet4Address;

/**
 * Whether the phone is on a local network its computer could share. The SSID is deliberately not
 * read: it needs location permission and adds nothing a user can act on.
 */
final class NetworkStatus {
  private NetworkStatus() {}

  static boolean onLocalNetwork(Context context) {
    ConnectivityManager cm = context.getSystemService(ConnectivityManager.class);
    Network network = cm.getActiveNetwork();
    if (network == null) {
      return false;
    }
    NetworkCapabilities caps = cm.getNetworkCapabilities(network);
    return caps != null
        && (caps.hasTransport(NetworkCapabilities.TRANSPORT_WIFI)
            || caps.hasTransport(NetworkCapabilities.TRANSPORT_ETHERNET));
  }

  /** The phone's IPv4 address on the active network (for "connect by address"), or null. */
  static String localAddress(Context context) {
    ConnectivityManager cm = context.getSystemService(ConnectivityManager.class);
    Network network = cm.getActiveNetwork();
    LinkProperties link = network == null ? null : cm.getLinkProperties(network);
    if (link == null) {
      return null;
    }
    for (LinkAddress a : link.getLinkAddresses()) {
      if (a.getAddress() instanceof Inet4Address && !a.getAddress().isLoopbackAddress()) {
        return a.getAddress().getHostAddress();
      }
    }
    return null;
  }

  /**
   * Calls onChange on the main thread whenever the default network changes; undo with {@link
   * #unwatch}.
   */
  static ConnectivityManager.NetworkCallback watch(Context context, Runnable onChange) {
    Handler main = new Handler(Looper.getMainLooper());
    ConnectivityManager.NetworkCallback callback =
        new ConnectivityManager.NetworkCallback() {
          @Override
          public void onAvailable(Network network) {
            main.post(onChange);
          }

          @Override
          public void onLost(Network network) {
            main.post(onChange);
          }

          @Override
          public void onCapabilitiesChanged(Network network, NetworkCapabilities caps) {
            main.post(onChange);
          }
        };
    context.getSystemService(ConnectivityManager.class).registerDefaultNetworkCallback(callback);
    return callback;
  }

  static void unwatch(Context context, ConnectivityManager.NetworkCallback callback) {
    context.getSystemService(ConnectivityManager.class).unregisterNetworkCallback(callback);
  }
}
