package app.textbridge.core.protocol.message;

import static app.textbridge.core.protocol.message.Shapes.ADDRESS;
import static app.textbridge.core.protocol.message.Shapes.CURSOR;
import static app.textbridge.core.protocol.message.Shapes.DISPLAY_NAME;
import static app.textbridge.core.protocol.message.Shapes.FILE_NAME;
import static app.textbridge.core.protocol.message.Shapes.MESSAGE_ID;
import static app.textbridge.core.protocol.message.Shapes.MIME;
import static app.textbridge.core.protocol.message.Shapes.PART_ID;
import static app.textbridge.core.protocol.message.Shapes.SEND_KEY_SCHEMA;
import static app.textbridge.core.protocol.message.Shapes.SMS_MESSAGE;
import static app.textbridge.core.protocol.message.Shapes.SUB_ID;
import static app.textbridge.core.protocol.message.Shapes.TIMESTAMP;
import static app.textbridge.core.protocol.message.Shapes.UPLOAD_ID_SCHEMA;
import static app.textbridge.core.protocol.message.Shapes.WATERMARK;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Body schemas of every message type (PROTOCOL.md §9, limits as in catalogue.ts). */
final class Bodies {
  private Bodies() {}

  static final int MAX_ATTACHMENT_CHUNK = 196_608;

  /** Largest file one attachment.upload sequence may carry (5 MiB). */
  static final int MAX_UPLOAD_BYTES = 5_242_880;

  /** Most attachments one send.request may reference. */
  static final int MAX_SEND_ATTACHMENTS = 10;

  static final Schema SIM =
      Schema.object()
          .req("subId", Schema.anyInteger())
          .req("slot", Schema.integer(0))
          .req("label", Schema.string(1, 64))
          .req("carrier", Schema.string(0, 64).nullable())
          .req("number", ADDRESS.nullable())
          .req("isDefault", Schema.bool())
          // The carrier's MMS size limit for this SIM; null or absent: unknown.
          .opt("mmsMaxBytes", Schema.integer(1, Integer.MAX_VALUE).nullable());

  static final Schema HELLO =
      Schema.object()
          .req("role", Schema.oneOf("desktop", "phone"))
          .req("app", Schema.string(1, 64))
          .req("appVersion", Schema.string(1, 32))
          .req("protocol", Schema.integer(1))
          .req("capabilities", Schema.array(Schema.string(1, 32), 0, 32))
          .req(
              "device",
              Schema.object()
                  .req("name", DISPLAY_NAME)
                  .opt("model", Schema.string(0, 64))
                  .opt("region", Schema.string(2, 2, "[A-Z]{2}")))
          .opt("sims", Schema.array(SIM, 0, 8));

  static final Schema PAIR_RESULT =
      Schema.object()
          .req("accepted", Schema.bool())
          .opt("reason", Schema.oneOf("user_rejected", "timeout", "already_paired"));

  static final Schema SYNC_SUBSCRIBE = Schema.object().req("watermark", WATERMARK.nullable());

  /** discriminatedUnion('op'): upsert {message} or delete {id}. */
  static final Schema CHANGE =
      new Schema() {
        private final Schema upsert =
            Schema.object().req("op", Schema.oneOf("upsert")).req("message", SMS_MESSAGE);
        private final Schema delete =
            Schema.object().req("op", Schema.oneOf("delete")).req("id", MESSAGE_ID);

        @Override
        public JsonElement check(JsonElement v, String path) throws Violation {
          if (v == null || !v.isJsonObject()) throw new Violation(path);
          JsonElement op = v.getAsJsonObject().get("op");
          if (Shapes.isString(op) && op.getAsString().equals("upsert"))
            return upsert.check(v, path);
          if (Shapes.isString(op) && op.getAsString().equals("delete"))
            return delete.check(v, path);
          throw new Violation(path + ".op");
        }
      };

  static final Schema SYNC_CHANGES =
      Schema.object()
          .req("changes", Schema.array(CHANGE, 0, 1000))
          .req("watermark", WATERMARK)
          .req("more", Schema.bool())
          .req("reset", Schema.bool());

  static final Schema SCOPE = Schema.oneOf("recent", "history");

  static final Schema SYNC_REQUEST =
      Schema.object()
          .req("scope", SCOPE)
          .req("cursor", CURSOR)
          .req("limit", Schema.integer(1, 1000))
          .opt("perThread", Schema.integer(1, 100));

  static final Schema SYNC_BATCH =
      Schema.object()
          .req("scope", SCOPE)
          .req("messages", Schema.array(SMS_MESSAGE, 0, 1000))
          .req("cursor", CURSOR)
          .req("total", Schema.integer(0));

  static final Schema MESSAGE_PUSH =
      Schema.object().req("message", SMS_MESSAGE).req("watermark", WATERMARK);

  static final Schema MESSAGE_DELETED =
      Schema.object().req("id", MESSAGE_ID).req("watermark", WATERMARK);

  static final Schema ACK = Schema.object().opt("watermark", WATERMARK);

  static final Schema CONTACTS_REQUEST =
      Schema.object()
          .req("cursor", CURSOR)
          .req("limit", Schema.integer(1, 500))
          .req("photos", Schema.bool());

