package app.textbridge.runner;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code npm run phone -- [options]}: the phone core on this JVM. Stdout carries one JSON event per
 * line; stdin takes one JSON command per line ({@code incoming}, {@code scan}, {@code delete},
 * {@code quit}). End of stdin does not stop the phone (CI runs it without stdin); quit or SIGTERM
 * does.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Events events = new Events(new PrintStream(System.out, true, "UTF-8"));
    Runner runner = new Runner(options, events);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(runner)));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.trim().isEmpty()) continue;
      JsonObject cmd;
      try {
        cmd = JsonParser.parseString(line).getAsJsonObject();
      } catch (RuntimeException e) {
        events.error("bad_command", "not a JSON object");
        continue;
      }
      try {
        if (!runner.command(cmd)) {
          System.exit(0);
        }
      } catch (RuntimeException e) {
        events.error("bad_command", e.getClass().getSimpleName());
      }
    }
    // stdin closed: keep serving until killed.
    Thread.currentThread().join();
  }

  private static void close(Runner runner) {
    try {
      runner.close();
    } catch (Exception e) {
      System.err.println("[runner] stop failed: " + e.getClass().getSimpleName());
    }
  }
}
