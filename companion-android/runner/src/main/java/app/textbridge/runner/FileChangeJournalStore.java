package app.textbridge.runner;

import app.textbridge.core.model.DesktopSyncState;
import app.textbridge.core.model.JournalEntry;
import app.textbridge.core.support.InMemoryChangeJournalStore;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The change journal as an append-only log in {@code <state>/journal.log} (one JSON line per
 * append, prune or ack), replayed at start and compacted when it grows. Lines are flushed, not
 * fsynced: losing the tail in a crash only makes desktops run a history pass (reset=true).
 */
final class FileChangeJournalStore extends InMemoryChangeJournalStore {
  private final Path file;
  private BufferedWriter out;
  private long lines;

  FileChangeJournalStore(Path dir) throws IOException {
    this.file = dir.resolve("journal.log");
    if (Files.exists(file)) replay(Files.readAllLines(file, StandardCharsets.UTF_8));
    compact();
  }

  private void replay(List<String> all) {
    for (String line : all) {
      if (line.isEmpty()) continue;
      JsonObject o;
      try {
        o = JsonParser.parseString(line).getAsJsonObject();
      } catch (RuntimeException e) {
        break; // a torn last line
      }
      if (o.has("epoch")) {
        epoch = o.get("epoch").getAsString();
        lastSeq = o.get("last").getAsLong();
      } else if (o.has("a")) {
        JsonArray a = o.getAsJsonArray("a");
        JournalEntry e =
            new JournalEntry(a.get(0).getAsLong(), a.get(1).getAsBoolean(), a.get(2).getAsString());
        entries.addLast(e);
        lastSeq = Math.max(lastSeq, e.seq);
      } else if (o.has("p")) {
        long seq = o.get("p").getAsLong();
        while (!entries.isEmpty() && entries.peekFirst().seq <= seq) entries.removeFirst();
      } else if (o.has("k")) {
        JsonArray k = o.getAsJsonArray("k");
        acks.put(
            k.get(0).getAsString(),
            new DesktopSyncState(
                k.get(0).getAsString(), k.get(1).getAsLong(), k.get(2).getAsLong()));
      } else if (o.has("r")) {
        acks.remove(o.get("r").getAsString());
      }
    }
  }

  private synchronized void compact() throws IOException {
    if (out != null) out.close();
    StringBuilder b = new StringBuilder();
    JsonObject head = new JsonObject();
    head.addProperty("epoch", epoch);
    head.addProperty("last", lastSeq);
    b.append(head).append('\n');
    for (JournalEntry e : entries) b.append(appendLine(e)).append('\n');
    for (DesktopSyncState s : acks.values()) b.append(ackLine(s)).append('\n');
    AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
    lines = 1 + entries.size() + acks.size();
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Override
  public synchronized JournalEntry append(boolean deleted, String messageId) {
    JournalEntry e = super.append(deleted, messageId);
    write(appendLine(e));
    return e;
  }

  @Override
  public synchronized void pruneThrough(long seq) {
    super.pruneThrough(seq);
    JsonObject o = new JsonObject();
    o.addProperty("p", seq);
    write(o);
  }

  @Override
  public synchronized void saveAck(DesktopSyncState state) {
    super.saveAck(state);
    write(ackLine(state));
  }

  @Override
  public synchronized void removeAck(String desktopKeyHex) {
    super.removeAck(desktopKeyHex);
    JsonObject o = new JsonObject();
    o.addProperty("r", desktopKeyHex);
    write(o);
  }

  private void write(JsonObject line) {
    try {
      out.write(line.toString());
      out.write('\n');
      out.flush();
      if (++lines > 4L * (entries.size() + acks.size()) + 10_000) compact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject appendLine(JournalEntry e) {
    JsonArray a = new JsonArray();
    a.add(e.seq);
    a.add(e.deleted);
    a.add(e.messageId);
    JsonObject o = new JsonObject();
    o.add("a", a);
    return o;
  }

  private static JsonObject ackLine(DesktopSyncState s) {
    JsonArray k = new JsonArray();
    k.add(s.desktopKeyHex);
    k.add(s.ackedSeq);
    k.add(s.ackedAt);
    JsonObject o = new JsonObject();
    o.add("k", k);
    return o;
  }
}
