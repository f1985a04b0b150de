package app.textbridge.runner;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Command-line options of the runner (see Main's usage). */
final class Options {
  Path history;
  int port = 47800;
  String bind = "127.0.0.1";
  boolean mdns;
  String pairUri;
  boolean confirmAuto = true;
  long incomingEverySeconds;
  Path state;
  String name = "Textbridge JVM phone";
  int failEvery;

  /** Send MMS as a phone does (send.mms and send.group): pictures, and groups as one MMS. */
  boolean groupSend;

  /** The carrier's MMS size limit every SIM states (hello.sims[].mmsMaxBytes); 0: Android's. */
  long mmsMaxBytes;

  static final String USAGE =
      "usage: phone [--history FILE] [--port P (0 = ephemeral)] "
          + "[--bind ADDR] [--mdns] [--pair QR-URI] [--confirm auto|reject] "
          + "[--incoming-every SECONDS] [--state DIR] [--name NAME] [--fail-every N] [--group-send] "
          + "[--mms-max-bytes N]";

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--history":
          o.history = Paths.get(value(args, ++i, a));
          break;
        case "--port":
          o.port = Integer.parseInt(value(args, ++i, a));
          break;
        case "--bind":
          o.bind = value(args, ++i, a);
          break;
        case "--mdns":
          o.mdns = true;
          break;
        case "--pair":
          o.pairUri = value(args, ++i, a);
          break;
        case "--confirm":
          o.confirmAuto = confirm(value(args, ++i, a));
          break;
        case "--incoming-every":
          o.incomingEverySeconds = Long.parseLong(value(args, ++i, a));
          break;
        case "--state":
          o.state = Paths.get(value(args, ++i, a));
          break;
        case "--name":
          o.name = value(args, ++i, a);
          break;
        case "--fail-every":
          o.failEvery = Integer.parseInt(value(args, ++i, a));
          break;
        case "--group-send":
          o.groupSend = true;
          break;
        case "--mms-max-bytes":
          o.mmsMaxBytes = Long.parseLong(value(args, ++i, a));
          if (o.mmsMaxBytes < 1 || o.mmsMaxBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--mms-max-bytes 1.." + Integer.MAX_VALUE);
          }
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (o.port < 0 || o.port > 65535) throw new IllegalArgumentException("bad port");
    return o;
  }

  private static boolean confirm(String v) {
    if (v.equals("auto")) return true;
    if (v.equals("reject")) return false;
    throw new IllegalArgumentException("--confirm auto|reject");
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    return args[i];
  }
}
