// Schema version 1. Every table is STRICT and carries the device (as `device_key`, a small
// integer standing for the phone's 32-character instance id, so that a million messages do not
// repeat it). Comments in the SQL say why each non-obvious column exists.
import type { Migration } from './types'

const SCHEMA = `
-- CHECK constraints are written with OR and BETWEEN, never IN (list): SQLite builds an
-- ephemeral table for each IN list every time an INSERT runs, which measured 5 us per row for
-- two such checks on the messages table.

CREATE TABLE archive_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- Stable message ids are handed out from here, so an id is never reused after a delete.
  next_message_id INTEGER NOT NULL,
  -- 1 while rows exist that the search index does not cover (bulk back-fill): row-by-row index
  -- maintenance stops, and a 'rebuild' in the same transaction as clearing it repairs everything.
  fts_dirty INTEGER NOT NULL CHECK (fts_dirty BETWEEN 0 AND 1),
  fts_dirty_since INTEGER,
  fts_rebuilt_at INTEGER
) STRICT;
INSERT INTO archive_state (id, next_message_id, fts_dirty, fts_dirty_since, fts_rebuilt_at)
VALUES (1, 1, 0, NULL, NULL);

CREATE TABLE devices (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (length(id) = 32),
  name TEXT NOT NULL,
  model TEXT,
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  region TEXT CHECK (region IS NULL OR length(region) = 2),
  sims_json TEXT NOT NULL,
  paired_at INTEGER NOT NULL,
  unpaired_at INTEGER,
  last_seen_at INTEGER,
  -- Contacts are replaced wholesale; rows of the next generation are staged while pages arrive.
  contacts_generation INTEGER NOT NULL
) STRICT;

CREATE TABLE sync_state (
  device_key INTEGER PRIMARY KEY REFERENCES devices (key) ON DELETE CASCADE,
  watermark TEXT,
  recent_cursor TEXT,
  recent_done INTEGER NOT NULL CHECK (recent_done BETWEEN 0 AND 1),
  history_cursor TEXT,
  history_started INTEGER NOT NULL CHECK (history_started BETWEEN 0 AND 1),
  history_done INTEGER NOT NULL CHECK (history_done BETWEEN 0 AND 1),
  history_total INTEGER,
  history_received INTEGER NOT NULL,
  contacts_synced_at INTEGER
) STRICT;

CREATE TABLE threads (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  -- JSON array of the sorted normalised participant keys: the conversation's identity.
  participant_key TEXT NOT NULL,
  participants_json TEXT NOT NULL,
  title TEXT NOT NULL,
  title_fold TEXT NOT NULL,
  -- ' 447700900123 7700900123 ': digit forms of the participants for number search.
  number_terms TEXT NOT NULL,
  contact_ref TEXT,
  message_count INTEGER NOT NULL CHECK (message_count >= 0),
  unread_count INTEGER NOT NULL CHECK (unread_count >= 0),
  -- Desktop-local read state: messages with sort_key <= read_up_to count as read here.
  read_up_to INTEGER NOT NULL,
  -- The last message's sort_key (= its rowid): the list joins it instead of copying it.
  last_sort_key INTEGER NOT NULL,
  UNIQUE (device_key, participant_key)
) STRICT;
CREATE INDEX threads_recent ON threads (last_sort_key);
-- One phone's conversations by recency, and a covering index for the conversation part of
-- search (titles and numbers scanned as you type: the narrow index, not the rows with their
-- participants JSON). Every index here is rewritten when a conversation gets a new message.
CREATE INDEX threads_device_recent ON threads (device_key, last_sort_key, title_fold, number_terms);

CREATE TABLE messages (
  -- date * 1024 + slot. The rowid, so the table, the thread index and the FTS index are all
  -- in time order: newest-first search walks the FTS index backwards and stops after one page,
  -- and FTS 'rebuild' (which scans the table in rowid order) feeds the index ascending rowids.
  sort_key INTEGER PRIMARY KEY,
  id INTEGER NOT NULL UNIQUE,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  phone_id TEXT,
  send_key TEXT,
  kind TEXT NOT NULL CHECK (kind = 'sms' OR kind = 'mms'),
  box TEXT NOT NULL
    CHECK (box = 'inbox' OR box = 'sent' OR box = 'outbox' OR box = 'queued' OR box = 'failed'),
  addresses_json TEXT NOT NULL,
  sender TEXT,
  date INTEGER NOT NULL,
  date_sent INTEGER,
  body TEXT NOT NULL,
  -- Extra index terms (search-keys.ts): the conversation, emoji, normalised phone numbers.
  search_keys TEXT NOT NULL,
  phone_read INTEGER NOT NULL CHECK (phone_read BETWEEN 0 AND 1),
  status TEXT NOT NULL
    CHECK (status = 'none' OR status = 'pending' OR status = 'complete' OR status = 'failed'),
  sub_id INTEGER,
  phone_thread_id INTEGER,
  part_count INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX messages_phone_id ON messages (device_key, phone_id) WHERE phone_id IS NOT NULL;
CREATE INDEX messages_send_key ON messages (device_key, send_key) WHERE send_key IS NOT NULL;
CREATE INDEX messages_thread ON messages (thread_id, sort_key);

-- External content (the bodies are stored once, in messages). prefix '2 3' makes as-you-type
-- prefixes of 2 and 3 characters index lookups. No bm25 (results are newest first), so
-- columnsize = 0: no per-row size table to maintain.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
  body, search_keys,
  content = 'messages', content_rowid = 'sort_key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3',
  columnsize = 0
);
-- 32 MiB of pending index data before a flush (default 1 MiB): a rebuild of 100k messages
-- then writes one segment instead of dozens, and every query opens one segment per term
-- instead of one per flush (measured: 0.7 ms -> 0.05 ms of fixed cost per query).
INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 33554432);

-- No triggers keep the index current: MessageWriter maintains it explicitly in the same
-- transaction (fts-sync.ts), because a trigger costs ~4 us per row even when its WHEN clause
-- skips it, and the back-fill writes hundreds of thousands of rows that must skip it.

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  part_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER,
  name TEXT,
  UNIQUE (device_key, part_id)
) STRICT;
CREATE INDEX attachments_message ON attachments (message_id, seq);

-- Bytes live apart from the metadata so listing parts never drags blobs through the cache.
CREATE TABLE attachment_data (
  attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  bytes BLOB NOT NULL,
  fetched_at INTEGER NOT NULL
) STRICT;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  generation INTEGER NOT NULL,
  phone_contact_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  photo BLOB,
  UNIQUE (device_key, generation, phone_contact_id)
) STRICT;

CREATE TABLE contact_numbers (
  id INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  generation INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  raw TEXT NOT NULL,
  number_key TEXT NOT NULL,
  type TEXT NOT NULL
    CHECK (type = 'mobile' OR type = 'home' OR type = 'work' OR type = 'other'),
  label TEXT
) STRICT;
CREATE INDEX contact_numbers_contact ON contact_numbers (contact_id, seq);
CREATE INDEX contact_numbers_key ON contact_numbers (device_key, generation, number_key);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  device_key INTEGER NOT NULL REFERENCES devices (key) ON DELETE CASCADE,
  message_id INTEGER NOT NULL UNIQUE REFERENCES messages (id) ON DELETE CASCADE,
  send_key TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state = 'queued' OR state = 'dispatching' OR state = 'sent' OR state = 'delivered'
      OR state = 'failed' OR state = 'unknown'),
  reason TEXT,
  recipients_json TEXT NOT NULL,
  sub_id INTEGER,
  attempts INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (device_key, send_key),
  CHECK ((state = 'failed') = (reason IS NOT NULL))
) STRICT;
CREATE INDEX outbox_state ON outbox (device_key, state, id);
CREATE INDEX outbox_active ON outbox (state);
`

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(SCHEMA)
  },
}
