package app.textbridge.companion.provider;

import android.content.ContentResolver;
import android.database.Cursor;
import android.database.SQLException;
import android.webkit.MimeTypeMap;
import app.textbridge.core.model.PartInfo;
import app.textbridge.core.port.EventLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a page of MMS, read with one query on {@code content://mms/part} ({@code mid IN
 * (…)}) instead of one per message. Text parts make the body; SMIL (layout only) is dropped;
 * everything else is listed as a {@link PartInfo} whose bytes the desktop fetches on demand.
 */
final class MmsParts {
  /** PROTOCOL.md §8: at most 20 parts, mime 1–100 characters, name at most 255. */
  static final int MAX_PARTS = 20;

  private static final int CHUNK = 400; // bound variables per query, below SQLite's 999
  private static final String SMIL = "application/smil";
  private static final String TEXT = "text/plain";
  static final String OCTET_STREAM = "application/octet-stream";

  private MmsParts() {}

  /** What one message's parts contribute to its record. */
  static final class Content {
    final StringBuilder body = new StringBuilder();
    final List<PartInfo> parts = new ArrayList<>();
  }

  static Map<Long, Content> read(
      ContentResolver resolver, Schema schema, List<Long> mmsIds, EventLog log)
      throws ProviderException {
    Map<Long, Content> out = new HashMap<>();
    String[] projection = schema.part();
    for (int from = 0; from < mmsIds.size(); from += CHUNK) {
      List<Long> chunk = mmsIds.subList(from, Math.min(mmsIds.size(), from + CHUNK));
      StringBuilder in = new StringBuilder();
      String[] args = new String[chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        in.append(i == 0 ? "?" : ",?");
        args[i] = Long.toString(chunk.get(i));
      }
      try (Cursor c =
          resolver.query(
              Telephony2.MMS_PART,
              projection,
              Telephony2.PART_MID + " IN (" + in + ")",
              args,
              Telephony2.PART_MID + ", " + Telephony2.ID)) {
        if (c == null) {
          throw new ProviderException("no cursor for mms parts", null);
        }
        Row r =
            new Row(
                c,
                Telephony2.ID,
                Telephony2.PART_MID,
                Telephony2.PART_CT,
                Telephony2.PART_NAME,
                Telephony2.PART_FN,
                Telephony2.PART_CL,
                Telephony2.PART_TEXT);
        while (c.moveToNext()) {
          addPart(resolver, r, out, log);
        }
      } catch (SQLException | IllegalArgumentException e) {
        schema.reset();
        throw new ProviderException("mms parts query failed", e);
      } catch (SecurityException e) {
        throw new ProviderException("not allowed to read mms parts", e);
      }
    }
    return out;
  }

  private static void addPart(
      ContentResolver resolver, Row r, Map<Long, Content> out, EventLog log) {
    Long id = r.getLong(Telephony2.ID);
    Long mid = r.getLong(Telephony2.PART_MID);
    if (id == null || mid == null) {
      log.warn("provider", "mms part without _id or mid skipped");
      return;
    }
    try {
      Content content = out.get(mid);
      if (content == null) {
        content = new Content();
        out.put(mid, content);
      }
      String name = name(r);
      String mime = mime(r.getString(Telephony2.PART_CT), name);
      if (mime.equals(SMIL)) {
        return;
      }
      if (mime.equals(TEXT)) {
        String text = r.getString(Telephony2.PART_TEXT);
        if (text == null) {
          // Some OEM providers keep text parts as files (_data) with an empty text column.
          text = readSmallText(resolver, id);
        }
        if (content.body.length() > 0) {
          content.body.append('\n');
        }
        content.body.append(text);
        return;
      }
      if (content.parts.size() < MAX_PARTS) {
        content.parts.add(new PartInfo("mms:" + mid + ":" + id, mime, null, name));
      }
    } catch (RuntimeException e) {
      log.warn(
          "provider",
          "mms part " + id + " of mms:" + mid + " skipped: " + e.getClass().getSimpleName());
    }
  }

  private static String name(Row r) {
    for (String column :
        new String[] {Telephony2.PART_NAME, Telephony2.PART_FN, Telephony2.PART_CL}) {
      String v = r.getString(column);
      if (v != null && !v.trim().isEmpty()) {
        String t = v.trim();
        return t.length() > 255 ? t.substring(0, 255) : t;
      }
    }
    return null;
  }

  /**
   * The part's type, lower-cased without parameters. A null or blank ct (seen on MMS relayed by
   * e-mail gateways) is guessed from the file name, else application/octet-stream.
   */
  static String mime(String ct, String name) {
    String m = ct == null ? "" : ct.trim().toLowerCase(Locale.ROOT);
    int semi = m.indexOf(';');
    if (semi >= 0) {
      m = m.substring(0, semi).trim();
    }
    if (m.isEmpty() || m.indexOf('/') < 0 || m.length() > 100) {
      m = OCTET_STREAM;
      int dot = name == null ? -1 : name.lastIndexOf('.');
      if (dot >= 0) {
        String guess =
            MimeTypeMap.getSingleton()
                .getMimeTypeFromExtension(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (guess != null) {
          m = guess;
        }
      }
    }
    return m;
  }

  private static String readSmallText(ContentResolver resolver, long partId) {
    try (InputStream in = resolver.openInputStream(Telephony2.mmsPart(partId))) {
      if (in == null) {
        return "";
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0 && out.size() < SmsRows.MAX_BODY * 2) {
        out.write(buf, 0, n);
      }
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
