package app.textbridge.companion;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lists the classes a classes.dex defines, read straight from the format (header, string_ids,
 * type_ids, class_defs; https://source.android.com/docs/core/runtime/dex-format), so the APK check
 * needs no Android tool to prove the app's code really is in the dex.
 */
final class DexClasses {
  private DexClasses() {}

  /** Type descriptors such as {@code Lapp/textbridge/companion/service/MirrorService;}. */
  static Set<String> definedIn(byte[] dex) {
    ByteBuffer buf = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
    String magic = new String(dex, 0, 4, StandardCharsets.US_ASCII);
    if (!"dex\n".equals(magic)) {
      throw new IllegalArgumentException("Not a dex file (magic " + magic.trim() + ")");
    }
    int stringIdsOff = buf.getInt(0x3C);
    int typeIdsOff = buf.getInt(0x44);
    int classDefsSize = buf.getInt(0x60);
    int classDefsOff = buf.getInt(0x64);
    Set<String> classes = new LinkedHashSet<>();
    for (int i = 0; i < classDefsSize; i++) {
      int typeIdx =
          buf.getInt(classDefsOff + i * 32); // class_def_item is 32 bytes, class_idx first
      int descriptorIdx = buf.getInt(typeIdsOff + typeIdx * 4);
      int stringDataOff = buf.getInt(stringIdsOff + descriptorIdx * 4);
      classes.add(readString(dex, stringDataOff));
    }
    return classes;
  }

  /** string_data_item: ULEB128 UTF-16 length, then MUTF-8 bytes ending in 0. */
  private static String readString(byte[] dex, int offset) {
    int pos = offset;
    while ((dex[pos] & 0x80) != 0) {
      pos++; // skip the length; the terminating 0 is what bounds the bytes
    }
    pos++;
    int end = pos;
    while (dex[end] != 0) {
      end++;
    }
    // Descriptors are ASCII in practice; MUTF-8 equals UTF-8 for everything but U+0000 and
    // supplementary characters, neither of which a class name here contains.
    return new String(dex, pos, end - pos, StandardCharsets.UTF_8);
  }
}
