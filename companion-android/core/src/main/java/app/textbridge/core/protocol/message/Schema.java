package app.textbridge.core.protocol.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A small validator with the semantics of the TypeScript side's zod schemas: objects drop unknown
 * fields, optional means "may be absent" (null only where nullable), integers are JavaScript safe
 * integers. {@link #check} returns the normalised value (the tree the TS side's parse returns).
 */
public abstract class Schema {
  /** Largest integer JavaScript represents exactly (2^53 − 1). */
  public static final long MAX_SAFE = 9007199254740991L;

  /** Thrown with the JSON path of the first violation (no values: they may be message text). */
  public static final class Violation extends Exception {
    private static final long serialVersionUID = 1L;

    Violation(String path) {
      super("invalid at " + path);
    }
  }

  public abstract JsonElement check(JsonElement value, String path) throws Violation;

  public final JsonElement check(JsonElement value) throws Violation {
    return check(value, "$");
  }

  public Schema nullable() {
    Schema inner = this;
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        return v == null || v.isJsonNull() ? JsonNull.INSTANCE : inner.check(v, path);
      }
    };
  }

  /** Adds a rule over the already-normalised value. */
  public Schema refine(Predicate<JsonElement> rule) {
    Schema inner = this;
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        JsonElement out = inner.check(v, path);
        if (!rule.test(out)) throw new Violation(path);
        return out;
      }
    };
  }

  public static Schema string(int min, int max) {
    return string(min, max, null);
  }

  public static Schema string(int min, int max, String regex) {
    Pattern pattern = regex == null ? null : Pattern.compile(regex);
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
          throw new Violation(path);
        }
        String s = v.getAsString();
        if (s.length() < min || s.length() > max) throw new Violation(path);
        if (pattern != null && !pattern.matcher(s).matches()) throw new Violation(path);
        return new JsonPrimitive(s);
      }
    };
  }

  public static Schema integer(long min, long max) {
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        Long n = safeInteger(v);
        if (n == null || n < min || n > max) throw new Violation(path);
        return new JsonPrimitive(n);
      }
    };
  }

  public static Schema integer(long min) {
    return integer(min, MAX_SAFE);
  }

  public static Schema anyInteger() {
    return integer(-MAX_SAFE, MAX_SAFE);
  }

  public static Schema bool() {
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
          throw new Violation(path);
        }
        return new JsonPrimitive(v.getAsBoolean());
      }
    };
  }

  public static Schema oneOf(String... values) {
    Set<String> allowed = new HashSet<>(Arrays.asList(values));
    return string(0, Integer.MAX_VALUE).refine(v -> allowed.contains(v.getAsString()));
  }

  public static Schema array(Schema item, int min, int max) {
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        if (v == null || !v.isJsonArray()) throw new Violation(path);
        JsonArray in = v.getAsJsonArray();
        if (in.size() < min || in.size() > max) throw new Violation(path);
        JsonArray out = new JsonArray(in.size());
        for (int i = 0; i < in.size(); i++) out.add(item.check(in.get(i), path + "[" + i + "]"));
        return out;
      }
    };
  }

  /** An object with any fields, kept as they are (the envelope's body before its schema). */
  public static Schema looseObject() {
    return new Schema() {
      @Override
      public JsonElement check(JsonElement v, String path) throws Violation {
        if (v == null || !v.isJsonObject()) throw new Violation(path);
        return v;
      }
    };
  }

  public static ObjectSchema object() {
    return new ObjectSchema();
  }

  /** The number as a long when it is an integer within ±(2^53 − 1), else null. */
  static Long safeInteger(JsonElement v) {
    if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) return null;
    BigDecimal d;
    try {
      d = new BigDecimal(v.getAsJsonPrimitive().getAsString());
    } catch (NumberFormatException e) {
      return null;
    }
    if (d.abs().compareTo(BigDecimal.valueOf(MAX_SAFE)) > 0) return null;
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) return null;
    return d.longValue();
  }

  /** Fixed fields; unknown ones are dropped from the output. */
  public static final class ObjectSchema extends Schema {
    private final Map<String, Schema> required = new LinkedHashMap<>();
    private final Map<String, Schema> optional = new LinkedHashMap<>();
    private final Map<String, Boolean> order = new LinkedHashMap<>();

    public ObjectSchema req(String name, Schema schema) {
      required.put(name, schema);
      order.put(name, true);
      return this;
    }

    public ObjectSchema opt(String name, Schema schema) {
      optional.put(name, schema);
      order.put(name, false);
      return this;
    }

    @Override
    public JsonElement check(JsonElement v, String path) throws Violation {
      if (v == null || !v.isJsonObject()) throw new Violation(path);
      JsonObject in = v.getAsJsonObject();
      JsonObject out = new JsonObject();
      for (Map.Entry<String, Boolean> field : order.entrySet()) {
        String name = field.getKey();
        boolean isRequired = field.getValue();
        if (!in.has(name)) {
          // zod: a required field must be present even when nullable (undefined is not null).
          if (isRequired) throw new Violation(path + "." + name);
          continue;
        }
        Schema s = isRequired ? required.get(name) : optional.get(name);
        out.add(name, s.check(in.get(name), path + "." + name));
      }
      return out;
    }
  }
}
