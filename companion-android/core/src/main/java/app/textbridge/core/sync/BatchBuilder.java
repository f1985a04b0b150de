package app.textbridge.core.sync;

import app.textbridge.core.protocol.message.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;

/**
 * Collects items for one batch while keeping the encoded size under the frame's plaintext budget
 * (PROTOCOL.md §6: 4 MiB). Sizes are measured on the encoded JSON, since bodies may be up to
 * 262,144 UTF-16 units and escape to several bytes each.
 */
final class BatchBuilder {
  private final JsonArray items = new JsonArray();
  private final int maxItems;
  private final long budget;
  private long used;

  BatchBuilder(int maxItems, long budgetBytes) {
    this.maxItems = maxItems;
    this.budget = budgetBytes;
  }

  /** Adds the item if it fits; the first item is always taken (one item always fits the cap). */
  boolean offer(JsonElement item) {
    if (items.size() >= maxItems) return false;
    long size = Json.stringify(item).getBytes(StandardCharsets.UTF_8).length + 1;
    if (items.size() > 0 && used + size > budget) return false;
    items.add(item);
    used += size;
    return true;
  }

  boolean isFull() {
    return items.size() >= maxItems;
  }

  int size() {
    return items.size();
  }

  JsonArray items() {
    return items;
  }
}
