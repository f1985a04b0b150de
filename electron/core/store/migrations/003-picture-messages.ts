// Schema version 3: sending pictures and group texts (PROTOCOL.md §9.1, §9.9, §9.14).
// - devices.capabilities_json keeps what the phone's last hello listed, so the window can be
//   told what the phone can send while it is not connected. Older rows start with none known,
//   which offers nothing new until the phone says hello again.
// - The outbox learns the state 'waiting' (the phone asks its user before sending) and keeps
//   each outgoing file's upload in parts_json. SQLite cannot widen a CHECK in place, so the
//   table is rebuilt; nothing references the outbox, so foreign keys can stay on.
import type { Migration } from './types'

const SCHEMA = `
ALTER TABLE devices ADD COLUMN capabilities_json TEXT NOT NULL DEFAULT '[]';

CREATE TABLE outbox_v3 (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  message_id INTEGER NOT NULL UNIQUE REFERENCES messages (id) ON DELETE CASCADE,
  send_key TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state = 'queued' OR state = 'dispatching' OR state = 'waiting' OR state = 'sent'
      OR state = 'delivered' OR state = 'failed' OR state = 'unknown'),
  reason TEXT,
  recipients_json TEXT NOT NULL,
  sub_id INTEGER,
  attempts INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- The files of a picture message and how far each upload got ('[]' for a plain text). The
  -- bytes are not here: they are the bubble's own parts (attachments, attachment_data).
  parts_json TEXT NOT NULL,
  UNIQUE (device_key, send_key),
  CHECK ((state = 'failed') = (reason IS NOT NULL))
) STRICT;
INSERT INTO outbox_v3 (id, device_key, message_id, send_key, state, reason, recipients_json,
    sub_id, attempts, created_at, updated_at, parts_json)
  SELECT id, device_key, message_id, send_key, state, reason, recipients_json, sub_id, attempts,
    created_at, updated_at, '[]'
  FROM outbox ORDER BY id;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_state ON outbox (device_key, state, id);
CREATE INDEX outbox_active ON outbox (state);
`

export const migration003: Migration = {
  version: 3,
  name: 'picture and group messages',
  up(db) {
    db.exec(SCHEMA)
  },
}
