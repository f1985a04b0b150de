// Schema version 2: texts imported from backup files. A backup keeps drafts as texts of their
// own, so the messages table learns the 'draft' box, and each imported row carries the key that
// identifies it across files, re-imports and the phone's own copy (import_key; see
// messages/import-key.ts). SQLite cannot widen a CHECK in place, so the table is rebuilt with its
// rowids (the sort keys the search index points at) unchanged; the runner turns foreign keys off
// around this step, since dropping the old table would otherwise cascade into its children.
import type { Migration } from './types'

const MESSAGES = `
CREATE TABLE messages_v2 (
  sort_key INTEGER PRIMARY KEY,
  id INTEGER NOT NULL UNIQUE,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  phone_id TEXT,
  send_key TEXT,
  kind TEXT NOT NULL CHECK (kind = 'sms' OR kind = 'mms'),
  box TEXT NOT NULL
    CHECK (box = 'inbox' OR box = 'sent' OR box = 'outbox' OR box = 'queued' OR box = 'failed'
      OR box = 'draft'),
  addresses_json TEXT NOT NULL,
  sender TEXT,
  date INTEGER NOT NULL,
  date_sent INTEGER,
  body TEXT NOT NULL,
  search_keys TEXT NOT NULL,
  phone_read INTEGER NOT NULL CHECK (phone_read BETWEEN 0 AND 1),
  status TEXT NOT NULL
    CHECK (status = 'none' OR status = 'pending' OR status = 'complete' OR status = 'failed'),
  sub_id INTEGER,
  phone_thread_id INTEGER,
  part_count INTEGER NOT NULL,
  -- Set on a text that came from a backup file (and kept when the phone's copy merges into it):
  -- such a row stays when the phone no longer has the text.
  import_key TEXT
) STRICT;
INSERT INTO messages_v2 (sort_key, id, device_key, thread_id, phone_id, send_key, kind, box,
    addresses_json, sender, date, date_sent, body, search_keys, phone_read, status, sub_id,
    phone_thread_id, part_count)
  SELECT sort_key, id, device_key, thread_id, phone_id, send_key, kind, box, addresses_json,
    sender, date, date_sent, body, search_keys, phone_read, status, sub_id, phone_thread_id,
    part_count
  FROM messages ORDER BY sort_key;
DROP TABLE messages;
ALTER TABLE messages_v2 RENAME TO messages;
CREATE UNIQUE INDEX messages_phone_id ON messages (device_key, phone_id) WHERE phone_id IS NOT NULL;
CREATE INDEX messages_send_key ON messages (device_key, send_key) WHERE send_key IS NOT NULL;
CREATE INDEX messages_thread ON messages (thread_id, sort_key);
-- Partial: a phone-only archive pays nothing for it on the bulk path.
CREATE UNIQUE INDEX messages_import_key ON messages (device_key, import_key)
  WHERE import_key IS NOT NULL;

-- Each file imported, so that running the same import again (after a kill, or of a repaired
-- file) resumes where the last one committed instead of reading every message again.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  -- The file's identity: size and a hash of its first 64 KiB, not its path (files get moved).
  file_key TEXT NOT NULL,
  file_name TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  -- Messages read from the file so far, committed: a resumed run skips this many.
  read_count INTEGER NOT NULL CHECK (read_count >= 0),
  added INTEGER NOT NULL CHECK (added >= 0),
  present INTEGER NOT NULL CHECK (present >= 0),
  outcome TEXT CHECK (outcome IS NULL OR outcome = 'complete' OR outcome = 'damaged'
    OR outcome = 'cancelled'),
  detail TEXT,
  UNIQUE (device_key, file_key)
) STRICT;
`

export const migration002: Migration = {
  version: 2,
  name: 'imported texts and drafts',
  foreignKeysOff: true,
  up(db) {
    db.exec(MESSAGES)
  },
}