  static final Schema CONTACT =
      Schema.object()
          .req("id", Schema.string(1, 64))
          .req("name", Schema.string(1, 256))
          .req(
              "numbers",
              Schema.array(
                  Schema.object()
                      .req("number", ADDRESS)
                      .req("type", Schema.oneOf("mobile", "home", "work", "other"))
                      .req("label", Schema.string(0, 64).nullable()),
                  1,
                  20))
          .req("photo", Schema.string(0, 32_768).nullable());

  static final Schema CONTACTS_BATCH =
      Schema.object()
          .req("contacts", Schema.array(CONTACT, 0, 500))
          .req("cursor", CURSOR)
          .req("total", Schema.integer(0));

  static final Schema EMPTY = Schema.object();

  static final Schema SEND_ATTACHMENT =
      Schema.object().req("uploadId", UPLOAD_ID_SCHEMA).req("mime", MIME).req("name", FILE_NAME);

  static final Schema SEND_REQUEST =
      Schema.object()
          .req("key", SEND_KEY_SCHEMA)
          .req("to", Schema.array(ADDRESS, 1, 20))
          .req("body", Schema.string(0, 5000))
          .req("subId", SUB_ID)
          .opt("attachments", Schema.array(SEND_ATTACHMENT, 0, MAX_SEND_ATTACHMENTS))
          // A send needs a body or an attachment.
          .refine(
              v -> {
                JsonObject o = v.getAsJsonObject();
                return !o.get("body").getAsString().isEmpty()
                    || (o.has("attachments") && o.getAsJsonArray("attachments").size() > 0);
              });

  static final Schema SEND_STATUS =
      Schema.object()
          .req("key", SEND_KEY_SCHEMA)
          .req(
              "state",
              Schema.oneOf(
                  "accepted", "waiting_for_user", "sent", "delivered", "failed", "unknown"))
          .opt(
              "reason",
              Schema.oneOf(
                  "generic_failure",
                  "radio_off",
                  "no_service",
                  "null_pdu",
                  "limit_exceeded",
                  "no_permission",
                  "invalid_address",
                  "sim_unavailable",
                  "group_unsupported",
                  "body_too_long",
                  "short_code_blocked",
                  "mms_too_large",
                  "mms_unsupported",
                  "attachment_missing"))
          .opt("detail", Schema.string(0, 200))
          .req("messageId", MESSAGE_ID.nullable())
          .opt(
              "parts",
              Schema.object()
                  .req("total", Schema.integer(1))
                  .req("sent", Schema.integer(0))
                  .req("delivered", Schema.integer(0)))
          .req("at", TIMESTAMP)
          // reason is present exactly when state is failed.
          .refine(
              v -> {
                JsonObject o = v.getAsJsonObject();
                return o.get("state").getAsString().equals("failed") == o.has("reason");
              });

  static final Schema ATTACHMENT_REQUEST =
      Schema.object()
          .req("partId", PART_ID)
          .req("offset", Schema.integer(0))
          .req("length", Schema.integer(1, MAX_ATTACHMENT_CHUNK));

  static final Schema ATTACHMENT_CHUNK =
      Schema.object()
          .req("partId", PART_ID)
          .req("offset", Schema.integer(0))
          .req("total", Schema.integer(0))
          .req("mime", Schema.string(1, 100))
          .req("data", Schema.string(0, MAX_ATTACHMENT_CHUNK / 3 * 4, "[A-Za-z0-9+/]*={0,2}"));

  static final Schema UPLOAD_TOTAL = Schema.integer(1, MAX_UPLOAD_BYTES);

  static final Schema ATTACHMENT_UPLOAD =
      Schema.object()
          .req("uploadId", UPLOAD_ID_SCHEMA)
          .req("offset", Schema.integer(0))
          .req("total", UPLOAD_TOTAL)
          .req("mime", MIME)
          .req("name", FILE_NAME)
          .req(
              "data",
              Schema.string(0, MAX_ATTACHMENT_CHUNK / 3 * 4)
                  .refine(v -> Shapes.base64Bytes(v.getAsString()) >= 1))
          // The chunk ends at or before total.
          .refine(
              v -> {
                JsonObject o = v.getAsJsonObject();
                long end =
                    o.get("offset").getAsLong() + Shapes.base64Bytes(o.get("data").getAsString());
                return end <= o.get("total").getAsLong();
              });

  static final Schema ATTACHMENT_STORED =
      Schema.object()
          .req("uploadId", UPLOAD_ID_SCHEMA)
          .req("received", Schema.integer(0))
          .req("total", UPLOAD_TOTAL)
          .refine(
              v -> {
                JsonObject o = v.getAsJsonObject();
                return o.get("received").getAsLong() <= o.get("total").getAsLong();
              });

  static final Schema TS = Schema.object().req("ts", TIMESTAMP);

  static final Schema ERROR =
      Schema.object()
          .req(
              "code",
              Schema.oneOf(
                  "unknown_type",
                  "unsupported_version",
                  "bad_request",
                  "not_found",
                  "not_ready",
                  "permission_denied",
                  "busy",
                  "internal",
                  "key_mismatch"))
          .opt("message", Schema.string(0, 200));
}
