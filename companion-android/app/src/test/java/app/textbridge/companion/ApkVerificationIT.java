package app.textbridge.companion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Checks the APK that build-apk.sh produced in the package phase, with the same tools a release
 * manager would use: apksigner, zipalign, aapt, and a dex reader for the code itself.
 */
public class ApkVerificationIT {
  private static final List<String> PERMISSIONS =
      Arrays.asList(
          "READ_SMS",
          "RECEIVE_SMS",
          "SEND_SMS",
          "READ_CONTACTS",
          "READ_PHONE_STATE",
          "INTERNET",
          "ACCESS_NETWORK_STATE",
          "ACCESS_WIFI_STATE",
          "CHANGE_WIFI_MULTICAST_STATE",
          "FOREGROUND_SERVICE",
          "FOREGROUND_SERVICE_CONNECTED_DEVICE",
          "POST_NOTIFICATIONS",
          "CAMERA",
          "RECEIVE_BOOT_COMPLETED",
          "REQUEST_IGNORE_BATTERY_OPTIMIZATIONS");

  /** ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE. */
  private static final int CONNECTED_DEVICE = 0x10;

  private static File apk;
  private static Set<String> dexClasses;

  @BeforeClass
  public static void readApk() throws IOException {
    apk = new File(System.getProperty("textbridge.apk"));
    assertTrue(apk + " was not built", apk.isFile());
    dexClasses = new HashSet<>();
    try (ZipFile zip = new ZipFile(apk)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().matches("classes\\d*\\.dex")) {
          try (InputStream in = zip.getInputStream(entry)) {
            dexClasses.addAll(DexClasses.definedIn(in.readAllBytes()));
          }
        }
      }
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    process.getInputStream().transferTo(out);
    int exit = process.waitFor();
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(String.join(" ", command) + " failed:\n" + text, 0, exit);
    return text;
  }

  @Test
  public void signatureVerifiesWithSchemesV2AndV3() throws Exception {
    String out = run("apksigner", "verify", "--verbose", apk.getPath());
    assertTrue(out, out.contains("Verified using v2 scheme (APK Signature Scheme v2): true"));
    assertTrue(out, out.contains("Verified using v3 scheme (APK Signature Scheme v3): true"));
  }

  @Test
  public void isZipAligned() throws Exception {
    run("zipalign", "-c", "4", apk.getPath());
  }

  @Test
  public void badgingShowsPackageSdkLevelsAndEveryPermission() throws Exception {
    String out = run("aapt", "dump", "badging", apk.getPath());
    assertTrue(out, out.contains("package: name='app.textbridge.companion'"));
    assertTrue(out, out.contains("sdkVersion:'26'"));
    assertTrue(out, out.contains("targetSdkVersion:'35'"));
    assertTrue(
        out, out.contains("launchable-activity: name='app.textbridge.companion.ui.MainActivity'"));
    for (String permission : PERMISSIONS) {
      assertTrue(
          permission,
          out.contains("uses-permission: name='android.permission." + permission + "'"));
    }
  }

  @Test
  public void serviceIsAConnectedDeviceForegroundService() throws Exception {
    String tree = run("aapt", "dump", "xmltree", apk.getPath(), "AndroidManifest.xml");
    int service = tree.indexOf("E: service");
    assertTrue(tree, service >= 0);
    int next = tree.indexOf("E: ", service + 1);
    String element = tree.substring(service, next < 0 ? tree.length() : next);
    // aapt keeps the manifest's relative name; Android resolves it against the package.
    assertTrue(
        element,
        element.contains("=\".service.MirrorService\"")
            || element.contains("=\"app.textbridge.companion.service.MirrorService\""));
    // aapt prints flags as: A: android:foregroundServiceType(0x01010599)=(type 0x11)0x10
    Matcher type =
        Pattern.compile("android:foregroundServiceType\\([^)]*\\)=\\(type 0x11\\)0x([0-9a-f]+)")
            .matcher(element);
    assertTrue(element, type.find());
    assertEquals(CONNECTED_DEVICE, Integer.parseInt(type.group(1), 16));
    assertTrue(tree, tree.contains("android:allowBackup(0x01010280)=(type 0x12)0x0"));
  }

  @Test
  public void dexHoldsTheAppsClassesAndNothingFromTheTestClasspath() {
    // The components the manifest names (R8 keeps them by aapt's rules); helpers may be
    // inlined or merged by R8, so they are not listed.
    for (String name :
        new String[] {
          "ui/MainActivity",
          "service/MirrorService",
          "service/BootReceiver",
          "service/SmsReceiver",
          "send/MmsSentReceiver",
          "send/MmsPduProvider"
        }) {
      String descriptor = "Lapp/textbridge/companion/" + name + ";";
      assertTrue(descriptor + " missing from the dex", dexClasses.contains(descriptor));
    }
    assertTrue(
        "zxing's QR reader was shrunk away",
        dexClasses.contains("Lcom/google/zxing/qrcode/QRCodeReader;"));
    assertTrue(
        "zxing's writer is unused and should be shrunk away",
        !dexClasses.contains("Lcom/google/zxing/qrcode/QRCodeWriter;"));
    for (String cls : dexClasses) {
      assertFalse(
          cls,
          cls.startsWith("Landroid/")
              || cls.startsWith("Lorg/robolectric/")
              || cls.startsWith("Lorg/junit/")
              || cls.startsWith("Ljava/"));
    }
  }

  @Test
  public void dexHoldsEveryClassOfTheCore() throws IOException {
    File libs = new File(System.getProperty("textbridge.apk.libs"));
    File[] coreJars =
        libs.listFiles(
            (dir, name) ->
                name.matches("app\\.textbridge\\.core-.*\\.jar") && !name.contains("tests"));
    assertTrue("core's jar was not copied into " + libs, coreJars != null && coreJars.length == 1);
    List<String> missing = new ArrayList<>();
    try (JarFile core = new JarFile(coreJars[0])) {
      Enumeration<JarEntry> entries = core.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class")
            && !name.startsWith("META-INF/")
            && !name.equals("module-info.class")) {
          String descriptor = "L" + name.substring(0, name.length() - ".class".length()) + ";";
          if (!dexClasses.contains(descriptor)) {
            missing.add(descriptor);
          }
        }
      }
    }
    assertTrue("core classes not in the dex: " + missing, missing.isEmpty());
  }
}
